package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** §6.4 multi-image to video. */
class MultiImage2VideoTest {
    static final String PATH = "/v1/videos/multi-image2video";
    static final String WIDE = TestImages.pngBase64(640, 360);

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1000));

    static Map<String, Object> image(String value) {
        return body("image", value);
    }

    @Test
    void imagesAsObjectsBareStringsAndOwnUrlsMakeAVideoThatShowsThem() throws Exception {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String hosted = sim.hostImage(TestImages.jpeg(400, 600));
        JsonNode task = Results.succeeded(client, PATH, body("model_name", "kling-v1-6",
                "image_list", List.of(image(WIDE), Base64.getEncoder().encodeToString(TestImages.jpeg(500, 500)), image(hosted),
                        image("https://example.com/dog.png")),
                "prompt", "The girl walks the dog along a beach at sunset", "negative_prompt", "blurry",
                "mode", "pro", "duration", "10", "aspect_ratio", "1:1", "external_task_id", "mi2v-1"));
        assertThat(task.get("final_unit_deduction").asText()).isEqualTo("4");
        JsonNode video = task.get("task_result").get("videos").get(0);
        assertThat(video.get("duration").asText()).isEqualTo("10.0");
        byte[] mp4 = client.download(video.get("url").asText());
        Mp4Boxes.Summary summary = Mp4Boxes.read(mp4);
        assertThat(summary.durationSeconds()).isCloseTo(10.0, within(0.01));
        assertThat(summary.width()).isEqualTo(240);
        assertThat(summary.height()).isEqualTo(240);
        // the first image (orange disc on blue) fills the first frame
        BufferedImage frame = MediaTest.grab(mp4, 0);
        int rgb = frame.getRGB(frame.getWidth() / 2, frame.getHeight() / 2);
        assertThat((rgb >> 16) & 0xFF).isGreaterThan(170);
        assertThat(rgb & 0xFF).isLessThan(110);
        assertThat(client.get(PATH + "/mi2v-1").data().get("task_id").asText()).isEqualTo(task.get("task_id").asText());
    }

    @Test
    void defaultsAreKlingV16Std5sAnd16x9() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        JsonNode task = Results.succeeded(client, PATH, body("image_list", List.of(image("https://example.com/a.png")), "prompt", "p"));
        assertThat(task.get("final_unit_deduction").asText()).isEqualTo("1");
        Mp4Boxes.Summary mp4 = Mp4Boxes.read(client.download(task.get("task_result").get("videos").get(0).get("url").asText()));
        assertThat(mp4.durationSeconds()).isCloseTo(5.0, within(0.01));
        assertThat(mp4.width()).isEqualTo(320);
        assertThat(mp4.height()).isEqualTo(180);
    }

    static Stream<Arguments> invalidRequests() {
        List<Object> one = List.of(image(WIDE));
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        return Stream.of(
                arguments(body("image_list", one, "prompt", "p", "model_name", "kling-v9"), 1203, "model_name kling-v9 does not exist"),
                arguments(body("image_list", one, "prompt", "p", "model_name", "kling-v1"), 1201, "model_name kling-v1 does not support multi-image2video"),
                arguments(body("image_list", one, "prompt", "p", "model_name", "kling-v2-6"), 1201, "does not support multi-image2video"),
                arguments(body("prompt", "p"), 1201, "image_list is required and must have 1 to 4 items"),
                arguments(body("image_list", List.of(), "prompt", "p"), 1201, "image_list is required and must have 1 to 4 items"),
                arguments(body("image_list", "not-a-list", "prompt", "p"), 1201, "image_list must be an array"),
                arguments(body("image_list", Collections.nCopies(5, image("https://example.com/a.png")), "prompt", "p"), 1201,
                        "image_list must have at most 4 items (got 5)"),
                arguments(body("image_list", List.of(body("url", "x")), "prompt", "p"), 1201, "image_list[0].image is required"),
                arguments(body("image_list", List.of(42), "prompt", "p"), 1201, "image_list[0] must be an object {image}"),
                arguments(body("image_list", List.of(image(WIDE), image("data:image/png;base64," + WIDE)), "prompt", "p"), 1201,
                        "File is not in a valid base64 format"),
                arguments(body("image_list", List.of(image("%%%")), "prompt", "p"), 1201, "File is not in a valid base64 format"),
                arguments(body("image_list", List.of(image(WIDE), image(TestImages.pngBase64(299, 400))), "prompt", "p"), 1201,
                        "image_list[1].image width and height must be at least 300px"),
                arguments(body("image_list", List.of(TestImages.pngBase64(760, 300)), "prompt", "p"), 1201,
                        "image_list[0] aspect ratio must be between 1:2.5 and 2.5:1"),
                arguments(body("image_list", List.of(image(Base64.getEncoder().encodeToString(TestImages.gif(400, 400)))), "prompt", "p"), 1201,
                        "image_list[0].image must be a jpg/jpeg or png image"),
                arguments(body("image_list", List.of(image(Base64.getEncoder().encodeToString(tooBig))), "prompt", "p"), 1201,
                        "image_list[0].image must be at most 10MB"),
                arguments(body("image_list", one), 1201, "prompt is required"),
                arguments(body("image_list", one, "prompt", " "), 1201, "prompt is required"),
                arguments(body("image_list", one, "prompt", "x".repeat(2501)), 1201, "prompt must be at most 2500 characters"),
                arguments(body("image_list", one, "prompt", "p", "negative_prompt", "x".repeat(2501)), 1201, "negative_prompt must be at most 2500"),
                arguments(body("image_list", one, "prompt", "p", "mode", "fast"), 1201, "mode must be one of std, pro"),
                arguments(body("image_list", one, "prompt", "p", "duration", "7"), 1201, "duration only supports \"5\" or \"10\""),
                arguments(body("image_list", one, "prompt", "p", "duration", 5), 1201, "duration must be a string"),
                arguments(body("image_list", one, "prompt", "p", "aspect_ratio", "4:3"), 1201, "aspect_ratio must be one of 16:9, 9:16, 1:1"),
                arguments(body("image_list", one, "prompt", "p", "watermark_info", body("enabled", 1)), 1201, "watermark_info.enabled must be a boolean"),
                arguments(body("image_list", one, "prompt", "p", "callback_url", "example.com/cb"), 1201, "callback_url must be a valid http(s) URL"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestsAreRejected(Map<String, Object> request, int code, String messagePart) {
        Results.assertCreateRejected(SIM.simulator(), PATH, request, code, messagePart);
    }

    @Test
    void anOwnImageUrlWithNothingBehindItFailsTheTaskLikeAFailedDownload() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String missing = sim.baseUrl() + "/media/images/nothing-here.png";
        JsonNode task = client.awaitFinal(PATH, client.create(PATH, body("image_list", List.of(image(missing)), "prompt", "p")));
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).isEqualTo("Failed to download image_list[0].image from " + missing);
    }
}
