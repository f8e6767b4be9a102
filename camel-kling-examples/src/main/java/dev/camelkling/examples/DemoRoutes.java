package dev.camelkling.examples;

import java.nio.file.Path;

import org.apache.camel.builder.RouteBuilder;

/**
 * The README demo. Every numbered prompt file in the inbox becomes a video (text2video; prompt 03 with Kling 3.0 on
 * Kling's 2026 new design, the others on the legacy design), every picture an animated one (image2video); showcase.txt goes through a chain (text2video, then videoExtend to 10 s, then lip sync with the
 * bundled voice), writing each step's video; poster.txt becomes an image (imageGeneration). Results are streamed into
 * the outbox.
 */
public class DemoRoutes extends RouteBuilder {

    private static final String WAIT = "waitForCompletion=true&pollInterval=1s&download=true";

    private final Path inbox;
    private final Path outbox;

    public DemoRoutes(Path inbox, Path outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Override
    public void configure() {
        // the numbered prompts but 03, which the next route makes with Kling 3.0
        from(inbox("(0[124-9]|[1-9][0-9])-.*\\.txt")).routeId("prompt-to-video")
                .log("Prompt ${file:name}: ${body}")
                .to("kling:text2video?aspectRatio=16:9&duration=5&" + WAIT)
                .log("Task ${header.CamelKlingTaskId} ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}")
                .to(outbox("${file:onlyname.noext}.mp4"));

        // the same URI on the new design: the model chooses it (it takes an API key, camel.component.kling.apiKey)
        from(inbox("03-.*\\.txt")).routeId("prompt-to-video-kling-3")
                .log("Prompt ${file:name} for Kling 3.0: ${body}")
                .to("kling:text2video?modelName=kling-3.0&resolution=1080p&duration=5&audio=native&aspectRatio=16:9&" + WAIT)
                .log("Task ${header.CamelKlingTaskId} (${header.CamelKlingDesign}) ${header.CamelKlingTaskStatus},"
                     + " billed ${header.CamelKlingBilling}: ${header.CamelKlingResultUrls}")
                .to(outbox("${file:onlyname.noext}.mp4"));

        from(inbox(".*\\.(png|jpg|jpeg)")).routeId("picture-to-video")
                .log("Picture ${file:name}")
                .to("kling:image2video?prompt=The scene slowly comes alive, gentle camera drift&" + WAIT)
                .log("Task ${header.CamelKlingTaskId} ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}")
                .to(outbox("${file:onlyname.noext}.mp4"));

        from(inbox("showcase\\.txt")).routeId("showcase-chain")
                .log("Showcase: ${body}")
                .to("kling:text2video?duration=5&" + WAIT)
                .to(outbox("showcase-1-text2video.mp4"))
                // CamelKlingVideoId, set by every video result, tells videoExtend and lipSync which video to work on
                .to("kling:videoExtend?prompt=The camera slowly circles the lighthouse&targetDuration=10&" + WAIT)
                .log("Extended in steps ${header.CamelKlingTaskIds}")
                .to(outbox("showcase-2-video-extend.mp4"))
                .setHeader("CamelKlingSoundFile", constant(inbox.resolve("hello-from-camel.wav").toFile()))
                .to("kling:lipSync?step=auto&" + WAIT)
                .log("Lip-synced face ${header.CamelKlingFaceId} of session ${header.CamelKlingSessionId}")
                .to(outbox("showcase-3-lip-sync.mp4"));

        from(inbox("poster\\.txt")).routeId("prompt-to-image")
                .log("Poster: ${body}")
                .to("kling:imageGeneration?aspectRatio=3:4&resolution=1k&" + WAIT)
                .to(outbox("poster.png"));
    }

    private String inbox(String include) {
        return "file:" + inbox + "?noop=true&initialDelay=0&include=" + include;
    }

    private String outbox(String fileName) {
        return "file:" + outbox + "?fileName=" + fileName;
    }
}
