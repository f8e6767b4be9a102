package dev.camelkling.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.camelkling.client.request.KlingFeature.IMAGE2VIDEO;
import static dev.camelkling.client.request.KlingFeature.IMAGE_GENERATION;
import static dev.camelkling.client.request.KlingFeature.LIP_SYNC;
import static dev.camelkling.client.request.KlingFeature.MOTION_CONTROL;
import static dev.camelkling.client.request.KlingFeature.MULTI_IMAGE2VIDEO;
import static dev.camelkling.client.request.KlingFeature.OMNI_IMAGE;
import static dev.camelkling.client.request.KlingFeature.TEXT2VIDEO;
import static dev.camelkling.client.request.KlingFeature.VIDEO_EXTEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The client's local rules and the simulator's server-side rules agree. Each case is an invalid create request as
 * Kling wire fields: sent as a Map body to {@code kling:<feature>}, it fails locally with a
 * {@link KlingValidationException} naming the field and creates nothing; POSTed as raw JSON straight to the
 * simulator, it is refused with the expected HTTP status and Kling code, for the same reason.
 */
class RuleContractTest extends KlingTestSupport {

    /** Replaced by the id of a video the simulator made (video extend needs a real one to reach the rule under test). */
    private static final String VIDEO = "${video_id}";
    /** Replaced by a fresh identify-face session (lip sync checks the session first). */
    private static final String SESSION = "${session_id}";
    private static final String IMAGE = "https://example.com/ref.png";
    private static final long ELEMENT = 829836802793406551L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param feature         the product
     * @param name            what is wrong
     * @param wire            the request as Kling wire fields
     * @param field           the field the local error message names ({@code "<feature> request invalid: <field> ..."})
     * @param status          the simulator's HTTP status
     * @param code            the simulator's Kling code
     * @param simulatorReason what the simulator's message must contain, so that it refused for the same reason
     */
    private static Arguments refused(KlingFeature feature, String name, Map<String, Object> wire, String field, int status, int code,
            String simulatorReason) {
        return arguments(feature, name, wire, field, status, code, simulatorReason);
    }

