package dev.camelkling.client;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.schema.KlingVideoModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The video model capability matrix ({@link KlingVideoModel}) and the local validation it drives: what the simulator
 * and the real API refuse for a model is refused before any HTTP call.
 */
class VideoModelMatrixTest extends LocalValidationSupport {

    private static final byte[] IMAGE = TestImages.png(400, 400);

    /** The reference table, written out once more so that a change of the data is a deliberate one. */
    static Stream<Arguments> referenceTable() {
        List<String> stdPro = List.of("std", "pro");
        List<String> stdPro4k = List.of("std", "pro", "4k");
        List<String> none = List.of();
        return Stream.of(
                //         model                               t2v    i2v   modes   sound  cfg_scale
                arguments(KlingVideoModel.KLING_V1,          true,  true, stdPro, false, true),
                arguments(KlingVideoModel.KLING_V1_5,        false, true, stdPro, false, true),
                arguments(KlingVideoModel.KLING_V1_6,        true,  true, stdPro, false, true),
                arguments(KlingVideoModel.KLING_V2_MASTER,   true,  true, none,   false, false),
                arguments(KlingVideoModel.KLING_V2_1,        false, true, stdPro, false, false),
                arguments(KlingVideoModel.KLING_V2_1_MASTER, true,  true, none,   false, false),
                arguments(KlingVideoModel.KLING_V2_5_TURBO,  true,  true, stdPro, false, false),
                arguments(KlingVideoModel.KLING_V2_6,        true,  true, stdPro, true,  false),
                arguments(KlingVideoModel.KLING_V3,          true,  true, stdPro4k, true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceTable")
    void tableMatchesTheReference(KlingVideoModel model, boolean t2v, boolean i2v, List<String> modes, boolean sound, boolean cfgScale) {
        assertThat(model.supportsTextToVideo()).as("t2v").isEqualTo(t2v);
        assertThat(model.supportsImageToVideo()).as("i2v").isEqualTo(i2v);
        assertThat(model.modes()).as("modes").isEqualTo(modes);
        assertThat(model.supportsSound()).as("sound").isEqualTo(sound);
        assertThat(model.supportsCfgScale()).as("cfg_scale").isEqualTo(cfgScale);
        assertThat(model.supportsMultiImageToVideo()).as("multi-image2video").isEqualTo(model == KlingVideoModel.KLING_V1_6);
    }

    @Test
    void everyModelHasARow() {
        assertThat(referenceTable()).hasSize(KlingVideoModel.values().length);
    }

    private static Map<String, Object> request(KlingFeature feature, KlingVideoModel model, Object... fieldValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (model != null) {
            fields.put("model_name", model.modelName());
        }
        if (feature == KlingFeature.TEXT2VIDEO) {
            fields.put("prompt", "A red fox in the snow");
        } else {
            fields.put("image", IMAGE);
        }
        for (int i = 0; i < fieldValues.length; i += 2) {
            fields.put((String) fieldValues[i], fieldValues[i + 1]);
        }
        return fields;
    }

    /** Every model on each feature it serves, with each model-dependent field set; accepted exactly when its row allows it. */
    static Stream<Arguments> modelsAndFeatures() {
        return Stream.of(KlingVideoModel.values()).flatMap(model -> Stream.of(KlingFeature.TEXT2VIDEO, KlingFeature.IMAGE2VIDEO)
                .filter(feature -> feature == KlingFeature.TEXT2VIDEO ? model.supportsTextToVideo() : model.supportsImageToVideo())
                .map(feature -> arguments(model, feature)));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("modelsAndFeatures")
    void soundOnIsAcceptedExactlyByTheModelsThatMakeSound(KlingVideoModel model, KlingFeature feature) throws Exception {
        KlingRequest request = KlingRequest.of(feature, request(feature, model, "sound", "on"));
        if (model.supportsSound()) {
            assertThatCode(request::validate).doesNotThrowAnyException();
        } else {
            ValidationAssertions.rejectedLocally(client, server, request, "sound",
                    "must not be \"on\" with model_name " + model.modelName() + ": that model makes no sound (models that do: [kling-v2-6, kling-v3])");
        }
        assertThatCode(KlingRequest.of(feature, request(feature, model, "sound", "off"))::validate).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("modelsAndFeatures")
    void cfgScaleIsAcceptedExactlyByTheModelsThatSupportIt(KlingVideoModel model, KlingFeature feature) throws Exception {
        KlingRequest request = KlingRequest.of(feature, request(feature, model, "cfg_scale", 0.5));
        if (model.supportsCfgScale()) {
            assertThatCode(request::validate).doesNotThrowAnyException();
        } else {
            ValidationAssertions.rejectedLocally(client, server, request, "cfg_scale", "must be absent with model_name "
                    + model.modelName() + ": that model does not support cfg_scale (models that do: [kling-v1, kling-v1-5, kling-v1-6])");
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("modelsAndFeatures")
    void modeIsAcceptedExactlyByTheModelsThatHaveModes(KlingVideoModel model, KlingFeature feature) throws Exception {
        assertThatCode(KlingRequest.of(feature, request(feature, model))::validate).as("mode absent").doesNotThrowAnyException();
        for (String mode : List.of("std", "pro")) {
            KlingRequest request = KlingRequest.of(feature, request(feature, model, "mode", mode));
            if (model.modes().contains(mode)) {
                assertThatCode(request::validate).doesNotThrowAnyException();
            } else {
                ValidationAssertions.rejectedLocally(client, server, request, "mode",
                        "must be absent with model_name " + model.modelName() + ": that model has no std/pro modes");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = KlingFeature.class, names = {"TEXT2VIDEO", "IMAGE2VIDEO"})
    void kling1RowAppliesWhenNamed(KlingFeature feature) throws Exception {
        KlingValidationException e = ValidationAssertions.rejectedLocally(client, server,
                KlingRequest.of(feature, request(feature, KlingVideoModel.KLING_V1, "sound", "on")), "sound", "must not be \"on\" with model_name kling-v1");

        assertThat(e.getMessage()).isEqualTo(feature.uriName() + " request invalid: sound must not be \"on\" with model_name kling-v1"
                + ": that model makes no sound (models that do: [kling-v2-6, kling-v3])");
    }

    /** The documented default, kling-v1, is discontinued (kling-api-2026.md §1): no model row is assumed for an absent name. */
    @ParameterizedTest
    @EnumSource(value = KlingFeature.class, names = {"TEXT2VIDEO", "IMAGE2VIDEO"})
    void withoutAModelOnlyTheModelIndependentRulesApply(KlingFeature feature) {
        assertThatCode(KlingRequest.of(feature, request(feature, null, "sound", "on"))::validate).doesNotThrowAnyException();
        assertThatCode(KlingRequest.of(feature, request(feature, null, "cfg_scale", 0.7, "mode", "pro"))::validate).doesNotThrowAnyException();
        assertThatThrownBy(KlingRequest.of(feature, request(feature, null, "mode", "turbo"))::validate)
                .isInstanceOf(KlingValidationException.class).hasMessageContaining("mode must be one of [std, pro, 4k]");
        assertThatCode(KlingRequest.of(feature, request(feature, null, "mode", "4k"))::validate).as("4k without a model").doesNotThrowAnyException();
    }

    @Test
    void voicesNeedASoundModelThroughSound() throws Exception {
        Map<String, Object> voices = request(KlingFeature.IMAGE2VIDEO, KlingVideoModel.KLING_V1, "sound", "on", "voice_list", List.of("v1"));
        ValidationAssertions.rejectedLocally(client, server, KlingRequest.of(KlingFeature.IMAGE2VIDEO, voices), "sound",
                "must not be \"on\" with model_name kling-v1");

        voices.put("model_name", "kling-v3");
        assertThatCode(KlingRequest.of(KlingFeature.IMAGE2VIDEO, voices)::validate).doesNotThrowAnyException();
    }

    @Test
    void typedBuildersAreCheckedAgainstTheSameTable() throws Exception {
        ValidationAssertions.rejectedLocally(client, server, KlingRequests.text2video().prompt("A fox").model(KlingVideoModel.KLING_V1)
                .sound("on").build(), "sound", "with model_name kling-v1");
        ValidationAssertions.rejectedLocally(client, server, KlingRequests.text2video().prompt("A fox").model(KlingVideoModel.KLING_V2_6)
                .cfgScale(0.5).build(), "cfg_scale", "must be absent with model_name kling-v2-6");
        ValidationAssertions.rejectedLocally(client, server, KlingRequests.image2video().image(KlingMedia.of(IMAGE))
                .modelName("kling-v2-master").mode("pro").build(), "mode", "must be absent with model_name kling-v2-master");
    }

    @Test
    void multiImageToVideoChecksItsModelAndModeAgainstTheTable() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("image_list", List.of(IMAGE), "prompt", "two friends", "mode", "pro"));
        assertThatCode(KlingRequest.of(KlingFeature.MULTI_IMAGE2VIDEO, fields)::validate).doesNotThrowAnyException();

        fields.put("model_name", "kling-v2-master");
        ValidationAssertions.rejectedLocally(client, server, KlingRequest.of(KlingFeature.MULTI_IMAGE2VIDEO, fields), "model_name",
                "\"kling-v2-master\" does not support multi-image2video (models that do: [kling-v1-6])");
    }

    @Test
    void theOldModelFieldIsAcceptedByImageToVideoOnly() {
        KlingRequest i2v = KlingRequest.of(KlingFeature.IMAGE2VIDEO, Map.of("image", IMAGE, "model", "kling-v2-6", "sound", "on"));
        assertThatCode(i2v::validate).doesNotThrowAnyException();
        assertThat(i2v.fields()).containsEntry("model_name", "kling-v2-6").doesNotContainKey("model");

        assertThatThrownBy(() -> KlingRequest.of(KlingFeature.TEXT2VIDEO, Map.of("prompt", "A fox", "model", "kling-v2-6")))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("model");
                    assertThat(e.rule()).startsWith("is not a known field");
                });
        assertThatThrownBy(() -> KlingRequest.of(KlingFeature.MULTI_IMAGE2VIDEO, Map.of("image_list", List.of(IMAGE), "prompt", "p", "model", "kling-v1-6")))
                .isInstanceOf(KlingValidationException.class);
    }
}
