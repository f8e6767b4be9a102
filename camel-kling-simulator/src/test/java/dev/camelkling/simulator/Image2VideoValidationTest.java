package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class Image2VideoValidationTest {
    static final String PATH = "/v1/videos/image2video";
    static final String WIDE = TestImages.pngBase64(640, 360);
    static final String MASK = TestImages.pngBase64(320, 180);
    static final String SQUARE_MASK = TestImages.pngBase64(200, 200);
    static final String URL = "https://example.com/first.png";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1000));

    static Map<String, Object> camera() {
        return body("type", "simple", "config", body("zoom", 5));
    }

    static List<Object> points(int n) {
        List<Object> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(body("x", 10 + i, "y", 20 + i));
        }
        return points;
    }

    static Map<String, Object> dynamicMask(String mask, List<Object> trajectories) {
        return body("mask", mask, "trajectories", trajectories);
    }

    static Stream<Arguments> invalidRequests() {
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        return Stream.of(
                arguments(body("prompt", "no image"), 1201, "image can not be null"),
                arguments(body("image", "", "image_tail", ""), 1201, "image can not be null"),
                arguments(body("image", 42), 1201, "image must be a string"),
                arguments(body("image", "data:image/png;base64," + WIDE), 1201, "File is not in a valid base64 format"),
                arguments(body("image", "not base64 at all!"), 1201, "File is not in a valid base64 format"),
                arguments(body("image", "ftp://example.com/a.png"), 1201, "File is not in a valid base64 format"),
                arguments(body("image", WIDE, "image_tail", "%%%"), 1201, "File is not in a valid base64 format"),
                arguments(body("image", Base64.getEncoder().encodeToString("hello, not an image".getBytes())), 1201, "image must be a jpg/jpeg or png"),
                arguments(body("image", Base64.getEncoder().encodeToString(TestImages.gif(400, 400))), 1201, "image must be a jpg/jpeg or png"),
                arguments(body("image", Base64.getEncoder().encodeToString(tooBig)), 1201, "image must be at most 10MB"),
                arguments(body("image", TestImages.pngBase64(299, 400)), 1201, "image width and height must be at least 300px"),
                arguments(body("image", TestImages.pngBase64(760, 300)), 1201, "image aspect ratio"),
                arguments(body("image", TestImages.pngBase64(300, 760)), 1201, "image aspect ratio"),
                arguments(body("image_tail", TestImages.pngBase64(200, 200)), 1201, "image_tail width and height"),
                arguments(body("image", WIDE, "model_name", "kling-v9"), 1203, "model_name"),
                arguments(body("image", WIDE, "model_name", "kling-image-o1"), 1201, "model_name"),
                arguments(body("image", WIDE, "prompt", "x".repeat(2501)), 1201, "prompt"),
                arguments(body("image", WIDE, "negative_prompt", "x".repeat(2501)), 1201, "negative_prompt"),
                arguments(body("image", WIDE, "duration", "15"), 1201, "duration"),
                arguments(body("image", WIDE, "mode", "fast"), 1201, "mode"),
                arguments(body("image", WIDE, "cfg_scale", 2), 1201, "cfg_scale"),
                arguments(body("image", WIDE, "image_tail", WIDE, "camera_control", camera()), 1201, "mutually exclusive"),
                arguments(body("image", WIDE, "image_tail", WIDE, "static_mask", MASK), 1201, "mutually exclusive"),
                arguments(body("image", WIDE, "static_mask", MASK, "camera_control", camera()), 1201, "mutually exclusive"),
                arguments(body("image", WIDE, "dynamic_masks", List.of(dynamicMask(MASK, points(2))), "camera_control", camera()), 1201, "mutually exclusive"),
                arguments(body("image", WIDE, "camera_control", body("type", "simple")), 1201, "camera_control.config"),
                arguments(body("image", WIDE, "dynamic_masks", "not-an-array"), 1201, "dynamic_masks must be an array"),
                arguments(body("image", WIDE, "dynamic_masks", List.of(dynamicMask(MASK, points(2)), dynamicMask(MASK, points(2)),
                        dynamicMask(MASK, points(2)), dynamicMask(MASK, points(2)), dynamicMask(MASK, points(2)),
                        dynamicMask(MASK, points(2)), dynamicMask(MASK, points(2)))), 1201, "dynamic_masks must have at most 6"),
                arguments(body("image", WIDE, "dynamic_masks", List.of(dynamicMask(MASK, points(1)))), 1201, "dynamic_masks[0].trajectories must have 2 to 77"),
                arguments(body("image", WIDE, "dynamic_masks", List.of(dynamicMask(MASK, points(78)))), 1201, "dynamic_masks[0].trajectories must have 2 to 77"),
                arguments(body("image", WIDE, "dynamic_masks", List.of(dynamicMask(MASK, List.of(List.of(1, 2), List.of(3, 4))))), 1201,
                        "dynamic_masks[0].trajectories[0] must be an object"),
                arguments(body("image", WIDE, "dynamic_masks", List.of(dynamicMask(MASK, List.of(body("x", 1, "y", 2), body("x", 1.5, "y", 2))))), 1201,
                        "dynamic_masks[0].trajectories[1].x must be an integer"),
                arguments(body("image", WIDE, "dynamic_masks", List.of(body("trajectories", points(2)))), 1201, "dynamic_masks[0].mask is required"),
                arguments(body("image", WIDE, "dynamic_masks", List.of(dynamicMask("data:image/png;base64," + MASK, points(2)))), 1201,
                        "File is not in a valid base64 format"),
                arguments(body("image", WIDE, "static_mask", "@@@"), 1201, "File is not in a valid base64 format"),
                arguments(body("image", WIDE, "model_name", "kling-v2-6", "sound", "on",
                        "voice_list", List.of(body("voice_id", "a"), body("voice_id", "b"), body("voice_id", "c"))), 1201, "voice_list must have at most 2"),
                arguments(body("image", WIDE, "model_name", "kling-v2-6", "voice_list", List.of(body("voice_id", "a"))), 1201, "voice_list requires sound"),
                arguments(body("image", WIDE, "model_name", "kling-v2-6", "sound", "on", "voice_list", List.of(body("name", "a"))), 1201,
                        "voice_list[0].voice_id"),
                arguments(body("image", WIDE, "sound", "on"), 1201, "sound"),
                arguments(body("image", WIDE, "callback_url", "localhost/cb"), 1201, "callback_url"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestIsRejected(Map<String, Object> request, int code, String messagePart) {
        int before = SIM.simulator().createdTaskCount();
        KlingHttp.Reply reply = KlingHttp.withJwt(SIM.simulator()).post(PATH, request);
        assertThat(reply.status()).isEqualTo(code == 1203 ? 404 : 400);
        assertThat(reply.code()).as(reply.body()).isEqualTo(code);
        assertThat(reply.message()).contains(messagePart);
        assertThat(SIM.simulator().createdTaskCount()).isEqualTo(before);
    }

    @Test
    void base64BeyondTheJsonParsersDefaultStringCapIsJudgedBySize() {
        String huge = Base64.getEncoder().encodeToString(new byte[16 * 1024 * 1024]);
        KlingHttp.Reply reply = KlingHttp.withJwt(SIM.simulator()).post(PATH, body("image", huge));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).isEqualTo("image must be at most 10MB");
    }

    @Test
    void exactVendorMessagesAreReproduced() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        assertThat(client.post(PATH, body("prompt", "x")).message()).isEqualTo("image can not be null");
        assertThat(client.post(PATH, body("image", "data:image/png;base64," + WIDE)).message())
                .isEqualTo("File is not in a valid base64 format");
    }

    static Stream<Map<String, Object>> validRequests() {
        return Stream.of(
                body("image", WIDE),
                body("image", Base64.getEncoder().encodeToString(TestImages.jpeg(400, 600)), "prompt", "portrait"),
                body("image", TestImages.pngBase64(750, 300)),
                body("image_tail", WIDE, "model_name", "kling-v1-5", "mode", "pro"),
                body("image", WIDE, "image_tail", WIDE, "model_name", "kling-v1-6", "mode", "pro", "duration", "10"),
                body("image", URL, "image_tail", "http://example.com/last.jpg"),
                body("model", "kling-v1", "image", URL),
                body("image", WIDE, "camera_control", camera()),
                body("image", WIDE, "static_mask", MASK, "dynamic_masks", List.of(dynamicMask(MASK, points(2)), dynamicMask(MASK, points(77)))),
                body("image", WIDE, "dynamic_masks", List.of()),
                body("image", WIDE, "model_name", "kling-v2-6", "sound", "on", "mode", "pro",
                        "voice_list", List.of(body("voice_id", "v1"), body("voice_id", "v2")), "prompt", "<<<voice_1>>> says hi"),
                body("image", WIDE, "model_name", "kling-v2-1", "mode", "pro", "negative_prompt", "blur"),
                body("image", WIDE, "model_name", "kling-v1-5", "cfg_scale", 0.3, "negative_prompt", "blur"));
    }

    @ParameterizedTest
    @MethodSource("validRequests")
    void validRequestCreatesATask(Map<String, Object> request) {
        KlingHttp.Reply reply = KlingHttp.withJwt(SIM.simulator()).post(PATH, request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.data().get("task_status").asText()).isEqualTo("submitted");
    }

    @Test
    void imageUrlServedByTheSimulatorIsReadAndValidated() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String good = sim.hostImage(TestImages.jpeg(480, 640));
        String tooSmall = sim.hostImage(TestImages.png(100, 100));
        assertThat(client.post(PATH, body("image", good)).status()).isEqualTo(200);
        KlingHttp.Reply rejected = client.post(PATH, body("image", tooSmall));
        assertThat(rejected.code()).isEqualTo(1201);
        assertThat(rejected.message()).contains("image width and height");
    }

    @Test
    void missingSelfServedImageFailsAsynchronouslyLikeAFailedDownload() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String taskId = client.create(PATH, body("image", sim.baseUrl() + "/media/images/does-not-exist.png"));
        JsonNode task = client.awaitFinal(PATH, taskId);
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).contains("Failed to download image");
    }

    @Test
    void masksNotMatchingTheImageFailAsynchronously() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String taskId = client.create(PATH, body("image", WIDE, "static_mask", SQUARE_MASK,
                "dynamic_masks", List.of(dynamicMask(SQUARE_MASK, points(3)))));
        JsonNode task = client.awaitFinal(PATH, taskId);
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).contains("mask");
        assertThat(task.has("task_result")).isFalse();
    }

    @Test
    void masksOfDifferentResolutionsFailAsynchronously() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String taskId = client.create(PATH, body("image", WIDE, "static_mask", MASK,
                "dynamic_masks", List.of(dynamicMask(TestImages.pngBase64(640, 360), points(3)))));
        JsonNode task = client.awaitFinal(PATH, taskId);
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).contains("same resolution");
    }

    @Test
    void matchingMasksSucceed() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String taskId = client.create(PATH, body("image", WIDE, "static_mask", MASK,
                "dynamic_masks", List.of(dynamicMask(MASK, points(3)))));
        assertThat(client.awaitFinal(PATH, taskId).get("task_status").asText()).isEqualTo("succeed");
    }
}
