package dev.camelkling.karaf.example;

import org.apache.camel.builder.RouteBuilder;

/**
 * Once: a prompt from the configuration goes to {@code kling:imageGeneration}, which waits for the task and downloads
 * the image; the file component writes it as {@code <task id>.png}. Every setting is a property placeholder, filled
 * from the configuration {@value ExampleActivator#PID} (etc/dev.camelkling.example.cfg).
 */
final class KlingImageRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:kling-karaf-example?repeatCount=1&delay=100")
                .routeId("kling-karaf-example")
                .setBody(simple("{{prompt}}"))
                .to("kling:imageGeneration?baseUrl={{kling.baseUrl}}"
                        + "&accessKey={{kling.accessKey}}&secretKey={{kling.secretKey}}"
                        + "&waitForCompletion=true&download=true"
                        + "&pollInterval={{kling.pollInterval:2s}}&maxPollInterval={{kling.maxPollInterval:15s}}")
                .to("file:{{output.directory}}?fileName=${header.CamelKlingTaskId}.png")
                .log("Kling task ${header.CamelKlingTaskId} ${header.CamelKlingTaskStatus}: ${header.CamelFileNameProduced}");
    }
}
