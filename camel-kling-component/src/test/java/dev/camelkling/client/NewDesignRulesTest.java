package dev.camelkling.client;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.schema.DesignStandard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.camelkling.client.request.KlingFeature.IMAGE2VIDEO;
import static dev.camelkling.client.request.KlingFeature.MOTION_CONTROL;
import static dev.camelkling.client.request.KlingFeature.OMNI_VIDEO;
import static dev.camelkling.client.request.KlingFeature.TEXT2VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every rule of the new design (kling-api-2026.md §2.2-§2.4), per model, and the legacy twin of omni-video, checked
 * locally: the create fails with a {@link dev.camelkling.client.error.KlingValidationException} naming the field and
 * the rule, and no HTTP request is made. The valid side of each rule is {@link NewDesignSimulatorTest#validRequests}.
 */
class NewDesignRulesTest extends LocalValidationSupport {

    static final byte[] PNG = TestImages.png(400, 400);
    static final String FEATURE_VIDEO = "https://example.com/reference.mp4";
    static final String BASE_VIDEO = "https://example.com/edit-me.mov";
    static final String DANCE = "https://example.com/dance.mp4";
    static final long ELEMENT = 829836802793406551L;

    /** A valid new-design request of each feature on {@code model}. */
    static Map<String, Object> base(KlingFeature feature, String model) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("model_name", model);
        switch (feature) {
            case TEXT2VIDEO -> fields.put("prompt", "a fox in the snow");
            case IMAGE2VIDEO -> fields.put("image", PNG);
            case OMNI_VIDEO -> fields.putAll(Map.of("prompt", "a fox in the snow", "aspect_ratio", "16:9"));
            case MOTION_CONTROL -> fields.putAll(Map.of("image_url", PNG, "video_url", DANCE, "character_orientation", "video"));
            default -> throw new IllegalArgumentException(feature.name());
        }
        return fields;
    }

    /** The valid request with fields changed; a {@code null} value removes the field. */
    static Map<String, Object> with(KlingFeature feature, String model, Object... fieldValues) {
        Map<String, Object> fields = base(feature, model);
        for (int i = 0; i < fieldValues.length; i += 2) {
            if (fieldValues[i + 1] == null) {
                fields.remove((String) fieldValues[i]);
            } else {
                fields.put((String) fieldValues[i], fieldValues[i + 1]);
            }
        }
        return fields;
    }

    static List<Long> elements(int count) {
        return Collections.nCopies(count, ELEMENT);
    }

    static List<byte[]> images(int count) {
        return Collections.nCopies(count, PNG);
    }

    private static Arguments invalid(KlingFeature feature, String name, Map<String, Object> fields, String field, String rule) {
        return arguments(feature, name, fields, field, rule);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                // which model on which path
                invalid(TEXT2VIDEO, "omni model on text-to-video", with(TEXT2VIDEO, "kling-o1"), "model_name",
                        "\"kling-o1\" is a new-design model that /text-to-video does not serve (models there: [kling-3.0-turbo, kling-3.0, kling-2.6, kling-2.5-turbo])"),
                invalid(MOTION_CONTROL, "turbo on motion control", with(MOTION_CONTROL, "kling-3.0-turbo"), "model_name",
                        "/motion-control does not serve (models there: [kling-3.0, kling-2.6])"),
                invalid(KlingFeature.MULTI_IMAGE2VIDEO, "new-design model on a legacy-only feature",
                        Map.of("model_name", "kling-3.0", "image_list", List.of(PNG), "prompt", "two friends"), "model_name", "it is not a multi-image2video model"),
                // the legacy fields the new design does not have
                invalid(TEXT2VIDEO, "negative_prompt", with(TEXT2VIDEO, "kling-3.0", "negative_prompt", "blur"), "negative_prompt",
                        "is not a field of the new design (model_name kling-3.0); it applies to legacy models only"),
                invalid(TEXT2VIDEO, "cfg_scale", with(TEXT2VIDEO, "kling-2.6", "cfg_scale", 0.5), "cfg_scale", "is not a field of the new design"),
                invalid(TEXT2VIDEO, "mode", with(TEXT2VIDEO, "kling-3.0", "mode", "pro"), "mode", "is not a field of the new design"),
                invalid(TEXT2VIDEO, "sound", with(TEXT2VIDEO, "kling-3.0", "sound", "on"), "sound", "is not a field of the new design"),
                invalid(TEXT2VIDEO, "camera_control", with(TEXT2VIDEO, "kling-3.0", "camera_control", "down_back"), "camera_control", "is not a field of the new design"),
                invalid(IMAGE2VIDEO, "static_mask", with(IMAGE2VIDEO, "kling-3.0", "static_mask", PNG), "static_mask", "is not a field of the new design"),
                invalid(MOTION_CONTROL, "mode", with(MOTION_CONTROL, "kling-3.0", "mode", "std"), "mode", "is not a field of the new design"),
                invalid(MOTION_CONTROL, "keep_original_sound", with(MOTION_CONTROL, "kling-3.0", "keep_original_sound", "yes"), "keep_original_sound",
                        "is not a field of the new design"),
                invalid(OMNI_VIDEO, "mode", with(OMNI_VIDEO, "kling-3.0-omni", "mode", "pro"), "mode", "is not a field of the new design"),
                // the new design's fields on a legacy model
                invalid(TEXT2VIDEO, "resolution on kling-v2-6", Map.of("model_name", "kling-v2-6", "prompt", "fox", "resolution", "1080p"), "resolution",
                        "applies only to the new design's models [kling-3.0-turbo, kling-3.0, kling-2.6, kling-2.5-turbo] (model_name was \"kling-v2-6\", a legacy model)"),
                invalid(TEXT2VIDEO, "audio without a model", Map.of("prompt", "fox", "audio", "native"), "audio", "(model_name was absent, a legacy model)"),
                invalid(TEXT2VIDEO, "multi_shot on an unknown model", Map.of("model_name", "kling-9.9", "prompt", "fox", "multi_shot", true), "multi_shot",
                        "applies only to the new design's models"),
                invalid(IMAGE2VIDEO, "elements on kling-v2-6", Map.of("model_name", "kling-v2-6", "image", PNG, "element_list", List.of(ELEMENT)), "element_list",
                        "applies only to the new design's models"),
                invalid(MOTION_CONTROL, "resolution on kling-v3", Map.of("model_name", "kling-v3", "image_url", PNG, "video_url", DANCE,
                        "character_orientation", "video", "mode", "std", "resolution", "720p"), "resolution", "applies only to the new design's models [kling-3.0, kling-2.6]"),
                invalid(OMNI_VIDEO, "audio on kling-video-o1", Map.of("model_name", "kling-video-o1", "prompt", "fox", "aspect_ratio", "1:1", "audio", "off"), "audio",
                        "applies only to the new design's models [kling-3.0-omni, kling-o1]"),
                // settings per model (§2.3)
                invalid(TEXT2VIDEO, "4k on turbo", with(TEXT2VIDEO, "kling-3.0-turbo", "resolution", "4k"), "resolution",
                        "must be one of [720p, 1080p] on /text-to-video/kling-3.0-turbo (was \"4k\")"),
                invalid(TEXT2VIDEO, "8k on kling-3.0", with(TEXT2VIDEO, "kling-3.0", "resolution", "8k"), "resolution", "must be one of [720p, 1080p, 4k]"),
                invalid(TEXT2VIDEO, "2 s on kling-3.0", with(TEXT2VIDEO, "kling-3.0", "duration", 2), "duration", "must be one of [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]"),
                invalid(TEXT2VIDEO, "16 s on turbo", with(TEXT2VIDEO, "kling-3.0-turbo", "duration", "16"), "duration", "(was \"16\")"),
                invalid(TEXT2VIDEO, "8 s on kling-2.6", with(TEXT2VIDEO, "kling-2.6", "duration", 8), "duration", "must be one of [5, 10] on /text-to-video/kling-2.6"),
                invalid(IMAGE2VIDEO, "7 s on kling-2.5-turbo", with(IMAGE2VIDEO, "kling-2.5-turbo", "duration", 7), "duration", "must be one of [5, 10]"),
                invalid(TEXT2VIDEO, "aspect ratio 4:3", with(TEXT2VIDEO, "kling-3.0", "aspect_ratio", "4:3"), "aspect_ratio", "must be one of [16:9, 9:16, 1:1]"),
                invalid(TEXT2VIDEO, "audio on turbo (§9.3)", with(TEXT2VIDEO, "kling-3.0-turbo", "audio", "native"), "audio", "must be absent on /text-to-video/kling-3.0-turbo"),
                invalid(TEXT2VIDEO, "audio on 2.5 turbo", with(TEXT2VIDEO, "kling-2.5-turbo", "audio", "off"), "audio", "must be absent"),
                invalid(TEXT2VIDEO, "original audio on kling-3.0", with(TEXT2VIDEO, "kling-3.0", "audio", "original"), "audio", "must be one of [off, native]"),
                invalid(TEXT2VIDEO, "multi_shot on kling-2.6", with(TEXT2VIDEO, "kling-2.6", "multi_shot", true), "multi_shot", "must be absent on /text-to-video/kling-2.6"),
                invalid(TEXT2VIDEO, "multi_shot on turbo", with(TEXT2VIDEO, "kling-3.0-turbo", "multi_shot", false), "multi_shot", "must be absent"),
                invalid(TEXT2VIDEO, "native audio at 720p on kling-2.6", with(TEXT2VIDEO, "kling-2.6", "audio", "native", "resolution", "720p"), "resolution",
                        "must be 1080p with audio native on /text-to-video/kling-2.6 (was \"720p\")"),
                invalid(IMAGE2VIDEO, "first and last frame at 720p on kling-2.6", with(IMAGE2VIDEO, "kling-2.6", "image_tail", PNG, "resolution", "720p"), "resolution",
                        "must be 1080p with a first and a last frame"),
                invalid(IMAGE2VIDEO, "first and last frame at 720p on kling-2.5-turbo", with(IMAGE2VIDEO, "kling-2.5-turbo", "image_tail", PNG, "resolution", "720p"),
                        "resolution", "must be 1080p with a first and a last frame on /image-to-video/kling-2.5-turbo"),
                invalid(MOTION_CONTROL, "native audio on motion control", with(MOTION_CONTROL, "kling-2.6", "audio", "native"), "audio", "must be one of [original, off]"),
                invalid(MOTION_CONTROL, "no character_orientation (§9.4)", with(MOTION_CONTROL, "kling-3.0", "character_orientation", null), "character_orientation",
                        "is required on /motion-control/kling-3.0"),
                invalid(MOTION_CONTROL, "orientation sideways", with(MOTION_CONTROL, "kling-3.0", "character_orientation", "sideways"), "character_orientation",
                        "must be one of [image, video]"),
                invalid(OMNI_VIDEO, "4k on kling-o1", with(OMNI_VIDEO, "kling-o1", "resolution", "4k"), "resolution", "must be one of [720p, 1080p] on /omni-video/kling-o1"),
                invalid(OMNI_VIDEO, "11 s on kling-o1", with(OMNI_VIDEO, "kling-o1", "duration", 11), "duration", "must be one of [3, 4, 5, 6, 7, 8, 9, 10]"),
                invalid(OMNI_VIDEO, "native audio on kling-o1", with(OMNI_VIDEO, "kling-o1", "audio", "native"), "audio", "must be one of [off, original]"),
                invalid(OMNI_VIDEO, "multi_shot on kling-o1", with(OMNI_VIDEO, "kling-o1", "multi_shot", true), "multi_shot", "must be absent on /omni-video/kling-o1"),
                // prompts
                invalid(TEXT2VIDEO, "no prompt", with(TEXT2VIDEO, "kling-3.0", "prompt", null), "prompt", "is required on /text-to-video/kling-3.0"),
                invalid(OMNI_VIDEO, "no prompt", with(OMNI_VIDEO, "kling-3.0-omni", "prompt", null), "prompt", "is required on /omni-video/kling-3.0-omni"),
                invalid(TEXT2VIDEO, "3073 characters on kling-3.0", with(TEXT2VIDEO, "kling-3.0", "prompt", "x".repeat(3073)), "prompt",
                        "must be at most 3072 characters on /text-to-video/kling-3.0 (was 3073)"),
                invalid(IMAGE2VIDEO, "2501 characters on turbo's image page (§9.2)", with(IMAGE2VIDEO, "kling-3.0-turbo", "prompt", "x".repeat(2501)), "prompt",
                        "must be at most 2500 characters"),
                invalid(TEXT2VIDEO, "2501 characters on kling-2.6", with(TEXT2VIDEO, "kling-2.6", "prompt", "x".repeat(2501)), "prompt", "must be at most 2500"),
                invalid(TEXT2VIDEO, "shots not summing to the duration", with(TEXT2VIDEO, "kling-3.0", "prompt", "shot 1, 2, a fox; shot 2, 2, it runs;"), "prompt",
                        "shots must last duration's 5 s in total (was 4 s)"),
                invalid(TEXT2VIDEO, "shots with multi_shot false", with(TEXT2VIDEO, "kling-3.0", "prompt", "shot 1, 5, a fox;", "multi_shot", false), "prompt",
                        "must not use the shot syntax"),
                invalid(TEXT2VIDEO, "seven shots", with(TEXT2VIDEO, "kling-3.0-turbo", "duration", 7, "prompt",
                        "shot 1, 1, a; shot 2, 1, b; shot 3, 1, c; shot 4, 1, d; shot 5, 1, e; shot 6, 1, f; shot 7, 1, g;"), "prompt", "must have at most 6 shots (was 7)"),
                invalid(OMNI_VIDEO, "shots numbered wrong", with(OMNI_VIDEO, "kling-3.0-omni", "prompt", "shot 1, 2, a; shot 3, 3, b;"), "prompt",
                        "must number its shots 1, 2, 3"),
                invalid(TEXT2VIDEO, "a shot of 0 s", with(TEXT2VIDEO, "kling-3.0", "prompt", "shot 1, 0, a; shot 2, 5, b;"), "prompt", "shot 1 must last at least 1 second"),
                invalid(TEXT2VIDEO, "a shot of 513 characters", with(TEXT2VIDEO, "kling-3.0", "prompt", "shot 1, 5, " + "w".repeat(513)), "prompt",
                        "shot 1 needs 1 to 512 characters of words"),
                // contents (§2.2)
                invalid(IMAGE2VIDEO, "no first frame", with(IMAGE2VIDEO, "kling-3.0", "image", null, "prompt", "a fox"), "image",
                        "is required on /image-to-video/kling-3.0: the first frame"),
                invalid(IMAGE2VIDEO, "last frame alone", with(IMAGE2VIDEO, "kling-2.6", "image", null, "image_tail", PNG), "image", "is required"),
                invalid(OMNI_VIDEO, "last frame alone on omni", with(OMNI_VIDEO, "kling-3.0-omni", "image_tail", PNG), "image_tail",
                        "needs a first frame (image): a last frame alone is never allowed"),
                invalid(IMAGE2VIDEO, "last frame on turbo", with(IMAGE2VIDEO, "kling-3.0-turbo", "image_tail", PNG), "image_tail",
                        "must be absent on /image-to-video/kling-3.0-turbo: that model takes a first frame only"),
                invalid(IMAGE2VIDEO, "small first frame", with(IMAGE2VIDEO, "kling-3.0", "image", TestImages.png(200, 400)), "image",
                        "must be at least 300 px on each side (was 200x400)"),
                invalid(IMAGE2VIDEO, "too wide last frame", with(IMAGE2VIDEO, "kling-3.0", "image_tail", TestImages.png(1000, 300)), "image_tail",
                        "must have an aspect ratio between 1:2.5 and 2.5:1"),
                invalid(IMAGE2VIDEO, "a GIF", with(IMAGE2VIDEO, "kling-3.0", "image", TestImages.gif(400, 400)), "image", "must be a JPG or PNG image (was gif)"),
                invalid(IMAGE2VIDEO, "51 MB", with(IMAGE2VIDEO, "kling-3.0", "image", Arrays.copyOf(PNG, 51 * 1024 * 1024)), "image", "must be at most 50 MB (was 51.0 MB)"),
                invalid(IMAGE2VIDEO, "four elements on kling-3.0", with(IMAGE2VIDEO, "kling-3.0", "element_list", elements(4)), "element_list",
                        "must have at most 3 items on /image-to-video/kling-3.0 (was 4)"),
                invalid(IMAGE2VIDEO, "elements on kling-2.6", with(IMAGE2VIDEO, "kling-2.6", "element_list", elements(1)), "element_list",
                        "must be absent on /image-to-video/kling-2.6: that model takes no elements"),
                invalid(IMAGE2VIDEO, "voices on kling-3.0", with(IMAGE2VIDEO, "kling-3.0", "voice_list", "v1", "audio", "native"), "voice_list",
                        "must be absent on /image-to-video/kling-3.0: voices are kling-2.6's"),
                invalid(IMAGE2VIDEO, "three voices on kling-2.6", with(IMAGE2VIDEO, "kling-2.6", "voice_list", "v1,v2,v3", "audio", "native"), "voice_list",
                        "must have at most 2 items"),
                invalid(IMAGE2VIDEO, "voices without native audio", with(IMAGE2VIDEO, "kling-2.6", "voice_list", "v1"), "voice_list",
                        "requires audio to be \"native\" (was absent)"),
                invalid(MOTION_CONTROL, "two elements on kling-3.0", with(MOTION_CONTROL, "kling-3.0", "element_list", elements(2)), "element_list",
                        "must have at most 1 item on /motion-control/kling-3.0 (was 2)"),
                invalid(MOTION_CONTROL, "an element on kling-2.6", with(MOTION_CONTROL, "kling-2.6", "element_list", elements(1)), "element_list", "must be absent"),
                invalid(MOTION_CONTROL, "no character image", with(MOTION_CONTROL, "kling-2.6", "image_url", null), "image_url", "is required on /motion-control/kling-2.6"),
                invalid(MOTION_CONTROL, "no motion video", with(MOTION_CONTROL, "kling-2.6", "video_url", null), "video_url", "is required"),
                invalid(MOTION_CONTROL, "an .avi motion video", with(MOTION_CONTROL, "kling-3.0", "video_url", "https://example.com/dance.avi"), "video_url",
                        "must point at an .mp4 or .mov file"),
                invalid(OMNI_VIDEO, "a reference video that is no URL", with(OMNI_VIDEO, "kling-3.0-omni", "reference_video", "dance.mp4"), "reference_video",
                        "must be an absolute http or https URL"),
                invalid(OMNI_VIDEO, "a small reference image", with(OMNI_VIDEO, "kling-3.0-omni", "reference_images", List.of(PNG, TestImages.png(100, 400))),
                        "reference_images[1].image", "must be at least 300 px"),
                // omni-video counts and video rules (§2.4)
                invalid(OMNI_VIDEO, "no aspect ratio without frame or video", with(OMNI_VIDEO, "kling-3.0-omni", "aspect_ratio", null), "aspect_ratio",
                        "is required on /omni-video/kling-3.0-omni when there is neither a first frame (image) nor a reference video"),
                invalid(OMNI_VIDEO, "two reference videos", with(OMNI_VIDEO, "kling-3.0-omni", "reference_video", FEATURE_VIDEO, "base_video", BASE_VIDEO), "base_video",
                        "cannot be combined with reference_video: at most one reference video"),
                invalid(OMNI_VIDEO, "eight references", with(OMNI_VIDEO, "kling-3.0-omni", "reference_images", images(5), "element_list", elements(3)),
                        "reference_images + element_list", "must have at most 7 items in total without a reference video (was 8)"),
                invalid(OMNI_VIDEO, "five references with a video", with(OMNI_VIDEO, "kling-o1", "reference_images", images(5), "reference_video", FEATURE_VIDEO),
                        "reference_images + element_list", "must have at most 4 items in total with a reference video (was 5)"),
                invalid(OMNI_VIDEO, "four elements with a first frame", with(OMNI_VIDEO, "kling-3.0-omni", "image", PNG, "element_list", elements(4)), "element_list",
                        "must have at most 3 items with a first frame (was 4)"),
                invalid(OMNI_VIDEO, "kling-o1 first and last frame with an image", with(OMNI_VIDEO, "kling-o1", "image", PNG, "image_tail", PNG,
                        "reference_images", images(1)), "reference_images", "must be absent on /omni-video/kling-o1 with a first and a last frame"),
                invalid(OMNI_VIDEO, "kling-o1 first and last frame with an element", with(OMNI_VIDEO, "kling-o1", "image", PNG, "image_tail", PNG,
                        "element_list", elements(1)), "element_list", "must be absent on /omni-video/kling-o1"),
                invalid(OMNI_VIDEO, "feature video without multi-shot", with(OMNI_VIDEO, "kling-3.0-omni", "reference_video", FEATURE_VIDEO, "multi_shot", false),
                        "multi_shot", "must be true with a reference_video"),
                invalid(OMNI_VIDEO, "feature video with audio", with(OMNI_VIDEO, "kling-3.0-omni", "reference_video", FEATURE_VIDEO, "audio", "original"), "audio",
                        "must be \"off\" with a reference_video"),
                invalid(OMNI_VIDEO, "base video with a first frame", with(OMNI_VIDEO, "kling-3.0-omni", "base_video", BASE_VIDEO, "image", PNG), "image",
                        "cannot be combined with base_video"),
                invalid(OMNI_VIDEO, "base video with multi-shot", with(OMNI_VIDEO, "kling-3.0-omni", "base_video", BASE_VIDEO, "multi_shot", true), "multi_shot",
                        "must not be true with a base_video"),
                invalid(OMNI_VIDEO, "base video with native audio", with(OMNI_VIDEO, "kling-3.0-omni", "base_video", BASE_VIDEO, "audio", "native"), "audio",
                        "must not be \"native\" with a base_video"),
                invalid(OMNI_VIDEO, "kling-o1 first frame only for 7 s (§9.6)", with(OMNI_VIDEO, "kling-o1", "image", PNG, "duration", 7), "duration",
                        "must be 5 or 10 on /omni-video/kling-o1 with a first frame and no other reference (was \"7\")"),
                // the options
                invalid(TEXT2VIDEO, "callback that is no URL", with(TEXT2VIDEO, "kling-3.0", "callback_url", "ftp://example.com/cb"), "callback_url",
                        "must be an absolute http or https URL"),
                invalid(OMNI_VIDEO, "external id of 257 characters", with(OMNI_VIDEO, "kling-o1", "external_task_id", "e".repeat(257)), "external_task_id",
                        "must be at most 256 characters"),
                // legacy omni-video (/v1/videos/omni-video)
                invalid(OMNI_VIDEO, "legacy: another feature's model", Map.of("model_name", "kling-v2-6", "prompt", "fox", "aspect_ratio", "1:1"), "model_name",
                        "must be one of [kling-video-o1, kling-v3-omni]"),
                invalid(OMNI_VIDEO, "legacy: no prompt", Map.of("aspect_ratio", "1:1"), "prompt", "is required"),
                invalid(OMNI_VIDEO, "legacy: no aspect ratio", Map.of("prompt", "fox"), "aspect_ratio",
                        "is required without a first frame (image) or a reference or base video"),
                invalid(OMNI_VIDEO, "legacy: last frame alone", Map.of("prompt", "fox", "image_tail", PNG), "image", "is required when image_tail (a last frame) is given"),
                invalid(OMNI_VIDEO, "legacy: two videos", Map.of("prompt", "fox", "reference_video", FEATURE_VIDEO, "base_video", BASE_VIDEO), "base_video",
                        "cannot be combined with reference_video"),
                invalid(OMNI_VIDEO, "legacy: eight references", Map.of("prompt", "fox", "aspect_ratio", "1:1", "reference_images", images(7), "element_list", elements(1)),
                        "reference_images + element_list", "must have at most 7 items in total (was 8)"),
                invalid(OMNI_VIDEO, "legacy: five references with a video", Map.of("prompt", "fox", "reference_video", FEATURE_VIDEO, "reference_images", images(5)),
                        "reference_images + element_list", "must have at most 4 items in total (was 5)"),
                invalid(OMNI_VIDEO, "legacy: 4k on kling-video-o1", Map.of("prompt", "fox", "aspect_ratio", "1:1", "mode", "4k"), "mode",
                        "must not be \"4k\" unless model_name is kling-v3-omni (was \"kling-video-o1\", the default)"),
                invalid(OMNI_VIDEO, "legacy: 12 s on kling-video-o1", Map.of("prompt", "fox", "aspect_ratio", "1:1", "duration", 12), "duration",
                        "must be at most 10 with model_name kling-video-o1 (the default); only kling-v3-omni takes up to 15 (was 12)"),
                invalid(OMNI_VIDEO, "legacy: 16 s", Map.of("model_name", "kling-v3-omni", "prompt", "fox", "aspect_ratio", "1:1", "duration", 16), "duration",
                        "must be one of"),
                invalid(OMNI_VIDEO, "legacy: 11 MB image", Map.of("prompt", "fox", "image", Arrays.copyOf(PNG, 11 * 1024 * 1024)), "image", "must be at most 10 MB"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidRequests")
    void refusedLocally(KlingFeature feature, String name, Map<String, Object> fields, String field, String rule) throws Exception {
        ValidationAssertions.rejectedLocally(client, server, KlingRequest.of(feature, fields), field, rule);
    }

    @Test
    void theModelChoosesTheDesign() {
        assertThat(KlingRequest.of(TEXT2VIDEO, base(TEXT2VIDEO, "kling-3.0")).design()).isEqualTo(DesignStandard.NEW_DESIGN);
        assertThat(KlingRequest.of(TEXT2VIDEO, base(TEXT2VIDEO, "kling-3.0")).path()).isEqualTo("/text-to-video/kling-3.0");
        assertThat(KlingRequest.of(IMAGE2VIDEO, base(IMAGE2VIDEO, "kling-2.5-turbo")).path()).isEqualTo("/image-to-video/kling-2.5-turbo");
        assertThat(KlingRequest.of(OMNI_VIDEO, base(OMNI_VIDEO, "kling-o1")).path()).isEqualTo("/omni-video/kling-o1");
        assertThat(KlingRequest.of(MOTION_CONTROL, base(MOTION_CONTROL, "kling-2.6")).path()).isEqualTo("/motion-control/kling-2.6");
        for (Map<String, Object> legacy : List.of(Map.<String, Object>of("prompt", "fox"), Map.<String, Object>of("prompt", "fox", "model_name", "kling-v2-6"),
                Map.<String, Object>of("prompt", "fox", "model_name", "kling-9.9"))) {
            KlingRequest request = KlingRequest.of(TEXT2VIDEO, legacy);
            assertThat(request.design()).as("%s", legacy).isEqualTo(DesignStandard.LEGACY);
            assertThat(request.path()).isEqualTo("/v1/videos/text2video");
        }
        assertThat(KlingRequest.of(OMNI_VIDEO, Map.of("prompt", "fox", "aspect_ratio", "1:1")).path()).isEqualTo("/v1/videos/omni-video");
    }

    @Test
    void motionControlTakesNoDurationAndImageToVideoNoAspectRatio() {
        // the result follows the motion video, and the first frame sets the shape: neither feature has the field at all
        assertThatThrownBy(() -> KlingRequest.of(MOTION_CONTROL, with(MOTION_CONTROL, "kling-3.0", "duration", 5)))
                .hasMessageContaining("duration is not a known field");
        assertThatThrownBy(() -> KlingRequest.of(IMAGE2VIDEO, with(IMAGE2VIDEO, "kling-3.0", "aspect_ratio", "16:9")))
                .hasMessageContaining("aspect_ratio is not a known field");
    }

    @Test
    void aModelNoTableKnowsPassesThroughOnTheLegacyDesign() {
        KlingRequest request = KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-9.9", "prompt", "fox", "duration", "5"));

        assertThatCode(request::validate).doesNotThrowAnyException();
        assertThat(request.design()).isEqualTo(DesignStandard.LEGACY);
    }

    @Test
    void theNewDesignTakesImagesUpTo50Megabytes() {
        byte[] elevenMegabytes = Arrays.copyOf(PNG, 11 * 1024 * 1024);

        assertThatCode(KlingRequest.of(IMAGE2VIDEO, with(IMAGE2VIDEO, "kling-3.0", "image", elevenMegabytes))::validate).doesNotThrowAnyException();
        assertThatThrownBy(KlingRequest.of(IMAGE2VIDEO, Map.of("model_name", "kling-v2-6", "image", elevenMegabytes))::validate)
                .hasMessageContaining("image must be at most 10 MB");
    }
}
