package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** §6.7 image generation. */
class ImageGenerationTest {
    static final String PATH = "/v1/images/generations";
    static final String FACE = TestImages.pngBase64(600, 800);

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1000));

    @Test
    void nImagesOfTheRequestedSizeEachShowingItsIndex() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        JsonNode task = Results.succeeded(client, PATH, body("model_name", "kling-v1-5",
                "prompt", "Portrait of the same woman as a 1920s aviator", "image", FACE, "image_reference", "subject",
                "image_fidelity", 0.5, "human_fidelity", 0.45, "resolution", "1k", "aspect_ratio", "3:4", "n", 2,
                "external_task_id", "img-1", "watermark_info", body("enabled", false)));
        JsonNode images = task.get("task_result").get("images");
        assertThat(images).hasSize(2);
        assertThat(task.get("final_unit_deduction").asText()).isEqualTo("2");
        assertThat(task.get("task_info").get("external_task_id").asText()).isEqualTo("img-1");
        assertThat(task.get("watermark_info").get("enabled").asBoolean()).isFalse();
        for (int i = 0; i < 2; i++) {
            assertThat(images.get(i).get("index").asInt()).isEqualTo(i);
            BufferedImage png = Results.png(client.download(images.get(i).get("url").asText()));
            assertThat(png.getWidth()).isEqualTo(768);
            assertThat(png.getHeight()).isEqualTo(1024);
        }
        assertThat(images.get(0).get("url").asText()).isNotEqualTo(images.get(1).get("url").asText());
        assertThat(client.get(PATH + "/img-1").data().get("task_id").asText()).isEqualTo(task.get("task_id").asText());
        assertThat(client.get(PATH + "?external_task_id=img-1").data().get("task_id").asText()).isEqualTo(task.get("task_id").asText());
    }

    @ParameterizedTest
    @CsvSource({"kling-v1, , , 1024, 576", "kling-v2, 2k, 16:9, 2048, 1152", "kling-v1-5, 1k, 21:9, 1024, 439",
            "kling-v2-1, 1k, 1:1, 1024, 1024", "kling-v3, 2k, 2:3, 1365, 2048"})
    void pixelSizeFollowsResolutionAndAspectRatio(String model, String resolution, String aspect, int width, int height) {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        Map<String, Object> request = body("model_name", model, "prompt", "a lighthouse in a storm");
        if (resolution != null) {
            request.put("resolution", resolution);
        }
        if (aspect != null) {
            request.put("aspect_ratio", aspect);
        }
        JsonNode images = Results.succeeded(client, PATH, request).get("task_result").get("images");
        assertThat(images).hasSize(1);
        BufferedImage png = Results.png(client.download(images.get(0).get("url").asText()));
        assertThat(png.getWidth()).isEqualTo(width);
        assertThat(png.getHeight()).isEqualTo(height);
    }

    @Test
    void anImageTaskTakesNSlotsOfTheImagePack() {
        try (KlingSimulator sim = KlingSimulator.builder().maxConcurrentTasks(5)
                .timing(SimulatorTiming.of(Duration.ofHours(1), Duration.ofHours(1))).build().start()) {
            KlingHttp client = KlingHttp.withJwt(sim);
            String first = client.create(PATH, body("prompt", "three", "n", 3));
            int before = sim.createdTaskCount();
            Results.assertRejected(sim, client.post(PATH, body("prompt", "three more", "n", 3, "external_task_id", "img-over")), 1303,
                    "parallel task over resource pack limit", before);
            assertThat(sim.tasksByExternalId("img-over")).isZero();
            client.create(PATH, body("prompt", "two fit", "n", 2));
            Results.assertRejected(sim, client.post(PATH, body("prompt", "one more")), 1303, "parallel task over resource pack limit",
                    before + 1);
            // the video pack is separate, even for the same model name
            assertThat(client.post(Results.T2V, body("prompt", "video", "model_name", "kling-v3")).status()).isEqualTo(200);
            // another model has its own slots
            assertThat(client.post(PATH, body("prompt", "v2", "model_name", "kling-v2", "n", 5)).status()).isEqualTo(200);
            // n above the limit can never fit
            Results.assertRejected(sim, client.post(PATH, body("prompt", "nine", "model_name", "kling-v2-1", "n", 9)), 1303,
                    "parallel task over resource pack limit", before + 3);

            assertThat(sim.completeTask(first)).isTrue();
            assertThat(client.post(PATH, body("prompt", "three again", "n", 3)).status()).isEqualTo(200);
        }
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments(body("prompt", "p", "model_name", "kling-v9"), 1203, "model_name kling-v9 does not exist"),
                arguments(body("prompt", "p", "model_name", "kling-v1-6"), 1201, "model_name kling-v1-6 does not support image-generation"),
                arguments(body("prompt", "p", "model_name", "kling-image-o1"), 1201, "does not support image-generation"),
                arguments(body(), 1201, "prompt is required"),
                arguments(body("prompt", ""), 1201, "prompt is required"),
                arguments(body("prompt", "x".repeat(2501)), 1201, "prompt must be at most 2500 characters"),
                arguments(body("prompt", "p", "negative_prompt", "x".repeat(2501)), 1201, "negative_prompt must be at most 2500 characters"),
                arguments(body("prompt", "p", "image", FACE, "negative_prompt", "blurry"), 1201, "negative_prompt is not supported when image is given"),
                arguments(body("prompt", "p", "model_name", "kling-v1-5", "image", FACE), 1201,
                        "image_reference is required for kling-v1-5 when image is given"),
                arguments(body("prompt", "p", "image", FACE, "image_reference", "body"), 1201, "image_reference must be one of subject, face"),
                arguments(body("prompt", "p", "image_fidelity", 1.5), 1201, "image_fidelity must be between 0 and 1"),
                arguments(body("prompt", "p", "human_fidelity", -0.1), 1201, "human_fidelity must be between 0 and 1"),
                arguments(body("prompt", "p", "human_fidelity", "0.4"), 1201, "human_fidelity must be a number"),
                arguments(body("prompt", "p", "resolution", "4k"), 1201, "resolution must be one of 1k, 2k"),
                arguments(body("prompt", "p", "aspect_ratio", "5:4"), 1201, "aspect_ratio must be one of 16:9, 9:16, 1:1, 4:3, 3:4, 3:2, 2:3, 21:9"),
                arguments(body("prompt", "p", "model_name", "kling-v1", "aspect_ratio", "21:9"), 1201,
                        "aspect_ratio 21:9 is not supported by model_name kling-v1"),
                arguments(body("prompt", "p", "n", 0), 1201, "n must be between 1 and 9 (got 0)"),
                arguments(body("prompt", "p", "n", 10), 1201, "n must be between 1 and 9 (got 10)"),
                arguments(body("prompt", "p", "n", "2"), 1201, "n must be an integer between 1 and 9"),
                arguments(body("prompt", "p", "n", 2.5), 1201, "n must be an integer between 1 and 9"),
                arguments(body("prompt", "p", "image", "data:image/png;base64," + FACE), 1201, "File is not in a valid base64 format"),
                arguments(body("prompt", "p", "image", TestImages.pngBase64(200, 300)), 1201, "image width and height must be at least 300px"),
                arguments(body("prompt", "p", "image", TestImages.pngBase64(300, 800)), 1201, "image aspect ratio must be between 1:2.5 and 2.5:1"),
                arguments(body("prompt", "p", "callback_url", "mailto:a@b.c"), 1201, "callback_url must be a valid http(s) URL"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestsAreRejected(Map<String, Object> request, int code, String messagePart) {
        Results.assertCreateRejected(SIM.simulator(), PATH, request, code, messagePart);
    }

    @Test
    void theFailureMarkerFailsTheTask() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        JsonNode task = client.awaitFinal(PATH, client.create(PATH, body("prompt", "a cat [[fail: NSFW]]", "n", 3)));
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).isEqualTo("NSFW");
        assertThat(task.get("final_unit_deduction").asText()).isEqualTo("0");
    }
}
