package dev.camelkling.client;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.schema.DynamicMask;
import dev.camelkling.client.schema.TrajectoryPoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class Image2VideoValidationTest extends LocalValidationSupport {

    private static final byte[] GOOD_PNG = TestImages.png(400, 400);
    private static final byte[] SMALL_PNG = TestImages.png(200, 400);

    /** A valid request (start frame only) with some fields changed; a {@code null} value removes the field. */
    private static Map<String, Object> with(Object... fieldValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("image", GOOD_PNG);
        for (int i = 0; i < fieldValues.length; i += 2) {
            fields.put((String) fieldValues[i], fieldValues[i + 1]);
        }
        return fields;
    }

    private static List<TrajectoryPoint> points(int count) {
        return IntStream.range(0, count).mapToObj(i -> new TrajectoryPoint(i, i)).toList();
    }

    private static DynamicMask mask(int points) {
        return new DynamicMask(KlingMedia.of(GOOD_PNG), points(points));
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments("no start or end frame", with("image", null, "prompt", "a boat"), "image", "is required unless image_tail is given"),
                arguments("image over 10 MB", with("image", new byte[10 * 1024 * 1024 + 1]), "image", "must be at most 10 MB (was 10.0 MB)"),
                arguments("image side under 300 px", with("image", SMALL_PNG), "image", "must be at least 300 px on each side (was 200x400)"),
                arguments("image too wide", with("image", TestImages.png(1000, 300)), "image", "must have an aspect ratio between 1:2.5 and 2.5:1 (was 1000x300)"),
                arguments("image too tall", with("image", TestImages.jpeg(300, 751)), "image", "must have an aspect ratio between 1:2.5 and 2.5:1 (was 300x751)"),
                arguments("image not jpg/png", with("image", TestImages.gif(400, 400)), "image", "must be a JPG or PNG image (was gif)"),
                arguments("bytes that are no image", with("image", new byte[] {1, 2, 3}), "image", "must be a JPG or PNG image (format not recognised)"),
                arguments("image_tail too small", with("image", null, "image_tail", SMALL_PNG), "image_tail", "must be at least 300 px"),
                arguments("static_mask too small", with("static_mask", SMALL_PNG), "static_mask", "must be at least 300 px"),
                arguments("tail frame with camera", with("image_tail", GOOD_PNG, "camera_control", "down_back"),
                        "camera_control", "cannot be combined with image_tail"),
                arguments("tail frame with motion brush", with("image_tail", GOOD_PNG, "static_mask", GOOD_PNG),
                        "static_mask", "cannot be combined with image_tail"),
                arguments("motion brush with camera", with("dynamic_masks", List.of(mask(2)), "camera_control", "simple:zoom=2"),
                        "camera_control", "cannot be combined with dynamic_masks"),
                arguments("more than 6 dynamic masks", with("dynamic_masks", Collections.nCopies(7, mask(2))), "dynamic_masks", "must have at most 6 items (was 7)"),
                arguments("trajectory of 1 point", with("dynamic_masks", List.of(mask(1))), "dynamic_masks[0].trajectories", "must have between 2 and 77 points (was 1)"),
                arguments("trajectory of 78 points", with("dynamic_masks", List.of(mask(2), mask(78))), "dynamic_masks[1].trajectories", "must have between 2 and 77 points (was 78)"),
                arguments("dynamic mask image too small", with("dynamic_masks", List.of(new DynamicMask(KlingMedia.of(SMALL_PNG), points(3)))),
                        "dynamic_masks[0].mask", "must be at least 300 px"),
                arguments("three voices", with("sound", "on", "voice_list", List.of("v1", "v2", "v3")), "voice_list", "must have at most 2 items (was 3)"),
                arguments("voices without sound", with("voice_list", List.of("v1")), "voice_list", "requires sound to be \"on\" (was absent)"),
                arguments("voices with sound off", with("sound", "off", "voice_list", List.of("v1")), "voice_list", "requires sound to be \"on\" (was \"off\")"),
                arguments("prompt too long", with("prompt", "x".repeat(2501)), "prompt", "must be at most 2500 characters (was 2501)"),
                arguments("negative prompt too long", with("negative_prompt", "x".repeat(2501)), "negative_prompt", "must be at most 2500 characters"),
                arguments("image model", with("model_name", "kling-image-o1"), "model_name", "must be one of ["),
                arguments("cfg_scale", with("cfg_scale", 2), "cfg_scale", "must be between 0 and 1 (was 2.0)"),
                arguments("mode", with("mode", "ultra"), "mode", "must be one of [std, pro, 4k]"),
                arguments("duration", with("duration", "15"), "duration", "must be one of [5, 10] (was \"15\")"),
                arguments("sound", with("sound", "yes"), "sound", "must be one of [on, off]"),
                arguments("camera rule shared with text2video", with("camera_control", "simple:zoom=3,roll=3"), "camera_control.config", "exactly one non-zero axis"),
                arguments("callback", with("callback_url", "mailto:a@b.c"), "callback_url", "must be an absolute http or https URL"),
                arguments("external id", with("external_task_id", " "), "external_task_id", "must not be blank"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRejectedWithoutHttpCall(String name, Map<String, Object> fields, String field, String rule) throws Exception {
        ValidationAssertions.rejectedLocally(client, server, KlingRequest.of(KlingFeature.IMAGE2VIDEO, fields), field, rule);
    }

    @Test
    void oversizedFileIsRejectedFromItsSizeAlone(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.png");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(10L * 1024 * 1024 + 1); // sparse: nothing is read to find this out
        }
        KlingRequest request = KlingRequests.image2video().image(KlingMedia.of(big)).build();

        ValidationAssertions.rejectedLocally(client, server, request, "image", "must be at most 10 MB");
    }

    static Stream<Arguments> validRequests() {
        return Stream.of(
                arguments("start frame as URL (left to the server)", with("image", "https://example.com/first.png")),
                arguments("end frame only", with("image", null, "image_tail", GOOD_PNG)),
                arguments("start and end frame", with("image_tail", TestImages.jpeg(300, 750))),
                arguments("ratio exactly 2.5:1", with("image", TestImages.png(750, 300))),
                arguments("motion brush at the limits", with("static_mask", GOOD_PNG, "dynamic_masks",
                        List.of(mask(2), mask(77), mask(2), mask(2), mask(2), mask(2)))),
                arguments("camera alone", with("camera_control", "simple:tilt=-4")),
                arguments("two voices with sound", with("model_name", "kling-v2-6", "sound", "on", "voice_list", List.of("v1", "v2"),
                        "prompt", "<<<voice_1>>> greets <<<voice_2>>>")),
                arguments("image-only model", with("model_name", "kling-v1-5")),
                arguments("newest model", with("model_name", "kling-v3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validRequests")
    void validRequestPasses(String name, Map<String, Object> fields) {
        assertThatCode(() -> KlingRequest.of(KlingFeature.IMAGE2VIDEO, fields).validate()).doesNotThrowAnyException();
    }

    @Test
    void dataUriIsRejectedWhenTheRequestIsBuilt() {
        assertThatThrownBy(() -> KlingRequest.of(KlingFeature.IMAGE2VIDEO, Map.of("image", "data:image/png;base64,iVBORw0KGgo=")))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("image");
                    assertThat(e.getMessage()).startsWith("image2video request invalid: image must be raw Base64 without a data: URI prefix");
                });
    }

    @Test
    void invalidBase64IsRejectedWhenTheRequestIsBuilt() {
        assertThatThrownBy(() -> KlingRequests.image2video().field("image_tail", "not base64!"))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("image_tail");
                    assertThat(e.rule()).startsWith("must be valid Base64");
                });
    }

    @Test
    void invalidMaskMediaNamesTheNestedField() {
        Map<String, Object> maskWithDataUri = Map.of("mask", "data:image/png;base64,AAAA", "trajectories", List.of(List.of(1, 2), List.of(3, 4)));
        assertThatThrownBy(() -> KlingRequest.of(KlingFeature.IMAGE2VIDEO, with("dynamic_masks", List.of(maskWithDataUri))))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> assertThat(e.field()).isEqualTo("dynamic_masks[0].mask"));
    }

    @Test
    void base64ImageIsCheckedLikeBytes() {
        String small = java.util.Base64.getEncoder().encodeToString(SMALL_PNG);
        assertThatThrownBy(() -> KlingRequest.of(KlingFeature.IMAGE2VIDEO, with("image", small)).validate())
                .isInstanceOfSatisfying(KlingValidationException.class, e -> assertThat(e.rule()).contains("200x400"));
    }

    @Test
    void fileImageIsCheckedFromItsHeader(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("small.png"), SMALL_PNG);
        assertThatThrownBy(() -> KlingRequests.image2video().image(KlingMedia.of(file)).build().validate())
                .isInstanceOfSatisfying(KlingValidationException.class, e -> assertThat(e.rule()).contains("200x400"));
    }
}
