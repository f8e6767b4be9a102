package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** §6.6 video extend. */
class VideoExtendTest {
    static final String EXTEND = "/v1/videos/video-extend";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1000)
            .additionalAccount("ak-other", "sk-other"));

    static JsonNode source;

    @BeforeAll
    static void makeASource() {
        source = Results.textVideo(KlingHttp.withJwt(SIM.simulator()), "5");
    }

    private static KlingHttp client() {
        return KlingHttp.withJwt(SIM.simulator());
    }

    @Test
    void eachExtensionAddsFiveSecondsAndResultsAreTheWholeVideo() {
        KlingHttp client = client();
        JsonNode first = Results.succeeded(client, EXTEND, body("video_id", source.get("id").asText(),
                "prompt", "The fox stops and looks at the camera", "cfg_scale", 0.5, "external_task_id", "ext-1"));
        JsonNode parent = first.get("task_info").get("parent_video");
        assertThat(parent.get("id").asText()).isEqualTo(source.get("id").asText());
        assertThat(parent.get("url").asText()).isEqualTo(source.get("url").asText());
        assertThat(parent.get("duration").asText()).isEqualTo("5.0");
        JsonNode ten = first.get("task_result").get("videos").get(0);
        assertThat(ten.get("duration").asText()).isEqualTo("10.0");
        assertThat(ten.get("id").asText()).isNotEqualTo(source.get("id").asText());
        assertThat(first.get("task_info").get("external_task_id").asText()).isEqualTo("ext-1");

        JsonNode second = Results.succeeded(client, EXTEND, body("video_id", ten.get("id").asText()));
        assertThat(second.get("task_info").get("parent_video").get("id").asText()).isEqualTo(ten.get("id").asText());
        assertThat(second.get("task_info").get("parent_video").get("duration").asText()).isEqualTo("10.0");
        JsonNode fifteen = second.get("task_result").get("videos").get(0);
        assertThat(fifteen.get("duration").asText()).isEqualTo("15.0");

        List<CompletableFuture<Mp4Boxes.Summary>> downloads = Stream.of(source, ten, fifteen)
                .map(v -> CompletableFuture.supplyAsync(() -> Mp4Boxes.read(client.download(v.get("url").asText()))))
                .toList();
        double[] expected = {5.0, 10.0, 15.0};
        for (int i = 0; i < 3; i++) {
            Mp4Boxes.Summary mp4 = downloads.get(i).join();
            assertThat(mp4.durationSeconds()).isCloseTo(expected[i], within(0.01));
            assertThat(mp4.width()).isEqualTo(320);
            assertThat(mp4.height()).isEqualTo(180);
        }
        assertThat(client.get(EXTEND + "/ext-1").data().get("task_id").asText()).isEqualTo(first.get("task_id").asText());
    }

    @Test
    void totalLengthIsCappedAtThreeMinutesAndTheLongVideoIsReal() {
        try (KlingSimulator sim = KlingSimulator.builder()
                .timing(SimulatorTiming.of(Duration.ofHours(1), Duration.ofHours(1))).build().start()) {
            KlingHttp client = KlingHttp.withJwt(sim);
            String t2v = client.create(Results.T2V, body("prompt", "a long journey", "duration", "10"));
            sim.completeTask(t2v);
            JsonNode video = client.get(Results.T2V + "/" + t2v).data().get("task_result").get("videos").get(0);
            for (int total = 15; total <= 180; total += 5) {
                String taskId = client.create(EXTEND, body("video_id", video.get("id").asText()));
                assertThat(sim.completeTask(taskId)).isTrue();
                video = client.get(EXTEND + "/" + taskId).data().get("task_result").get("videos").get(0);
                assertThat(video.get("duration").asText()).isEqualTo(total + ".0");
            }
            int before = sim.createdTaskCount();
            KlingHttp.Reply reply = client.post(EXTEND, body("video_id", video.get("id").asText()));
            Results.assertRejected(sim, reply, 1201, "video_id " + video.get("id").asText()
                    + " is already 180 s long; extending it by 5 s would exceed the 180 s limit", before);

            Mp4Boxes.Summary mp4 = Mp4Boxes.read(client.download(video.get("url").asText()));
            assertThat(mp4.durationSeconds()).isCloseTo(180.0, within(0.01));
            assertThat(mp4.width()).isEqualTo(320);

            // identify-face takes videos of at most 60 s
            reply = client.post(Results.IDENTIFY, body("video_id", video.get("id").asText()));
            assertThat(reply.code()).isEqualTo(1201);
            assertThat(reply.message()).contains("is 180 s long; identify-face needs a video of 2 to 60 seconds");
        }
    }

    @Test
    void modelAndModeAreInheritedFromTheSource() {
        KlingHttp client = client();
        JsonNode pro = Results.succeeded(client, Results.T2V, body("prompt", "pro source", "model_name", "kling-v1-6", "mode", "pro"))
                .get("task_result").get("videos").get(0);
        String id = pro.get("id").asText();
        JsonNode extended = Results.succeeded(client, EXTEND, body("video_id", id, "model_name", "kling-v1-6", "mode", "pro"));
        assertThat(extended.get("final_unit_deduction").asText()).isEqualTo("2");
        KlingHttp.Reply reply = client.post(EXTEND, body("video_id", id, "model_name", "kling-v1"));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).isEqualTo("model_name cannot be changed by video-extend: it is inherited from the source video (kling-v1-6)");
        reply = client.post(EXTEND, body("video_id", id, "mode", "std"));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).startsWith("mode cannot be changed by video-extend");
    }

    @Test
    void extensionsTakeASlotOfTheInheritedModel() {
        try (KlingSimulator sim = KlingSimulator.builder().maxConcurrentTasks(1)
                .timing(SimulatorTiming.of(Duration.ofHours(1), Duration.ofHours(1))).build().start()) {
            KlingHttp client = KlingHttp.withJwt(sim);
            String t2v = client.create(Results.T2V, body("prompt", "slot source"));
            sim.completeTask(t2v);
            String id = client.get(Results.T2V + "/" + t2v).data().get("task_result").get("videos").get(0).get("id").asText();
            client.create(EXTEND, body("video_id", id));
            int before = sim.createdTaskCount();
            Results.assertRejected(sim, client.post(Results.T2V, body("prompt", "same model kling-v1")), 1303,
                    "parallel task over resource pack limit", before);
            assertThat(client.post(Results.T2V, body("prompt", "other model", "model_name", "kling-v1-6")).status()).isEqualTo(200);
        }
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments(body(), "video_id is required"),
                arguments(body("video_id", ""), "video_id is required"),
                arguments(body("video_id", "no-such-video"), "video_id no-such-video does not exist"),
                arguments(body("video_id", 12), "video_id must be a string"),
                arguments(body("video_id", "$SOURCE", "prompt", "x".repeat(2501)), "prompt must be at most 2500 characters"),
                arguments(body("video_id", "$SOURCE", "negative_prompt", "x".repeat(2501)), "negative_prompt must be at most 2500 characters"),
                arguments(body("video_id", "$SOURCE", "cfg_scale", 1.5), "cfg_scale must be between 0 and 1"),
                arguments(body("video_id", "$SOURCE", "cfg_scale", "0.5"), "cfg_scale must be a number"),
                arguments(body("video_id", "$SOURCE", "watermark_info", body("enabled", "yes")), "watermark_info.enabled must be a boolean"),
                arguments(body("video_id", "$SOURCE", "callback_url", "ftp://x/cb"), "callback_url must be a valid http(s) URL"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestsAre1201(Map<String, Object> request, String messagePart) {
        KlingSimulator sim = SIM.simulator();
        request.replaceAll((k, v) -> "$SOURCE".equals(v) ? source.get("id").asText() : v);
        int before = sim.createdTaskCount();
        Results.assertRejected(sim, client().post(EXTEND, request), 1201, messagePart, before);
    }

    @Test
    void onlyTheAccountsOwnText2videoImage2videoAndExtendOutputsCanBeExtended() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp other = KlingHttp.withAuthorization(sim, "Bearer " + Tokens.valid("ak-other", "sk-other"));
        KlingHttp.Reply reply = other.post(EXTEND, body("video_id", source.get("id").asText()));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).isEqualTo("video_id " + source.get("id").asText() + " does not exist");

        KlingHttp client = client();
        JsonNode i2v = Results.succeeded(client, "/v1/videos/image2video", body("image", TestImages.pngBase64(640, 360)))
                .get("task_result").get("videos").get(0);
        assertThat(client.post(EXTEND, body("video_id", i2v.get("id").asText())).status()).isEqualTo(200);

        JsonNode multi = Results.succeeded(client, "/v1/videos/multi-image2video",
                body("image_list", List.of(body("image", "https://example.com/a.png")), "prompt", "two friends"))
                .get("task_result").get("videos").get(0);
        reply = client.post(EXTEND, body("video_id", multi.get("id").asText()));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).isEqualTo("video_id " + multi.get("id").asText()
                + " is a multi-image2video output; only text2video, image2video and video-extend outputs can be extended");
    }

    @Test
    void sourcesOlderThanThirtyDaysCannotBeExtended() {
        MutableClock clock = new MutableClock();
        try (KlingSimulator sim = KlingSimulator.builder().clock(clock).build().start()) {
            KlingHttp client = KlingHttp.withJwt(sim);
            JsonNode video = Results.textVideo(client, "5");
            clock.advance(Duration.ofDays(30).plusSeconds(1));
            int before = sim.createdTaskCount();
            Results.assertRejected(sim, client.post(EXTEND, body("video_id", video.get("id").asText())), 1201,
                    "video_id " + video.get("id").asText() + " is older than 30 days", before);
        }
    }

    @Test
    void theFailureMarkerInThePromptFailsTheTask() {
        KlingHttp client = client();
        JsonNode task = client.awaitFinal(EXTEND, client.create(EXTEND, body("video_id", source.get("id").asText(),
                "prompt", "then [[fail]]")));
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).isEqualTo("Failure to pass the risk control system");
        assertThat(task.get("task_info").get("parent_video").get("id").asText()).isEqualTo(source.get("id").asText());
    }
}
