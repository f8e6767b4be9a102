package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** §6.5 motion control. */
class MotionControlTest {
    static final String PATH = "/v1/videos/motion-control";
    static final String CHARACTER = TestImages.pngBase64(400, 600);
    static final String DANCE = "https://example.com/dance.mp4";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1000)
            .timing(SimulatorTiming.of(Duration.ofMillis(20), Duration.ofMillis(60))));

    /** Own motion videos: 10 s 9:16, 15 s and 35 s 16:9. */
    static JsonNode portrait10;
    static JsonNode wide15;
    static JsonNode wide35;

    @BeforeAll
    static void makeMotionVideos() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        portrait10 = Results.succeeded(client, Results.T2V, body("prompt", "a dancer", "duration", "10", "aspect_ratio", "9:16"))
                .get("task_result").get("videos").get(0);
        wide15 = Results.videoOfLength(sim, client, 15);
        wide35 = Results.videoOfLength(sim, client, 35);
    }

    static Map<String, Object> valid(Object... overrides) {
        Map<String, Object> request = body("image_url", CHARACTER, "video_url", DANCE, "character_orientation", "image", "mode", "std");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                request.remove((String) overrides[i]);
            } else {
                request.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return request;
    }

    @Test
    void anOwnMotionVideoGivesItsLengthAndWithVideoOrientationItsFrame() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        JsonNode task = Results.succeeded(client, PATH, valid("video_url", portrait10.get("url").asText(),
                "image_url", TestImages.pngBase64(640, 360), "character_orientation", "video", "mode", "pro",
                "prompt", "neon-lit stage", "keep_original_sound", "no", "external_task_id", "mc-1"));
        JsonNode video = task.get("task_result").get("videos").get(0);
        assertThat(video.get("duration").asText()).isEqualTo("10.0");
        assertThat(task.get("final_unit_deduction").asText()).isEqualTo("4");
        Mp4Boxes.Summary mp4 = Mp4Boxes.read(client.download(video.get("url").asText()));
        assertThat(mp4.durationSeconds()).isCloseTo(10.0, within(0.01));
        assertThat(mp4.width()).isEqualTo(180);
        assertThat(mp4.height()).isEqualTo(320);
        assertThat(client.get(PATH + "?external_task_id=mc-1").data().get("task_id").asText()).isEqualTo(task.get("task_id").asText());
    }

    @Test
    void aForeignMotionVideoGivesFiveSecondsAndImageOrientationFollowsTheImage() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        JsonNode video = Results.succeeded(client, PATH, valid()).get("task_result").get("videos").get(0);
        assertThat(video.get("duration").asText()).isEqualTo("5.0");
        Mp4Boxes.Summary mp4 = Mp4Boxes.read(client.download(video.get("url").asText()));
        assertThat(mp4.durationSeconds()).isCloseTo(5.0, within(0.01));
        assertThat(mp4.width()).isEqualTo(180);
        assertThat(mp4.height()).isEqualTo(320);
    }

    @Test
    void lengthLimitsDependOnTheOrientation() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        KlingHttp.Reply reply = client.post(PATH, valid("video_url", wide15.get("url").asText()));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).isEqualTo("video_url must be 3 to 10 seconds long for character_orientation image (got 15 s)");
        assertThat(client.post(PATH, valid("video_url", wide15.get("url").asText(), "character_orientation", "video")).status())
                .isEqualTo(200);
        reply = client.post(PATH, valid("video_url", wide35.get("url").asText(), "character_orientation", "video"));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).isEqualTo("video_url must be 3 to 30 seconds long for character_orientation video (got 35 s)");
    }

    @Test
    void theCharacterImageHasItsOwnLimitsAndNoAspectRatioRule() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        assertThat(client.post(PATH, valid("image_url", TestImages.pngBase64(1000, 300))).status()).isEqualTo(200);
        assertThat(client.post(PATH, valid("image_url", Base64.getEncoder().encodeToString(TestImages.greyPng(65536, 300))))
                .status()).isEqualTo(200);
    }

    @Test
    void kling3TakesOneElementFromTheLibrary() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        KlingHttp.Reply reply = client.post(PATH, valid("model_name", "kling-v3",
                "element_list", List.of(body("element_id", 829836802793406551L))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments(valid("model_name", "kling-v9"), 1203, "model_name kling-v9 does not exist"),
                arguments(valid("model_name", "kling-v1"), 1201, "model_name kling-v1 does not support motion-control"),
                arguments(valid("image_url", null), 1201, "image_url is required"),
                arguments(valid("video_url", null), 1201, "video_url is required"),
                arguments(valid("character_orientation", null), 1201, "character_orientation is required (one of image, video)"),
                arguments(valid("character_orientation", "side"), 1201, "character_orientation must be one of image, video"),
                arguments(valid("mode", null), 1201, "mode is required (one of std, pro)"),
                arguments(valid("mode", "fast"), 1201, "mode must be one of std, pro"),
                arguments(valid("prompt", "x".repeat(2501)), 1201, "prompt must be at most 2500 characters"),
                arguments(valid("keep_original_sound", "maybe"), 1201, "keep_original_sound must be one of yes, no"),
                arguments(valid("image_url", "data:image/png;base64," + CHARACTER), 1201, "File is not in a valid base64 format"),
                arguments(valid("image_url", TestImages.pngBase64(299, 400)), 1201, "image_url width and height must be between 300 and 65536px"),
                arguments(valid("image_url", Base64.getEncoder().encodeToString(TestImages.pngHeaderOnly(65537, 300))), 1201,
                        "image_url width and height must be between 300 and 65536px (got 65537x300)"),
                arguments(valid("image_url", Base64.getEncoder().encodeToString(TestImages.gif(400, 400))), 1201, "image_url must be a jpg/jpeg or png"),
                arguments(valid("video_url", "ftp://example.com/a.mp4"), 1201, "video_url must be a valid http(s) URL"),
                arguments(valid("video_url", "https://example.com/a.avi"), 1201, "video_url must point at an .mp4 or .mov file"),
                arguments(valid("element_list", List.of(body("element_id", 829836802793406551L))), 1201,
                        "element_list is only supported by model_name kling-v3 (got kling-v2-6)"),
                arguments(valid("model_name", "kling-v3", "element_list", List.of(body("element_id", 829836802793406551L),
                        body("element_id", 829836802793406552L))), 1201, "element_list must have at most 1 item (got 2)"),
                arguments(valid("model_name", "kling-v3", "element_list", List.of(body("element_id", 1L))), 1201,
                        "element_list[0].element_id 1 does not exist in the element library"),
                arguments(valid("model_name", "kling-v3", "element_list", List.of(body("element_id", "829836802793406551"))), 1201,
                        "element_list[0].element_id must be a 64-bit integer JSON number"),
                arguments(valid("callback_url", "nope"), 1201, "callback_url must be a valid http(s) URL"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestsAreRejected(Map<String, Object> request, int code, String messagePart) {
        Results.assertCreateRejected(SIM.simulator(), PATH, request, code, messagePart);
    }

    @Test
    void anOwnVideoUrlWithNothingBehindItFailsTheTask() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String missing = sim.baseUrl() + "/media/videos/gone.mp4";
        JsonNode task = client.awaitFinal(PATH, client.create(PATH, valid("video_url", missing)));
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).isEqualTo("Failed to download video_url from " + missing);
    }
}
