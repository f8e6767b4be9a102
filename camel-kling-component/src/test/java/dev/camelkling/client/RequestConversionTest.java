package dev.camelkling.client;

import dev.camelkling.client.schema.TrajectoryPoint;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.schema.CameraControl;
import dev.camelkling.client.schema.DynamicMask;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RequestConversionTest {

    private static String toWire(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    static Stream<Arguments> looseValues() {
        return Stream.of(
                arguments("duration", 5, "5"),
                arguments("duration", 10L, "10"),
                arguments("duration", "5", "5"),
                arguments("duration", " 10 ", "10"),
                arguments("duration", 5.0, "5"),
                arguments("duration", new BigDecimal("10.00"), "10"),
                arguments("duration", Duration.ofSeconds(5), "5"),
                arguments("cfg_scale", "0.5", 0.5),
                arguments("cfg_scale", 1, 1.0),
                arguments("cfg_scale", new BigDecimal("0.25"), 0.25),
                arguments("watermark_info", true, Map.of("enabled", true)),
                arguments("watermark_info", "false", Map.of("enabled", false)),
                arguments("watermark_info", Map.of("enabled", "true"), Map.of("enabled", true)),
                arguments("watermark", Boolean.TRUE, Map.of("enabled", true)),
                arguments("camera_control", "down_back", CameraControl.preset("down_back")),
                arguments("camera_control", "simple:zoom=5", CameraControl.simple("zoom", 5)),
                arguments("camera_control", Map.of("type", "simple", "config", Map.of("zoom", "5")), new CameraControl("simple", Map.of("zoom", 5))),
                arguments("camera_control", "{\"type\":\"down_back\"}", CameraControl.preset("down_back")),
                arguments("camera_control", CameraControl.simple("pan", -3), CameraControl.simple("pan", -3)),
                arguments("negativePrompt", "blurry", "blurry"),
                arguments("modelName", "kling-v1", "kling-v1"),
                arguments("prompt", 42, "42"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("looseValues")
    void looseTextToVideoValuesBecomeCanonical(String field, Object value, Object expected) {
        String wire = field.equals("watermark") ? "watermark_info" : field.matches(".*[A-Z].*") ? toWire(field) : field;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(field, value);

        KlingRequest request = KlingRequest.of(KlingFeature.TEXT2VIDEO, fields);

        assertThat(request.field(wire)).isEqualTo(expected);
    }

    @Test
    void mediaFieldsAcceptEveryLocalAndRemoteForm(@TempDir Path dir) throws Exception {
        byte[] png = TestImages.png(300, 300);
        Path file = Files.write(dir.resolve("a.png"), png);
        String base64 = Base64.getEncoder().encodeToString(png);

        List<Object> forms = List.of(png, file, file.toFile(), new ByteArrayInputStream(png), base64, KlingMedia.of(png));
        for (Object form : forms) {
            KlingMedia media = (KlingMedia) KlingRequest.of(KlingFeature.IMAGE2VIDEO, Map.of("image", form)).field("image");
            assertThat(media.wireValue()).as(form.getClass().getSimpleName()).isEqualTo(base64);
            assertThat(media.isUrl()).isFalse();
        }
        for (Object url : List.of("https://example.com/a.png", URI.create("https://example.com/a.png"), URI.create("https://example.com/a.png").toURL())) {
            KlingMedia media = (KlingMedia) KlingRequest.of(KlingFeature.IMAGE2VIDEO, Map.of("image", url)).field("image");
            assertThat(media.isUrl()).isTrue();
            assertThat(media.wireValue()).isEqualTo("https://example.com/a.png");
        }
    }

    @Test
    void voicesAndMasksAcceptPlainStructures() {
        KlingRequest request = KlingRequest.of(KlingFeature.IMAGE2VIDEO, Map.of(
                "image", "https://example.com/a.png",
                "voice_list", "v1, v2",
                "dynamic_masks", List.of(Map.of("mask", "https://example.com/m.png",
                        "trajectories", List.of(Map.of("x", 1, "y", 2), new int[] {3, 4}, List.of("5", 6))))));

        assertThat(request.field("voice_list")).isEqualTo(List.of(Map.of("voice_id", "v1"), Map.of("voice_id", "v2")));
        assertThat(request.field("dynamic_masks")).isEqualTo(List.of(new DynamicMask(KlingMedia.url("https://example.com/m.png"),
                List.of(new TrajectoryPoint(1, 2), new TrajectoryPoint(3, 4), new TrajectoryPoint(5, 6)))));
        assertThat(KlingRequest.of(KlingFeature.IMAGE2VIDEO, Map.of("voice_list", List.of(Map.of("voice_id", "a"))))
                .field("voice_list")).isEqualTo(List.of(Map.of("voice_id", "a")));
    }

    @Test
    void unknownFieldIsNamed() {
        assertThatThrownBy(() -> KlingRequest.of(KlingFeature.TEXT2VIDEO, Map.of("prompt", "x", "image", "https://e.com/a.png")))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("image");
                    assertThat(e.getMessage()).startsWith("text2video request invalid: image is not a known field (known: model_name, prompt,");
                });
    }

    static Stream<Arguments> unconvertible() {
        return Stream.of(
                arguments("cfg_scale", "half", "cfg_scale", "must be a number (was \"half\")"),
                arguments("cfg_scale", List.of(1), "cfg_scale", "must be a number (was a "),
                arguments("watermark_info", "maybe", "watermark_info", "must be true or false (was \"maybe\")"),
                arguments("camera_control", "simple:zoom=big", "camera_control", "must look like"),
                arguments("camera_control", Map.of("config", Map.of()), "camera_control.type", "is required"),
                arguments("camera_control", "{not json", "camera_control", "must be valid JSON"),
                arguments("prompt", List.of("a"), "prompt", "must be text"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("unconvertible")
    void unconvertibleValueIsRejectedNamingTheField(String field, Object value, String expectedField, String rule) {
        assertThatThrownBy(() -> KlingRequest.of(KlingFeature.TEXT2VIDEO, Map.of(field, value)))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(expectedField);
                    assertThat(e.rule()).contains(rule);
                    assertThat(e.getMessage()).startsWith("text2video request invalid: " + expectedField + " ");
                });
    }

    @Test
    void builderAndMapProduceEqualRequests() {
        KlingRequest built = KlingRequests.text2video().prompt("fox").duration(5).cfgScale(0.5).watermark(true)
                .cameraControl("simple:zoom=5").externalTaskId("o-1").build();
        KlingRequest fromMap = KlingRequest.of(KlingFeature.TEXT2VIDEO, Map.of("prompt", "fox", "duration", "5", "cfgScale", "0.5",
                "watermark", "true", "camera_control", Map.of("type", "simple", "config", Map.of("horizontal", 0, "vertical", 0,
                        "pan", 0, "tilt", 0, "roll", 0, "zoom", 5)), "externalTaskId", "o-1"));

        assertThat(fromMap).isEqualTo(built);
        assertThat(fromMap.fields().keySet()).containsExactly("prompt", "cfg_scale", "duration", "camera_control", "watermark_info", "external_task_id");
    }

    @Test
    void withExternalTaskIdCopiesAndKeepsTheOriginal() {
        KlingRequest original = KlingRequests.text2video().prompt("fox").build();

        KlingRequest copy = original.withExternalTaskId("order-7");

        assertThat(copy.feature()).isEqualTo(KlingFeature.TEXT2VIDEO);
        assertThat(copy.externalTaskId()).isEqualTo("order-7");
        assertThat(original.externalTaskId()).isNull();
        assertThat(copy.withExternalTaskId(null).externalTaskId()).isNull();
        assertThatThrownBy(() -> copy.fields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void featureLookupByUriName() {
        assertThat(KlingFeature.fromUriName("text2video")).isEqualTo(KlingFeature.TEXT2VIDEO);
        assertThat(KlingFeature.fromUriName("Image2Video")).isEqualTo(KlingFeature.IMAGE2VIDEO);
        assertThatThrownBy(() -> KlingFeature.fromUriName("text2image"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text2video").hasMessageContaining("image2video");
    }

    @Test
    void featureDataMatchesTheSchemas() {
        for (KlingFeature feature : KlingFeature.values()) {
            // image generation keeps the undocumented field but does not count on it
            assertThat(feature.schema().field("external_task_id").isPresent())
                    .isEqualTo(feature.acceptsExternalTaskId() || feature == KlingFeature.IMAGE_GENERATION);
            feature.naturalInputFields().forEach(field -> assertThat(feature.schema().field(field)).as(field).isPresent());
        }
        assertThat(KlingFeature.IMAGE2VIDEO.schema().isMedia("image")).isTrue();
        assertThat(KlingFeature.TEXT2VIDEO.schema().isMedia("prompt")).isFalse();
    }
}
