package dev.camelkling.examples;

import java.nio.file.Path;

import org.apache.camel.builder.RouteBuilder;

/**
 * The README demo: every prompt file dropped into the inbox becomes a text-to-video task, every picture an
 * image-to-video task; each finished video is streamed into the outbox under the input's name.
 */
public class DemoRoutes extends RouteBuilder {

    private final Path inbox;
    private final Path outbox;

    public DemoRoutes(Path inbox, Path outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Override
    public void configure() {
        from("file:" + inbox + "?include=.*\\.txt&noop=true&initialDelay=0")
                .routeId("prompt-to-video")
                .log("Prompt ${file:name}: ${body}")
                .to("kling:text2video?aspectRatio=16:9&duration=5&waitForCompletion=true&pollInterval=1s&download=true")
                .log("Task ${header.CamelKlingTaskId} ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}")
                .to("file:" + outbox + "?fileName=${file:onlyname.noext}.mp4");

        from("file:" + inbox + "?include=.*\\.(png|jpg|jpeg)&noop=true&initialDelay=0")
                .routeId("picture-to-video")
                .log("Picture ${file:name}")
                .to("kling:image2video?prompt=The scene slowly comes alive, gentle camera drift"
                    + "&waitForCompletion=true&pollInterval=1s&download=true")
                .log("Task ${header.CamelKlingTaskId} ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}")
                .to("file:" + outbox + "?fileName=${file:onlyname.noext}.mp4");
    }
}
