package dev.camelkling.client;

import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.schema.CameraControl;
import dev.camelkling.client.schema.KlingVideoModel;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class Text2VideoValidationTest extends LocalValidationSupport {

    /** A valid request with one field changed ({@code null} removes it). */
    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prompt", "A red fox trotting through fresh snow at dawn");
        fields.put(field, value);
        return fields;
    }

    private static Map<String, Object> config(Object... axisValues) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 0; i < axisValues.length; i += 2) {
            config.put((String) axisValues[i], axisValues[i + 1]);
        }
        return config;
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments("prompt missing", with("prompt", null), "prompt", "is required"),
                arguments("prompt blank", with("prompt", "   "), "prompt", "must not be blank"),
                arguments("prompt too long", with("prompt", "x".repeat(2501)), "prompt", "must be at most 2500 characters (was 2501)"),
                arguments("negative prompt too long", with("negative_prompt", "n".repeat(2501)), "negative_prompt", "must be at most 2500 characters (was 2501)"),
                arguments("image model", with("model_name", "kling-image-o1"), "model_name", "must be one of ["),
                arguments("i2v-only model v1.5", with("model_name", "kling-v1-5"), "model_name", "\"kling-v1-5\" does not support text2video"),
                arguments("i2v-only model v2.1", with("model_name", "kling-v2-1"), "model_name", "\"kling-v2-1\" does not support text2video"),
                arguments("sound not on/off", with("sound", "loud"), "sound", "must be one of [on, off] (was \"loud\")"),
                arguments("cfg_scale above 1", with("cfg_scale", 1.5), "cfg_scale", "must be between 0 and 1 (was 1.5)"),
                arguments("cfg_scale below 0", with("cfg_scale", "-0.1"), "cfg_scale", "must be between 0 and 1 (was -0.1)"),
                arguments("mode", with("mode", "turbo"), "mode", "must be one of [std, pro, 4k] (was \"turbo\")"),
                arguments("aspect ratio", with("aspect_ratio", "4:3"), "aspect_ratio", "must be one of [16:9, 9:16, 1:1] (was \"4:3\")"),
                arguments("duration", with("duration", 7), "duration", "must be one of [5, 10] (was \"7\")"),
                arguments("camera type", with("camera_control", "spin"), "camera_control.type", "must be one of [simple, down_back"),
                arguments("simple without config", with("camera_control", Map.of("type", "simple")), "camera_control.config", "is required when type is simple"),
                arguments("preset with config", with("camera_control", Map.of("type", "down_back", "config", config("zoom", 5))),
                        "camera_control.config", "must be absent when type is down_back"),
                arguments("unknown axis", with("camera_control", Map.of("type", "simple", "config", config("dolly", 5))),
                        "camera_control.config", "must only have the axes [horizontal, vertical, pan, tilt, roll, zoom] (had \"dolly\")"),
                arguments("axis above 10", with("camera_control", "simple:zoom=11"), "camera_control.config.zoom", "must be between -10 and 10 (was 11)"),
                arguments("axis below -10", with("camera_control", "simple:pan=-11"), "camera_control.config.pan", "must be between -10 and 10 (was -11)"),
                arguments("two moving axes", with("camera_control", "simple:zoom=5,pan=1"), "camera_control.config", "must have exactly one non-zero axis (had 2)"),
                arguments("no moving axis", with("camera_control", "simple:zoom=0"), "camera_control.config", "must have exactly one non-zero axis (had 0)"),
                arguments("callback not http", with("callback_url", "ftp://example.com/cb"), "callback_url", "must be an absolute http or https URL"),
                arguments("callback relative", with("callback_url", "/kling/cb"), "callback_url", "must be an absolute http or https URL"),
                arguments("external id blank", with("external_task_id", "  "), "external_task_id", "must not be blank"),
                arguments("external id too long", with("external_task_id", "e".repeat(257)), "external_task_id", "must be at most 256 characters (was 257)"),
                arguments("external id like a task id", with("external_task_id", "866889456698785798"), "external_task_id", "must not be an all-digit string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRejectedWithoutHttpCall(String name, Map<String, Object> fields, String field, String rule) throws Exception {
        KlingRequest request = KlingRequest.of(KlingFeature.TEXT2VIDEO, fields);

        ValidationAssertions.rejectedLocally(client, server, request, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.camelkling.client.Text2VideoValidationTest#textToVideoModels")
    void everyTextToVideoModelIsAccepted(String model) {
        assertThatCode(() -> KlingRequest.of(KlingFeature.TEXT2VIDEO, with("model_name", model)).validate()).doesNotThrowAnyException();
    }

    static List<String> textToVideoModels() {
        return Stream.of(KlingVideoModel.values()).filter(KlingVideoModel::supportsTextToVideo).map(KlingVideoModel::modelName).toList();
    }

    @Test
    void textToVideoModelsIncludeV3AndExcludeImageOnlyModels() {
        assertThat(textToVideoModels()).contains("kling-v1", "kling-v2-6", "kling-v3").doesNotContain("kling-v1-5", "kling-v2-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"down_back", "forward_up", "right_turn_forward", "left_turn_forward", "simple:zoom=-10",
            "simple:horizontal=10", "simple:horizontal=0,vertical=0,pan=0,tilt=0,roll=3,zoom=0"})
    void validCameraControlsPass(String camera) {
        assertThatCode(() -> KlingRequest.of(KlingFeature.TEXT2VIDEO, with("camera_control", camera)).validate()).doesNotThrowAnyException();
    }

    @Test
    void fullValidRequestPasses() {
        KlingRequest request = KlingRequests.text2video()
                .modelName("kling-v1").prompt("p".repeat(2500)).negativePrompt("blurry").sound("off").cfgScale(0)
                .mode("pro").aspectRatio("9:16").duration(10).cameraControl(CameraControl.simple("zoom", 5)).watermark(true)
                .externalTaskId("order-42").callbackUrl("https://example.com/kling/cb")
                .build();

        assertThatCode(request::validate).doesNotThrowAnyException();
        assertThat(request.fields()).containsEntry("duration", "10").containsEntry("cfg_scale", 0.0)
                .containsEntry("watermark_info", Map.of("enabled", true));
    }

    @Test
    void promptLengthCountsCharactersNotUtf16Units() {
        String emoji = "\uD83E\uDD8A"; // one character, two UTF-16 units
        Map<String, Object> fields = new HashMap<>(with("prompt", emoji.repeat(2500)));
        assertThatCode(() -> KlingRequest.of(KlingFeature.TEXT2VIDEO, fields).validate()).doesNotThrowAnyException();
    }
}