    private static Arguments refused(KlingFeature feature, String name, Map<String, Object> wire, String field, String simulatorReason) {
        return refused(feature, name, wire, field, 400, 1201, simulatorReason);
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static List<Map<String, Object>> images(int count) {
        return Collections.nCopies(count, Map.of("image", IMAGE));
    }

    private static Map<String, Object> face(Object... changes) {
        Map<String, Object> face = fields("face_id", "0", "audio_id", "tts-1", "sound_start_time", 0, "sound_end_time", 3000,
                "sound_insert_time", 500);
        Map<String, Object> changed = fields(changes);
        changed.forEach((key, value) -> {
            if (value == null) {
                face.remove(key);
            } else {
                face.put(key, value);
            }
        });
        return face;
    }

    static Stream<Arguments> invalidRequests() {
        String motionVideo = "https://example.com/dance.mp4";
        return Stream.of(
                // the video model matrix (KlingVideoModel on the client, ModelCatalog on the simulator)
                refused(TEXT2VIDEO, "model: sound on with kling-v1", fields("model_name", "kling-v1", "prompt", "a fox", "sound", "on"), "sound", "sound"),
                refused(IMAGE2VIDEO, "model: sound on with kling-v1", fields("model_name", "kling-v1", "image", IMAGE, "sound", "on"),
                        "sound", "sound"),
                refused(TEXT2VIDEO, "model: cfg_scale with kling-v2-6", fields("model_name", "kling-v2-6", "prompt", "a fox", "cfg_scale", 0.5),
                        "cfg_scale", "cfg_scale"),
                refused(IMAGE2VIDEO, "model: cfg_scale with kling-v2-6", fields("model_name", "kling-v2-6", "image", IMAGE, "cfg_scale", 0.5),
                        "cfg_scale", "cfg_scale"),
                refused(TEXT2VIDEO, "model: 4k with kling-v2-6", fields("model_name", "kling-v2-6", "prompt", "a fox", "mode", "4k"),
                        "mode", "mode"),
                refused(TEXT2VIDEO, "model: mode with kling-v2-master", fields("model_name", "kling-v2-master", "prompt", "a fox", "mode", "std"),
                        "mode", "mode"),
                refused(IMAGE2VIDEO, "model: mode with kling-v2-master", fields("model_name", "kling-v2-master", "image", IMAGE, "mode", "pro"),
                        "mode", "mode"),

                refused(MULTI_IMAGE2VIDEO, "count: five images", fields("image_list", images(5), "prompt", "friends"), "image_list", "image_list"),
                refused(MULTI_IMAGE2VIDEO, "required: no prompt", fields("image_list", images(1)), "prompt", "prompt"),
                refused(MULTI_IMAGE2VIDEO, "base64: data: prefix", fields("image_list", List.of(Map.of("image", "data:image/png;base64,iVBORw0KGgo=")),
                        "prompt", "friends"), "image_list", "base64"),
                refused(MULTI_IMAGE2VIDEO, "model: no multi-image", fields("model_name", "kling-v1", "image_list", images(1), "prompt", "friends"),
                        "model_name", "model_name"),

                refused(MOTION_CONTROL, "required: no orientation", fields("image_url", IMAGE, "video_url", motionVideo, "mode", "std"),
                        "character_orientation", "character_orientation"),
                refused(MOTION_CONTROL, "enum: mode", fields("image_url", IMAGE, "video_url", motionVideo, "character_orientation", "video",
                        "mode", "fast"), "mode", "mode"),
                refused(MOTION_CONTROL, "dependency: element without kling-v3", fields("image_url", IMAGE, "video_url", motionVideo,
                        "character_orientation", "image", "mode", "std", "element_list", List.of(Map.of("element_id", ELEMENT))),
                        "element_list", "element_list"),
                refused(MOTION_CONTROL, "url: not a video file", fields("image_url", IMAGE, "video_url", "https://example.com/dance.gif",
                        "character_orientation", "video", "mode", "pro"), "video_url", "video_url"),

                refused(VIDEO_EXTEND, "required: no video", fields("prompt", "it goes on"), "video_id", "video_id"),
                refused(VIDEO_EXTEND, "range: cfg_scale", fields("video_id", VIDEO, "cfg_scale", 1.5), "cfg_scale", "cfg_scale"),
                refused(VIDEO_EXTEND, "length: prompt", fields("video_id", VIDEO, "prompt", "x".repeat(2501)), "prompt", "prompt"),

                refused(LIP_SYNC, "exclusive: audio id and file", fields("session_id", SESSION, "face_choose",
                        List.of(face("sound_file", "https://example.com/line.mp3"))), "sound_file", "mutually exclusive"),
                refused(LIP_SYNC, "range: volume", fields("session_id", SESSION, "face_choose", List.of(face("sound_volume", 2.5))),
                        "sound_volume", "sound_volume"),
                refused(LIP_SYNC, "range: crop under 2 s", fields("session_id", SESSION, "face_choose", List.of(face("sound_end_time", 1500))),
                        "sound_end_time", "sound_end_time"),
                refused(LIP_SYNC, "base64: data: prefix", fields("session_id", SESSION, "face_choose",
                        List.of(face("audio_id", null, "sound_file", "data:audio/wav;base64,UklGRiQAAABXQVZFZm10IA=="))),
                        "sound_file", "base64"),
                refused(LIP_SYNC, "count: two faces", fields("session_id", SESSION, "face_choose", List.of(face(), face("face_id", "1"))),
                        "face_choose", "face_choose"),
                refused(LIP_SYNC, "required: no session", fields("face_choose", List.of(face())), "session_id", "session_id"),
                // the face window is local-only: the client checks it, the simulator knows it from the session
                refused(LIP_SYNC, "overlap: audio mostly after the face", fields("session_id", SESSION, "face_choose",
                        List.of(face("sound_insert_time", 4000)), "face_start_time", 200, "face_end_time", 4800),
                        "sound_insert_time", "sound_insert_time"),

                refused(IMAGE_GENERATION, "range: n", fields("prompt", "a cat", "n", 10), "n", "n"),
                refused(IMAGE_GENERATION, "enum: aspect ratio", fields("prompt", "a cat", "aspect_ratio", "5:4"), "aspect_ratio", "aspect_ratio"),
                refused(IMAGE_GENERATION, "exclusive: negative prompt with image", fields("prompt", "a cat", "image", IMAGE, "negative_prompt", "dogs"),
                        "negative_prompt", "negative_prompt"),
                refused(IMAGE_GENERATION, "model: 21:9 on kling-v1", fields("model_name", "kling-v1", "prompt", "a cat", "aspect_ratio", "21:9"),
                        "aspect_ratio", "21:9"),
                refused(IMAGE_GENERATION, "condition: kling-v1-5 image without reference", fields("model_name", "kling-v1-5", "prompt", "a cat",
                        "image", IMAGE), "image_reference", "image_reference"),

                refused(OMNI_IMAGE, "count: images and elements", fields("prompt", "a party", "image_list", images(6), "element_list",
                        Collections.nCopies(5, Map.of("element_id", ELEMENT))), "image_list + element_list", "element_list"),
                refused(OMNI_IMAGE, "reference: image past the list", fields("prompt", "<<<image_2>>> eats hotpot", "image_list", images(1)),
                        "prompt", "<<<image_2>>>"),
                refused(OMNI_IMAGE, "dependency: series amount without series", fields("prompt", "a party", "series_amount", 3),
                        "series_amount", "series_amount"),
                refused(OMNI_IMAGE, "enum: result type", fields("prompt", "a party", "result_type", "batch"), "result_type", "result_type"),
                refused(OMNI_IMAGE, "model: 4k on kling-image-o1", fields("prompt", "a party", "resolution", "4k"), "resolution", "4k"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidRequests")
    void clientAndSimulatorRefuseTheSameRequest(KlingFeature feature, String name, Map<String, Object> wire, String field,
            int status, int code, String simulatorReason) throws Exception {
        Map<String, Object> request = resolve(wire);
        int tasksBefore = simulator().createdTaskCount();

        Exchange out = template.request("kling:" + uri(feature), e -> e.getMessage().setBody(request));

        assertThat(out.getException()).as("local refusal").isInstanceOf(KlingValidationException.class)
                .hasMessageContaining(" request invalid: " + field);
        assertThat(simulator().createdTaskCount()).as("tasks created").isEqualTo(tasksBefore);

        HttpResponse<String> answer = post(feature.path(), request);
        JsonNode envelope = JSON.readTree(answer.body());
        assertThat(answer.statusCode()).as("HTTP status of " + answer.body()).isEqualTo(status);
        assertThat(envelope.path("code").asInt()).as("Kling code of " + answer.body()).isEqualTo(code);
        assertThat(envelope.path("message").asText()).as("simulator message").containsIgnoringCase(simulatorReason);
        assertThat(envelope.has("data")).isFalse();
        assertThat(simulator().createdTaskCount()).as("tasks created").isEqualTo(tasksBefore);
    }

    private static String uri(KlingFeature feature) {
        return feature == KlingFeature.LIP_SYNC ? feature.uriName() + "?step=create" : feature.uriName();
    }

    /** Replaces the placeholders with a real video id or session, created only when a case needs one. */
    private Map<String, Object> resolve(Map<String, Object> wire) throws Exception {
        String text = JSON.writeValueAsString(wire);
        if (text.contains(VIDEO)) {
            text = text.replace(VIDEO, finishedVideoId());
        }
        if (text.contains(SESSION)) {
            text = text.replace(SESSION, session());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = JSON.readValue(text, LinkedHashMap.class);
        return resolved;
    }

    private String finishedVideoId() throws Exception {
        JsonNode created = data(post("/v1/videos/text2video", Map.of("prompt", "A calm sea at dawn")));
        String taskId = created.path("task_id").asText();
        JsonNode task = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> data(send(HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/v1/videos/text2video/" + taskId)).GET())),
                        read -> "succeed".equals(read.path("task_status").asText()));
        return task.path("task_result").path("videos").get(0).path("id").asText();
    }

    private String session() throws Exception {
        return data(post("/v1/videos/identify-face", Map.of("video_url", "https://example.com/talk.mp4"))).path("session_id").asText();
    }

    private static JsonNode data(HttpResponse<String> response) throws Exception {
        JsonNode envelope = JSON.readTree(response.body());
        if (envelope.path("code").asInt(-1) != 0) {
            throw new AssertionError("simulator refused a prerequisite: " + response.body());
        }
        return envelope.path("data");
    }

    private static HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(SIM.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + SIM.simulator().apiKey()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
