package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The model capability matrix (kling-api.md §6.2/§6.3/§7) over raw HTTP. The matrix is written out here a second
 * time, independently of {@code ModelCatalog}, and every cell is checked: each allowed combination creates a task,
 * each forbidden one is 400/1201 with a message naming the field, the model and the rule.
 */
class ModelCapabilityTest {
    static final String T2V = "/v1/videos/text2video";
    static final String I2V = "/v1/videos/image2video";
    static final String MULTI = "/v1/videos/multi-image2video";
    static final String IMAGE = "https://example.com/first.png";

    /** Tasks are held for an hour: creating ~200 of them costs no background work. */
    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(10_000)
            .timing(SimulatorTiming.of(Duration.ofHours(1), Duration.ofHours(1))));

    /** One row of the table in the brief / kling-api.md §6.2. {@code modes}: std and pro allowed; else mode must be absent. */
    record Row(String model, boolean t2v, boolean i2v, boolean modes, boolean sound, boolean cfgScale) {
    }

    static final List<Row> MATRIX = List.of(
            new Row("kling-v1", true, true, true, false, true),
            new Row("kling-v1-5", false, true, true, false, true),
            new Row("kling-v1-6", true, true, true, false, true),
            new Row("kling-v2-master", true, true, false, false, false),
            new Row("kling-v2-1", false, true, true, false, false),
            new Row("kling-v2-1-master", true, true, false, false, false),
            new Row("kling-v2-5-turbo", true, true, true, false, false),
            new Row("kling-v2-6", true, true, true, true, false),
            new Row("kling-v3", true, true, true, true, false));

    static final String T2V_CFG_MODELS = "kling-v1, kling-v1-6";
    static final String I2V_CFG_MODELS = "kling-v1, kling-v1-5, kling-v1-6";
    static final String SOUND_MODELS = "kling-v2-6, kling-v3";

    static String modeMessage(String model) {
        return "mode is not supported by model_name " + model + ": this model has no std/pro mode, so mode must be absent";
    }

    static String cfgMessage(String model, String cfgModels) {
        return "cfg_scale is not supported by model_name " + model + ": only " + cfgModels
                + " take cfg_scale, so it must be absent for this model";
    }

    static String soundMessage(String model) {
        return "sound \"on\" is not supported by model_name " + model + ": only " + SOUND_MODELS + " produce sound";
    }

    static Map<String, Object> base(String path, String model, Object... extra) {
        Map<String, Object> request = path.equals(T2V) ? body("prompt", "a red fox") : body("image", IMAGE);
        if (model != null) {
            request.put("model_name", model);
        }
        for (int i = 0; i < extra.length; i += 2) {
            request.put((String) extra[i], extra[i + 1]);
        }
        return request;
    }

    /**
     * Every cell: path, model, what is sent, and the expected exact message ({@code null} = accepted). The
     * product rule comes first, so models that do not serve a product get only that case.
     */
    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String path : List.of(T2V, I2V)) {
            boolean t2v = path.equals(T2V);
            String product = t2v ? "text2video" : "image2video";
            for (Row row : MATRIX) {
                String m = row.model();
                if (!(t2v ? row.t2v() : row.i2v())) {
                    cases.add(arguments(path, m, "model only", base(path, m), "model_name " + m + " does not support " + product));
                    continue;
                }
                cases.add(arguments(path, m, "model only", base(path, m), null));
                cases.add(arguments(path, m, "mode std", base(path, m, "mode", "std"), row.modes() ? null : modeMessage(m)));
                cases.add(arguments(path, m, "mode pro", base(path, m, "mode", "pro"), row.modes() ? null : modeMessage(m)));
                cases.add(arguments(path, m, "cfg_scale 0.5", base(path, m, "cfg_scale", 0.5),
                        row.cfgScale() ? null : cfgMessage(m, t2v ? T2V_CFG_MODELS : I2V_CFG_MODELS)));
                cases.add(arguments(path, m, "sound on", base(path, m, "sound", "on"), row.sound() ? null : soundMessage(m)));
                cases.add(arguments(path, m, "sound off", base(path, m, "sound", "off"), null));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void everyCellOfTheMatrix(String path, String model, String what, Map<String, Object> request, String expectedMessage) {
        assertOutcome(path, request, expectedMessage);
    }

    static Stream<Arguments> moreRules() {
        return Stream.of(
                // no model_name, or an empty one: kling-v1
                arguments(T2V, base(T2V, null, "mode", "pro", "cfg_scale", 1), null),
                arguments(T2V, base(T2V, "", "cfg_scale", 0), null),
                arguments(T2V, base(T2V, null, "sound", "on"), soundMessage("kling-v1")),
                arguments(I2V, base(I2V, null, "mode", "pro", "cfg_scale", 0.5), null),
                arguments(I2V, base(I2V, null, "sound", "on"), soundMessage("kling-v1")),
                // "must be absent" means any value, even one that would otherwise be out of range or of the wrong type
                arguments(T2V, base(T2V, "kling-v2-6", "cfg_scale", 0), cfgMessage("kling-v2-6", T2V_CFG_MODELS)),
                arguments(T2V, base(T2V, "kling-v3", "cfg_scale", 1.5), cfgMessage("kling-v3", T2V_CFG_MODELS)),
                arguments(I2V, base(I2V, "kling-v2-1", "cfg_scale", "0.5"), cfgMessage("kling-v2-1", I2V_CFG_MODELS)),
                arguments(T2V, base(T2V, "kling-v2-master", "mode", "fast"), modeMessage("kling-v2-master")),
                arguments(I2V, base(I2V, "kling-v2-1-master", "mode", ""), modeMessage("kling-v2-1-master")),
                // JSON null counts as absent, as everywhere else
                arguments(T2V, base(T2V, "kling-v2-master", "mode", null, "cfg_scale", null), null),
                // an invalid mode on a model with modes is still the enum error
                arguments(T2V, base(T2V, "kling-v2-6", "mode", "fast"), "mode must be one of std, pro (got \"fast\")"),
                // sound-capable models accept every other column too
                arguments(I2V, base(I2V, "kling-v3", "mode", "pro", "sound", "on", "voice_list", List.of(body("voice_id", "v1"))), null),
                // voice_list needs sound "on", which needs a sound model
                arguments(I2V, base(I2V, "kling-v2-5-turbo", "sound", "on", "voice_list", List.of(body("voice_id", "v1"))),
                        soundMessage("kling-v2-5-turbo")));
    }

    @ParameterizedTest
    @MethodSource("moreRules")
    void defaultsAndEdges(String path, Map<String, Object> request, String expectedMessage) {
        assertOutcome(path, request, expectedMessage);
    }

    static Stream<Arguments> oldModelField() {
        return Stream.of(
                // "model" acts like an empty model_name: kling-v1, whatever it says
                arguments(body("model", "kling-v2-master", "image", IMAGE, "mode", "pro", "cfg_scale", 0.5), null),
                arguments(body("model", "kling-v1", "image", IMAGE), null),
                arguments(body("model", "kling-v2-6", "image", IMAGE, "sound", "on"), soundMessage("kling-v1")),
                arguments(body("model", "kling-v9", "image", IMAGE), null),
                // model_name, when given, decides
                arguments(body("model", "kling-v1", "model_name", "kling-v2-master", "image", IMAGE, "mode", "std"),
                        modeMessage("kling-v2-master")),
                arguments(body("model", "kling-v1", "model_name", "", "image", IMAGE, "cfg_scale", 0.5), null));
    }

    @ParameterizedTest
    @MethodSource("oldModelField")
    void theOldModelFieldOnImage2videoActsLikeAnEmptyModelName(Map<String, Object> request, String expectedMessage) {
        assertOutcome(I2V, request, expectedMessage);
    }

    @Test
    void multiImage2videoChecksModeThroughTheMatrix() {
        Map<String, Object> pro = body("image_list", List.of(body("image", IMAGE)), "prompt", "p", "mode", "pro");
        assertOutcome(MULTI, pro, null);
        Map<String, Object> fast = body("image_list", List.of(body("image", IMAGE)), "prompt", "p", "model_name", "kling-v1-6", "mode", "fast");
        assertOutcome(MULTI, fast, "mode must be one of std, pro (got \"fast\")");
    }

    @Test
    void aModelWithoutModesMakesAStdPricedVideoWhoseExtensionsTakeNoMode() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String id = client.create(T2V, base(T2V, "kling-v2-master", "duration", "10"));
        assertThat(sim.completeTask(id)).isTrue();
        JsonNode done = client.get(T2V + "/" + id).data();
        assertThat(done.get("final_unit_deduction").asText()).isEqualTo("2");
        String videoId = done.get("task_result").get("videos").get(0).get("id").asText();

        KlingHttp.Reply withMode = client.post("/v1/videos/video-extend", body("video_id", videoId, "mode", "std"));
        assertThat(withMode.code()).isEqualTo(1201);
        assertThat(withMode.message()).isEqualTo("mode cannot be changed by video-extend: it is inherited from the source video (none)");
        assertThat(client.post("/v1/videos/video-extend", body("video_id", videoId, "model_name", "kling-v2-master")).status())
                .isEqualTo(200);
    }

    private static void assertOutcome(String path, Map<String, Object> request, String expectedMessage) {
        KlingSimulator sim = SIM.simulator();
        int before = sim.createdTaskCount();
        KlingHttp.Reply reply = KlingHttp.withJwt(sim).post(path, request);
        if (expectedMessage == null) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.data().get("task_status").asText()).isEqualTo("submitted");
            assertThat(sim.createdTaskCount()).isEqualTo(before + 1);
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo(1201);
            assertThat(reply.message()).isEqualTo(expectedMessage);
            assertThat(reply.json().has("data")).isFalse();
            assertThat(sim.createdTaskCount()).isEqualTo(before);
        }
    }
}
