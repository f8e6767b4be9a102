package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What every product shares, checked on the six products added after text2video and image2video. */
class SharedProductRulesTest {
    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1000)
            .additionalAccount("ak-other", "sk-other")
            .timing(SimulatorTiming.of(Duration.ofMillis(20), Duration.ofMillis(80))));

    static CallbackReceiver receiver;
    static String videoId;
    static String sessionId;

    @BeforeAll
    static void prepare() {
        receiver = new CallbackReceiver();
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        videoId = Results.textVideo(client, "5").get("id").asText();
        sessionId = client.post(Results.IDENTIFY, body("video_id", videoId)).data().get("session_id").asText();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    /** path, a fresh valid body, the result list it produces, whether task_info carries parent_video. */
    static Stream<Arguments> products() {
        Supplier<Map<String, Object>> lipSync = () -> body("session_id", sessionId, "face_choose", List.of(body("face_id", "0",
                "audio_id", "tts-1", "sound_start_time", 0, "sound_end_time", 2500, "sound_insert_time", 1000)));
        return Stream.of(
                arguments("/v1/videos/advanced-lip-sync", lipSync, "videos", true),
                arguments("/v1/videos/multi-image2video", (Supplier<Map<String, Object>>) () -> body(
                        "image_list", List.of(body("image", "https://example.com/a.png")), "prompt", "p"), "videos", false),
                arguments("/v1/videos/motion-control", (Supplier<Map<String, Object>>) () -> body("image_url", "https://example.com/a.png",
                        "video_url", "https://example.com/a.mp4", "character_orientation", "video", "mode", "std"), "videos", false),
                arguments("/v1/videos/video-extend", (Supplier<Map<String, Object>>) () -> body("video_id", videoId), "videos", true),
                arguments("/v1/images/generations", (Supplier<Map<String, Object>>) () -> body("prompt", "p"), "images", false),
                arguments("/v1/images/omni-image", (Supplier<Map<String, Object>>) () -> body("prompt", "p"), "images", false));
    }

    private static Map<String, Object> with(Supplier<Map<String, Object>> valid, Object... extra) {
        Map<String, Object> request = valid.get();
        for (int i = 0; i < extra.length; i += 2) {
            request.put((String) extra[i], extra[i + 1]);
        }
        return request;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void lifecycleCallbacksAndEveryLookupForm(String path, Supplier<Map<String, Object>> valid, String resultList, boolean parent) {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String external = "common" + path.replace('/', '-');
        String callback = receiver.url("/cb" + path);
        KlingHttp.Reply created = client.post(path, with(valid, "external_task_id", external, "callback_url", callback));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode data = created.data();
        String taskId = data.get("task_id").asText();
        assertThat(taskId).matches("\\d{18}");
        assertThat(data.get("task_status").asText()).isEqualTo("submitted");
        assertThat(data.get("created_at").asLong()).isEqualTo(data.get("updated_at").asLong());
        assertThat(data.get("task_info").get("external_task_id").asText()).isEqualTo(external);

        JsonNode done = client.awaitFinal(path, taskId);
        assertThat(done.get("task_status").asText()).isEqualTo("succeed");
        assertThat(done.get("task_status_msg").asText()).isEmpty();
        assertThat(done.get("task_result").get(resultList)).isNotEmpty();
        assertThat(done.get("final_unit_deduction").asText()).isNotEqualTo("0");
        assertThat(done.get("task_info").has("parent_video")).isEqualTo(parent);
        assertThat(done.get("updated_at").asLong()).isGreaterThan(done.get("created_at").asLong());

        for (String form : List.of(path + "/" + taskId, path + "/" + external, path + "?external_task_id=" + external)) {
            KlingHttp.Reply reply = client.get(form);
            assertThat(reply.status()).as(form).isEqualTo(200);
            assertThat(reply.data().get("task_id").asText()).isEqualTo(taskId);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> sim.callbackDeliveries().stream().filter(d -> d.taskId().equals(taskId)).count() == 3);
        List<String> statuses = sim.callbackDeliveries().stream().filter(d -> d.taskId().equals(taskId))
                .map(CallbackDelivery::taskStatus).toList();
        assertThat(statuses).containsExactly("submitted", "processing", "succeed");
        List<CallbackReceiver.Received> posted = receiver.received().stream()
                .filter(r -> r.body().contains("\"task_id\":\"" + taskId + "\"")).toList();
        assertThat(posted).hasSize(3);
        JsonNode last = KlingHttp.JSON.valueToTree(parse(posted.get(2).body()));
        assertThat(last.has("code")).isFalse();
        assertThat(last.get("task_status").asText()).isEqualTo("succeed");
        assertThat(last.get("task_result")).isEqualTo(done.get("task_result"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void listsPageNewestFirstAndSeeOnlyTheCallersTasks(String path, Supplier<Map<String, Object>> valid, String resultList, boolean parent) {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(0, client.create(path, valid.get()));
        }
        List<String> firstPage = ids(client.get(path + "?pageNum=1&pageSize=2").data());
        assertThat(firstPage).containsExactly(mine.get(0), mine.get(1));
        List<String> all = ids(client.get(path + "?pageSize=500").data());
        assertThat(all.subList(0, 3)).containsExactlyElementsOf(mine);
        assertThat(client.get(path + "?pageNum=1000&pageSize=500").data()).isEmpty();
        KlingHttp.Reply bad = client.get(path + "?pageSize=501");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo(1201);

        KlingHttp other = KlingHttp.withAuthorization(sim, "Bearer " + Tokens.valid("ak-other", "sk-other"));
        assertThat(other.get(path).data()).isEmpty();
        assertThat(other.get(path + "/" + mine.get(0)).code()).isEqualTo(1203);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void unknownIdsWrongMethodsAndDuplicateExternalIds(String path, Supplier<Map<String, Object>> valid, String resultList, boolean parent) {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        for (String unknown : List.of(path + "/866889456698785798", path + "/no-such-external", path + "?external_task_id=no-such-external")) {
            KlingHttp.Reply reply = client.get(unknown);
            assertThat(reply.status()).as(unknown).isEqualTo(404);
            assertThat(reply.code()).isEqualTo(1203);
            assertThat(reply.json().has("data")).isFalse();
        }
        KlingHttp.Reply wrongMethod = client.send("DELETE", path, null);
        assertThat(wrongMethod.status()).isEqualTo(404);
        assertThat(wrongMethod.code()).isEqualTo(1202);
        assertThat(KlingHttp.withAuthorization(sim, null).post(path, valid.get()).code()).isEqualTo(1001);

        String external = "dup" + path.replace('/', '-');
        client.create(path, with(valid, "external_task_id", external));
        int before = sim.createdTaskCount();
        Results.assertRejected(sim, client.post(path, with(valid, "external_task_id", external)), 1201,
                "external_task_id " + external + " already exists", before);
        // external ids are unique across products
        Results.assertRejected(sim, client.post(Results.T2V, body("prompt", "p", "external_task_id", external)), 1201,
                "already exists", before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void theFailureMarkerFailsEveryProduct(String path, Supplier<Map<String, Object>> valid, String resultList, boolean parent) {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        JsonNode task = client.awaitFinal(path, client.create(path, with(valid, "prompt", "x [[fail: blocked by test]]")));
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).isEqualTo("blocked by test");
        assertThat(task.get("final_unit_deduction").asText()).isEqualTo("0");
        assertThat(task.has("task_result")).isFalse();
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(t -> ids.add(t.get("task_id").asText()));
        return ids;
    }

    private static JsonNode parse(String json) {
        try {
            return KlingHttp.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
