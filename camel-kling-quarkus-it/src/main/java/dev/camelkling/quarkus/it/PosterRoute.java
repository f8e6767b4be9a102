package dev.camelkling.quarkus.it;

import org.apache.camel.builder.RouteBuilder;

/**
 * Turns every prompt file dropped into the inbox into a poster: one Kling image generation task, waited for and
 * downloaded, written to the outbox as {@code <prompt file name>-<Kling task id>.png}.
 * <p>
 * Camel Quarkus finds this class in the application's index; the {@code kling} component is found in the camel-kling
 * jar, which carries its own index, and configured from {@code camel.component.kling.*} in application.properties.
 */
public class PosterRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{posters.inbox}}?include=.*\\.txt&delay={{posters.poll-delay}}&move=.done&moveFailed=.failed")
                .routeId("posters")
                .convertBodyTo(String.class)
                .to("kling:imageGeneration?waitForCompletion=true&download=true")
                .to("file:{{posters.outbox}}?fileName=${file:onlyname.noext}-${header.CamelKlingTaskId}.png")
                .log("Poster ${header.CamelFileNameProduced} for task ${header.CamelKlingTaskId}");
    }
}
