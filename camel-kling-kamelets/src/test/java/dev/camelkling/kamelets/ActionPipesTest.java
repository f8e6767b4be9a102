package dev.camelkling.kamelets;

import dev.camelkling.simulator.SampleMedia;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.client.task.KlingTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Pipe per action Kamelet, as a user writes it (timer-source or a file source, the action, a file sink), run by
 * camel-yaml-dsl against the simulator: the sink writes the real media the action downloaded (a temporary file that
 * has to outlive the Kamelet's own exchange), named after the task id and status headers the action set.
 */
class ActionPipesTest extends KameletTestSupport {

    /** Runs the Pipe until its sink has written one file, and checks that file and its task. */
    private Path runUntilOneFile(PipeSpec pipe, Path out) throws Exception {
        try (CamelMainRun run = runPipe(pipe)) {
            List<Path> files = awaitFiles(out, 1);
            assertThat(files).hasSize(1);
            Path file = files.get(0);
            assertThat(statusOf(file)).isEqualTo("succeed");
            assertThat(sim.taskStatus(taskIdOf(file))).contains("succeed");
            return file;
        }
    }

    private Path inputFile(String name, byte[] content) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve(name), content);
        return in;
    }

    private static PipeSpec.Endpoint fileSource(Path in) {
        return PipeSpec.uri("file:" + in + "?noop=true&initialDelay=0");
    }

    @Test
    void textToVideoWritesTheVideoOfThePrompt() throws Exception {
        Path out = dir.resolve("out");
        try (RequestLog requests = RequestLog.on(sim)) {
            Path file = runUntilOneFile(PipeSpec.named("text-to-video").source(timerOnce(raw("A red fox trotting through fresh snow")))
                    .step(kling("kling-text-to-video-action").with("download", true)
                            .with("externalTaskIdExpression", raw("fox-${exchangeId}")))
                    .sink(fileSink(out, "mp4")), out);

            assertThat(TestMedia.isMp4(file)).isTrue();
            JsonNode create = requests.creates("/v1/videos/text2video").get(0);
            assertThat(create.get("prompt").asText()).isEqualTo("A red fox trotting through fresh snow");
            assertThat(create.get("external_task_id").asText()).startsWith("fox-");
        }
        assertThat(sim.createdTaskCount()).isEqualTo(1);
    }

    @Test
    void imageToVideoTakesTheStartFrameFromAFileSource() throws Exception {
        Path in = inputFile("frame.png", SampleMedia.png(640, 360));
        Path out = dir.resolve("out");
        try (RequestLog requests = RequestLog.on(sim)) {
            Path file = runUntilOneFile(PipeSpec.named("image-to-video").source(fileSource(in))
                    .step(kling("kling-image-to-video-action").with("prompt", raw("The scene slowly comes alive"))
                            .with("mode", "pro").with("download", true))
                    .sink(fileSink(out, "mp4")), out);

            assertThat(TestMedia.isMp4(file)).isTrue();
            JsonNode create = requests.creates("/v1/videos/image2video").get(0);
            assertThat(create.get("image").asText()).isNotBlank(); // the PNG, as Base64
            assertThat(create.get("mode").asText()).isEqualTo("pro");
            assertThat(create.get("prompt").asText()).isEqualTo("The scene slowly comes alive");
        }
    }

    @Test
    void multiImageToVideoTakesImageUrlsFromATextMessage() throws Exception {
        String first = sim.hostImage(SampleMedia.png(640, 480));
        String second = sim.hostImage(SampleMedia.png(480, 640));
        Path out = dir.resolve("out");
        try (RequestLog requests = RequestLog.on(sim)) {
            Path file = runUntilOneFile(PipeSpec.named("multi-image").source(timerOnce(raw(first + ", " + second)))
                    .step(kling("kling-multi-image-to-video-action").with("prompt", raw("The two of them walk along a beach"))
                            .with("download", true))
                    .sink(fileSink(out, "mp4")), out);

            assertThat(TestMedia.isMp4(file)).isTrue();
            JsonNode images = requests.creates("/v1/videos/multi-image2video").get(0).get("image_list");
            assertThat(images).hasSize(2);
            assertThat(images.get(0).get("image").asText()).isEqualTo(first);
            assertThat(images.get(1).get("image").asText()).isEqualTo(second);
        }
    }

    @Test
    void motionControlMovesTheCharacterOfTheMessageLikeTheVideoOfAProperty() throws Exception {
        KlingTask motion = video();
        String character = sim.hostImage(SampleMedia.png(480, 640));
        Path out = dir.resolve("out");
        try (RequestLog requests = RequestLog.on(sim)) {
            Path file = runUntilOneFile(PipeSpec.named("motion-control").source(timerOnce(raw(character)))
                    .step(kling("kling-motion-control-action").with("videoUrl", raw(motion.resultUrls().get(0)))
                            .with("characterOrientation", "video").with("mode", "std").with("download", true))
                    .sink(fileSink(out, "mp4")), out);

            assertThat(TestMedia.isMp4(file)).isTrue();
            JsonNode create = requests.creates("/v1/videos/motion-control").get(0);
            assertThat(create.get("image_url").asText()).isEqualTo(character);
            assertThat(create.get("video_url").asText()).isEqualTo(motion.resultUrls().get(0));
        }
        assertThat(sim.createdTaskCount()).isEqualTo(2);
    }

    @Test
    void videoExtendContinuesTheVideoOfTheTextToVideoActionBeforeIt() throws Exception {
        Path out = dir.resolve("out");
        try (RequestLog requests = RequestLog.on(sim)) {
            Path file = runUntilOneFile(PipeSpec.named("extend").source(timerOnce(raw("A kite over the dunes")))
                    .step(kling("kling-text-to-video-action"))
                    .step(kling("kling-video-extend-action").with("prompt", raw("The kite climbs higher")).with("download", true))
                    .sink(fileSink(out, "mp4")), out);

            assertThat(TestMedia.isMp4(file)).isTrue();
            // chained by the CamelKlingVideoId header the first action set
            assertThat(requests.creates("/v1/videos/video-extend").get(0).get("video_id").asText()).isNotBlank();
        }
        assertThat(sim.createdTaskCount()).isEqualTo(2);
    }

    @Test
    void lipSyncPutsTheAudioOfAFileOnTheVideoOfAProperty() throws Exception {
        KlingTask video = video();
        Path in = inputFile("voice.wav", SampleMedia.wav(3));
        Path out = dir.resolve("out");
        try (RequestLog requests = RequestLog.on(sim)) {
            Path file = runUntilOneFile(PipeSpec.named("lip-sync").source(fileSource(in))
                    .step(kling("kling-lip-sync-action").with("videoId", video.firstVideoId()).with("download", true))
                    .sink(fileSink(out, "mp4")), out);

            assertThat(TestMedia.isMp4(file)).isTrue();
            assertThat(requests.creates("/v1/videos/identify-face").get(0).get("video_id").asText()).isEqualTo(video.firstVideoId());
            assertThat(requests.creates("/v1/videos/advanced-lip-sync")).hasSize(1);
        }
        assertThat(sim.createdTaskCount()).isEqualTo(2);
    }

    @Test
    void imageGenerationWritesAPicture() throws Exception {
        Path out = dir.resolve("out");
        Path file = runUntilOneFile(PipeSpec.named("image").source(timerOnce(raw("A poster of a lighthouse at dusk")))
                .step(kling("kling-image-generation-action").with("download", true)).sink(fileSink(out, "png")), out);

        BufferedImage image = TestMedia.image(file);
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(image.getHeight()); // Kling's default aspect ratio, 16:9
    }

    @Test
    void omniImageWritesAPictureOfThePrompt() throws Exception {
        Path out = dir.resolve("out");
        try (RequestLog requests = RequestLog.on(sim)) {
            Path file = runUntilOneFile(PipeSpec.named("omni").source(timerOnce(raw("A teapot shaped like a camel")))
                    .step(kling("kling-omni-image-action").with("resolution", "1k").with("download", true))
                    .sink(fileSink(out, "png")), out);

            assertThat(TestMedia.image(file)).isNotNull();
            JsonNode create = requests.creates("/v1/images/omni-image").get(0);
            assertThat(create.get("prompt").asText()).isEqualTo("A teapot shaped like a camel");
            assertThat(create.get("resolution").asText()).isEqualTo("1k");
        }
    }
}
