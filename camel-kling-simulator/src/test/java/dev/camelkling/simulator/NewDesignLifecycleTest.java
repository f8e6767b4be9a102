package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.camelkling.simulator.KlingHttp.body;
import static dev.camelkling.simulator.NewDesignClient.I2V;
import static dev.camelkling.simulator.NewDesignClient.MOTION;
import static dev.camelkling.simulator.NewDesignClient.OMNI;
import static dev.camelkling.simulator.NewDesignClient.T2V;
import static dev.camelkling.simulator.NewDesignClient.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The 2026 new design's task lifecycle (kling-api-2026.md §3, §4.1): create answer, {@code succeeded}, {@code outputs[]}
 * with a real MP4 of the requested length and aspect ratio, {@code billing[]} in units, failures.
 */
class NewDesignLifecycleTest {
    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(NewDesignClient.API_KEY)
            .maxConcurrentTasks(50));

    @Test
    void createAnswersTheNewTaskHeaderAndTheTaskEndsSucceeded() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        KlingHttp.Reply reply = client.create(T2V + "kling-3.0", body("prompt", "a lighthouse at dusk",
                "options", body("external_task_id", "order-42")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        assertThat(reply.message()).isEqualTo("SUCCEED");
        JsonNode data = reply.data();
        assertThat(data.get("id").asText()).isNotBlank();
        assertThat(data.get("status").asText()).isEqualTo("submitted");
        assertThat(data.get("create_time").asLong()).isPositive();
        assertThat(data.get("update_time").asLong()).isEqualTo(data.get("create_time").asLong());
        assertThat(data.get("external_id").asText()).isEqualTo("order-42");
        assertThat(data.has("task_id")).isFalse();

        JsonNode task = client.awaitFinal(data.get("id").asText());
        assertThat(task.get("status").asText()).isEqualTo("succeeded");
        assertThat(task.get("message").asText()).isEmpty();
        assertThat(task.get("update_time").asLong()).isGreaterThan(task.get("create_time").asLong());
        assertThat(task.get("external_id").asText()).isEqualTo("order-42");
        assertThat(task.get("outputs")).hasSize(1);
        assertThat(task.get("outputs").get(0).get("type").asText()).isEqualTo("video");
        assertThat(task.get("outputs").get(0).has("watermark_url")).isFalse();
        assertThat(SIM.simulator().taskStatus(data.get("id").asText())).hasValue("succeed");
    }

    @ParameterizedTest
    @CsvSource({"kling-3.0-turbo, 16:9, 8, 320, 180", "kling-3.0, 9:16, 3, 180, 320", "kling-2.6, 1:1, 10, 240, 240",
            "kling-2.5-turbo, 16:9, 5, 320, 180"})
    void textToVideoOutputIsAPlayableMp4OfTheRequestedDurationAndAspectRatio(String model, String aspectRatio, int seconds,
                                                                             int width, int height) throws Exception {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        String id = client.createId(T2V + model, body("prompt", "waves on a pebble beach",
                "settings", body("aspect_ratio", aspectRatio, "duration", seconds)));

        JsonNode video = client.awaitFinal(id).get("outputs").get(0);
        assertThat(video.get("id").asText()).isNotBlank();
        assertThat(Double.parseDouble(video.get("duration").asText())).isEqualTo(seconds);
        byte[] mp4 = client.http.download(video.get("url").asText());
        Mp4Boxes.Summary summary = Mp4Boxes.read(mp4);
        assertThat(summary.durationSeconds()).isCloseTo(seconds, within(0.05));
        assertThat(summary.width()).isEqualTo(width);
        assertThat(summary.height()).isEqualTo(height);
        BufferedImage frame = MediaTest.grab(mp4, 2);
        assertThat(frame.getWidth()).isEqualTo(width);
        assertThat(frame.getHeight()).isEqualTo(height);
    }

    @Test
    void imageToVideoFollowsTheFirstFrameAndDrawsIt() throws Exception {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        String portrait = Base64.getEncoder().encodeToString(TestImages.jpeg(400, 600));
        String id = client.createId(I2V + "kling-3.0", body("contents", List.of(
                item("prompt", "text", "the ball starts to spin"), item("first_frame", "url", portrait)),
                "settings", body("duration", 4)));

        byte[] mp4 = client.http.download(client.awaitFinal(id).get("outputs").get(0).get("url").asText());
        Mp4Boxes.Summary summary = Mp4Boxes.read(mp4);
        assertThat(summary.durationSeconds()).isCloseTo(4.0, within(0.05));
        assertThat(summary.width()).isEqualTo(180);
        assertThat(summary.height()).isEqualTo(320);
        // the test image is an orange disc on blue; the first frame's centre shows the disc
        BufferedImage frame = MediaTest.grab(mp4, 0);
        int rgb = frame.getRGB(frame.getWidth() / 2, frame.getHeight() / 2);
        assertThat((rgb >> 16) & 0xFF).isGreaterThan(170);
        assertThat(rgb & 0xFF).isLessThan(110);
    }

    @Test
    void motionControlLastsAsLongAsItsMotionVideo() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        String motionId = client.createId(T2V + "kling-3.0", body("prompt", "a dancer", "settings", body("duration", 7)));
        String motionUrl = client.awaitFinal(motionId).get("outputs").get(0).get("url").asText();

        String id = client.createId(MOTION + "kling-3.0", body("contents", List.of(
                        item("image", "url", TestImages.pngBase64(400, 600)), item("video", "url", motionUrl)),
                "settings", body("character_orientation", "video")));

        JsonNode video = client.awaitFinal(id).get("outputs").get(0);
        assertThat(video.get("duration").asText()).isEqualTo("7.0");
        assertThat(Mp4Boxes.read(client.http.download(video.get("url").asText())).durationSeconds()).isCloseTo(7.0, within(0.05));
    }

    @Test
    void omniVideoWithoutAFrameUsesTheRequestedAspectRatio() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        String id = client.createId(OMNI + "kling-3.0-omni", body("contents", List.of(
                        item("prompt", "text", "@image_1 walks into the sea"),
                        item("refer_image", "url", TestImages.pngBase64(400, 400), "id", "image_1")),
                "settings", body("aspect_ratio", "9:16", "duration", 6)));

        Mp4Boxes.Summary summary = Mp4Boxes.read(client.http.download(
                client.awaitFinal(id).get("outputs").get(0).get("url").asText()));
        assertThat(summary.durationSeconds()).isCloseTo(6.0, within(0.05));
        assertThat(summary.width()).isEqualTo(180);
        assertThat(summary.height()).isEqualTo(320);
    }

    @ParameterizedTest
    @CsvSource({
            "/text-to-video/kling-3.0-turbo, 720p, off, 5, 4",        // 0.8/s (the vendor's published rate)
            "/text-to-video/kling-3.0-turbo, 1080p, off, 8, 8",       // 1.0/s
            "/text-to-video/kling-3.0, 4k, off, 5, 12",               // 2.4/s
            "/text-to-video/kling-3.0, 1080p, native, 10, 18",        // 1.2/s x 1.5 for native audio
            "/text-to-video/kling-2.6, 1080p, native, 5, 7.5",        // 1.0/s x 1.5
            "/text-to-video/kling-2.5-turbo, 720p, off, 10, 5"})      // 0.5/s
    void billingChargesUnitsPerSecondAtTheResolution(String path, String resolution, String audio, int seconds, String units) {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        Map<String, Object> settings = body("resolution", resolution, "duration", seconds);
        if (!"off".equals(audio)) {
            settings.put("audio", audio);
        }
        JsonNode task = client.awaitFinal(client.createId(path, body("prompt", "billing", "settings", settings)));

        assertThat(task.get("billing")).hasSize(1);
        JsonNode charge = task.get("billing").get(0);
        assertThat(charge.get("charge_type").asText()).isEqualTo("unit");
        assertThat(charge.get("amount").asText()).isEqualTo(units);
        assertThat(charge.get("list_price").asText()).isEqualTo(units);
        assertThat(charge.get("package_type").asText()).isEqualTo("video");
    }

    @Test
    void aFailedTaskSaysWhyAndHasNoOutputsNorCharge() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        JsonNode task = client.awaitFinal(client.createId(T2V + "kling-3.0-turbo", body("prompt", "[[fail: no fox today]]")));

        assertThat(task.get("status").asText()).isEqualTo("failed");
        assertThat(task.get("message").asText()).isEqualTo("no fox today");
        assertThat(task.get("outputs")).isEmpty();
        assertThat(task.get("billing")).isEmpty();
    }

    @Test
    void aWatermarkRequestAddsAWatermarkUrl() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        JsonNode video = client.awaitFinal(client.createId(T2V + "kling-2.6", body("prompt", "marked",
                "options", body("watermark_info", body("enabled", true))))).get("outputs").get(0);

        assertThat(video.get("watermark_url").asText()).startsWith("http");
        assertThat(Mp4Boxes.read(client.http.download(video.get("watermark_url").asText())).durationSeconds())
                .isCloseTo(5.0, within(0.05));
    }

    @Test
    void whileRunningTheTaskHasNoOutputsYet() {
        KlingSimulator sim = SIM.simulator();
        sim.timing(SimulatorTiming.of(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60)));
        try {
            NewDesignClient client = new NewDesignClient(sim);
            String id = client.createId(T2V + "kling-3.0", body("prompt", "slow"));
            JsonNode task = client.task(id);
            assertThat(task.get("status").asText()).isEqualTo("submitted");
            assertThat(task.get("outputs")).isEmpty();
            assertThat(task.get("billing")).isEmpty();
            assertThat(sim.completeTask(id)).isTrue();
            assertThat(client.task(id).get("status").asText()).isEqualTo("succeeded");
        } finally {
            sim.timing(SimulatorTiming.FAST);
        }
    }
}
