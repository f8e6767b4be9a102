package dev.camelkling.client;

import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static dev.camelkling.client.request.KlingFeature.IMAGE_GENERATION;
import static dev.camelkling.client.request.KlingFeature.LIP_SYNC;
import static dev.camelkling.client.request.KlingFeature.MOTION_CONTROL;
import static dev.camelkling.client.request.KlingFeature.MULTI_IMAGE2VIDEO;
import static dev.camelkling.client.request.KlingFeature.OMNI_IMAGE;
import static dev.camelkling.client.request.KlingFeature.VIDEO_EXTEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every documented rule of multi-image2video, motion control, video VIDEO_EXTEND, lip sync, image generation and
 * omni-image is checked locally: the create fails with a {@link KlingValidationException} naming the field and the
 * rule, and no HTTP request is made.
 */
class FeatureRulesTest extends LocalValidationSupport {

    static final byte[] GOOD_PNG = TestImages.png(400, 400);
    static final byte[] SMALL_PNG = TestImages.png(200, 400);
    static final String LONG_TEXT = "x".repeat(2501);

    /** A valid request of each feature. */
    static Map<String, Object> base(KlingFeature feature) {
        return switch (feature) {
            case MULTI_IMAGE2VIDEO -> Map.of("image_list", List.of(GOOD_PNG), "prompt", "two friends on a beach");
            case MOTION_CONTROL -> Map.of("image_url", GOOD_PNG, "video_url", "https://example.com/dance.mp4",
                    "character_orientation", "video", "mode", "std");
            case VIDEO_EXTEND -> Map.of("video_id", "vid-1");
            case LIP_SYNC -> Map.of("session_id", "s-1", "face_id", "0", "audio_id", "aud-1", "sound_end_time", 3000,
                    "sound_insert_time", 0);
            case IMAGE_GENERATION -> Map.of("prompt", "a cat in a hat");
            case OMNI_IMAGE -> Map.of("prompt", "hotpot with friends");
            default -> throw new IllegalArgumentException(feature.name());
        };
    }

    /** The feature's valid request with some fields changed; a {@code null} value removes the field. */
    static Map<String, Object> with(KlingFeature feature, Object... fieldValues) {
        Map<String, Object> fields = new LinkedHashMap<>(base(feature));
        for (int i = 0; i < fieldValues.length; i += 2) {
            fields.put((String) fieldValues[i], fieldValues[i + 1]);
        }
        return fields;
    }

    private static Arguments invalid(KlingFeature feature, String name, Map<String, Object> fields, String field, String rule) {
        return arguments(feature, name, fields, field, rule);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                // multi-image2video
                invalid(MULTI_IMAGE2VIDEO, "other model", with(MULTI_IMAGE2VIDEO, "model_name", "kling-v1"), "model_name", "\"kling-v1\" does not support multi-image2video (models that do: [kling-v1-6])"),
                invalid(MULTI_IMAGE2VIDEO, "no images", with(MULTI_IMAGE2VIDEO, "image_list", null), "image_list", "is required"),
                invalid(MULTI_IMAGE2VIDEO, "empty image list", with(MULTI_IMAGE2VIDEO, "image_list", List.of()), "image_list", "must have at least 1 item (was 0)"),
                invalid(MULTI_IMAGE2VIDEO, "five images", with(MULTI_IMAGE2VIDEO, "image_list", Collections.nCopies(5, GOOD_PNG)), "image_list", "must have at most 4 items (was 5)"),
                invalid(MULTI_IMAGE2VIDEO, "small second image", with(MULTI_IMAGE2VIDEO, "image_list", List.of(GOOD_PNG, SMALL_PNG)), "image_list[1].image",
                        "must be at least 300 px on each side (was 200x400)"),
                invalid(MULTI_IMAGE2VIDEO, "gif image", with(MULTI_IMAGE2VIDEO, "image_list", List.of(TestImages.gif(400, 400))), "image_list[0].image", "must be a JPG or PNG image"),
                invalid(MULTI_IMAGE2VIDEO, "wide image", with(MULTI_IMAGE2VIDEO, "image_list", List.of(TestImages.png(1000, 300))), "image_list[0].image", "aspect ratio between 1:2.5 and 2.5:1"),
                invalid(MULTI_IMAGE2VIDEO, "image over 10 MB", with(MULTI_IMAGE2VIDEO, "image_list", List.of(new byte[10 * 1024 * 1024 + 1])), "image_list[0].image", "must be at most 10 MB"),
                invalid(MULTI_IMAGE2VIDEO, "no prompt", with(MULTI_IMAGE2VIDEO, "prompt", null), "prompt", "is required"),
                invalid(MULTI_IMAGE2VIDEO, "blank prompt", with(MULTI_IMAGE2VIDEO, "prompt", " "), "prompt", "must not be blank"),
                invalid(MULTI_IMAGE2VIDEO, "long prompt", with(MULTI_IMAGE2VIDEO, "prompt", LONG_TEXT), "prompt", "must be at most 2500 characters (was 2501)"),
                invalid(MULTI_IMAGE2VIDEO, "long negative prompt", with(MULTI_IMAGE2VIDEO, "negative_prompt", LONG_TEXT), "negative_prompt", "must be at most 2500 characters"),
                invalid(MULTI_IMAGE2VIDEO, "mode", with(MULTI_IMAGE2VIDEO, "mode", "ultra"), "mode", "must be one of [std, pro]"),
                invalid(MULTI_IMAGE2VIDEO, "duration", with(MULTI_IMAGE2VIDEO, "duration", 7), "duration", "must be one of [5, 10] (was \"7\")"),
                invalid(MULTI_IMAGE2VIDEO, "aspect ratio", with(MULTI_IMAGE2VIDEO, "aspect_ratio", "4:3"), "aspect_ratio", "must be one of [16:9, 9:16, 1:1]"),
                invalid(MULTI_IMAGE2VIDEO, "callback", with(MULTI_IMAGE2VIDEO, "callback_url", "ftp://example.com/cb"), "callback_url", "must be an absolute http or https URL"),
                invalid(MULTI_IMAGE2VIDEO, "external id", with(MULTI_IMAGE2VIDEO, "external_task_id", " "), "external_task_id", "must not be blank"),
                // motion control
                invalid(MOTION_CONTROL, "no image", with(MOTION_CONTROL, "image_url", null), "image_url", "is required"),
                invalid(MOTION_CONTROL, "small image", with(MOTION_CONTROL, "image_url", SMALL_PNG), "image_url", "must be at least 300 px on each side"),
                invalid(MOTION_CONTROL, "huge image", with(MOTION_CONTROL, "image_url", pngHeader(65_537, 400)), "image_url",
                        "must be at most 65536 px on each side (was 65537x400)"),
                invalid(MOTION_CONTROL, "no video", with(MOTION_CONTROL, "video_url", null), "video_url", "is required"),
                invalid(MOTION_CONTROL, "video not http", with(MOTION_CONTROL, "video_url", "ftp://example.com/dance.mp4"), "video_url",
                        "must be an absolute http or https URL"),
                invalid(MOTION_CONTROL, "video not mp4/mov", with(MOTION_CONTROL, "video_url", "https://example.com/dance.gif?sig=1"), "video_url",
                        "must point at an .mp4 or .mov file (was \"dance.gif\")"),
                invalid(MOTION_CONTROL, "no orientation", with(MOTION_CONTROL, "character_orientation", null), "character_orientation", "is required"),
                invalid(MOTION_CONTROL, "orientation", with(MOTION_CONTROL, "character_orientation", "sideways"), "character_orientation",
                        "must be one of [image, video]"),
                invalid(MOTION_CONTROL, "no mode", with(MOTION_CONTROL, "mode", null), "mode", "is required"),
                invalid(MOTION_CONTROL, "mode", with(MOTION_CONTROL, "mode", "fast"), "mode", "must be one of [std, pro]"),
                invalid(MOTION_CONTROL, "long prompt", with(MOTION_CONTROL, "prompt", LONG_TEXT), "prompt", "must be at most 2500 characters"),
                invalid(MOTION_CONTROL, "keep sound", with(MOTION_CONTROL, "keep_original_sound", "maybe"), "keep_original_sound", "must be one of [yes, no]"),
                invalid(MOTION_CONTROL, "model", with(MOTION_CONTROL, "model_name", "kling-v1"), "model_name", "must be one of [kling-v2-6, kling-v3]"),
                invalid(MOTION_CONTROL, "element with default model", with(MOTION_CONTROL, "element_list", List.of(1L)), "element_list",
                        "requires model_name to be \"kling-v3\" (was absent)"),
                invalid(MOTION_CONTROL, "element with kling-v2-6", with(MOTION_CONTROL, "element_list", "5", "model_name", "kling-v2-6"), "element_list",
                        "requires model_name to be \"kling-v3\" (was \"kling-v2-6\")"),
                invalid(MOTION_CONTROL, "two elements", with(MOTION_CONTROL, "element_list", List.of(1L, 2L), "model_name", "kling-v3"), "element_list",
                        "must have at most 1 item (was 2)"),
                // video extend
                invalid(VIDEO_EXTEND, "no video", with(VIDEO_EXTEND, "video_id", null), "video_id", "is required"),
                invalid(VIDEO_EXTEND, "blank video", with(VIDEO_EXTEND, "video_id", "  "), "video_id", "must not be blank"),
                invalid(VIDEO_EXTEND, "long prompt", with(VIDEO_EXTEND, "prompt", LONG_TEXT), "prompt", "must be at most 2500 characters"),
                invalid(VIDEO_EXTEND, "long negative prompt", with(VIDEO_EXTEND, "negative_prompt", LONG_TEXT), "negative_prompt", "must be at most 2500"),
                invalid(VIDEO_EXTEND, "cfg scale", with(VIDEO_EXTEND, "cfg_scale", 1.5), "cfg_scale", "must be between 0 and 1 (was 1.5)"),
                invalid(VIDEO_EXTEND, "callback", with(VIDEO_EXTEND, "callback_url", "example.com/cb"), "callback_url", "must be an absolute http or https URL"),
                // lip sync
                invalid(LIP_SYNC, "no session", with(LIP_SYNC, "session_id", null), "session_id", "is required"),
                invalid(LIP_SYNC, "no face", with(LIP_SYNC, "face_id", null), "face_id", "is required"),
                invalid(LIP_SYNC, "no audio", with(LIP_SYNC, "audio_id", null), "audio_id", "is required unless sound_file is given"),
                invalid(LIP_SYNC, "audio id and file", with(LIP_SYNC, "sound_file", TestAudio.wav(3000)), "sound_file", "cannot be combined with audio_id"),
                invalid(LIP_SYNC, "negative start", with(LIP_SYNC, "sound_start_time", -1), "sound_start_time", "must be at least 0 (was -1)"),
                invalid(LIP_SYNC, "end before start", with(LIP_SYNC, "sound_start_time", 3000, "sound_end_time", 2000), "sound_end_time",
                        "must be greater than sound_start_time (was 2000 <= 3000)"),
                invalid(LIP_SYNC, "crop under 2 s", with(LIP_SYNC, "sound_start_time", 1500), "sound_end_time",
                        "must be at least 2000 ms after sound_start_time: the cropped audio must last 2 s or more (was 1500 ms)"),
                invalid(LIP_SYNC, "loud", with(LIP_SYNC, "sound_volume", 2.5), "sound_volume", "must be between 0 and 2 (was 2.5)"),
                invalid(LIP_SYNC, "negative original volume", with(LIP_SYNC, "original_audio_volume", -0.1), "original_audio_volume", "must be between 0 and 2"),
                invalid(LIP_SYNC, "audio mostly outside the face", with(LIP_SYNC, "face_start_time", 0, "face_end_time", 5000, "sound_insert_time", 4000),
                        "sound_insert_time", "must place the audio so that it overlaps the face window [0, 5000] ms by at least 2000 ms "
                                + "(audio at [4000, 7000] ms overlaps it by 1000 ms)"),
                invalid(LIP_SYNC, "audio before the face", with(LIP_SYNC, "face_start_time", 6000, "face_end_time", 9000), "sound_insert_time",
                        "overlaps it by 0 ms"),
                invalid(LIP_SYNC, "face window backwards", with(LIP_SYNC, "face_start_time", 5000, "face_end_time", 1000), "face_end_time",
                        "must be greater than face_start_time"),
                invalid(LIP_SYNC, "end unknown for an audio id", with(LIP_SYNC, "sound_end_time", null), "sound_end_time",
                        "is required when the audio length cannot be read locally"),
                invalid(LIP_SYNC, "end unknown for an audio URL", with(LIP_SYNC, "audio_id", null, "sound_end_time", null, "sound_file",
                        "https://example.com/line.mp3"), "sound_end_time", "is required when the audio length cannot be read"),
                invalid(LIP_SYNC, "insert unknown without face window", with(LIP_SYNC, "sound_insert_time", null), "sound_insert_time",
                        "is required when the face window is not known"),
                invalid(LIP_SYNC, "audio URL of another format", with(LIP_SYNC, "audio_id", null, "sound_file", "https://example.com/line.ogg"),
                        "sound_file", "must point at an .mp3, .wav or .m4a file (was \"line.ogg\")"),
                invalid(LIP_SYNC, "audio over 5 MB", with(LIP_SYNC, "audio_id", null, "sound_file", new byte[5 * 1024 * 1024 + 1]), "sound_file",
                        "must be at most 5 MB (was 5.0 MB)"),
                invalid(LIP_SYNC, "image as audio", with(LIP_SYNC, "audio_id", null, "sound_file", GOOD_PNG), "sound_file",
                        "must be MP3, WAV or M4A audio (format not recognised)"),
                invalid(LIP_SYNC, "ogg audio", with(LIP_SYNC, "audio_id", null, "sound_file", "OggS\0\0\0\0\0\0\0\0\0\0".getBytes()), "sound_file",
                        "must be MP3, WAV or M4A audio (was ogg)"),
                invalid(LIP_SYNC, "crop past the audio's end", with(LIP_SYNC, "audio_id", null, "sound_file", TestAudio.wav(2500)), "sound_end_time",
                        "must not be after the end of the audio (2500 ms; was 3000)"),
                invalid(LIP_SYNC, "audio of 1.5 s", with(LIP_SYNC, "audio_id", null, "sound_file", TestAudio.wav(1500)), "sound_file",
                        "must be between 2 and 60 seconds long (was 1.5 s)"),
                invalid(LIP_SYNC, "audio of 61 s", with(LIP_SYNC, "audio_id", null, "sound_file", TestAudio.wav(61_000)), "sound_file",
                        "must be between 2 and 60 seconds long (was 61 s)"),
                // image generation
                invalid(IMAGE_GENERATION, "video model", with(IMAGE_GENERATION, "model_name", "kling-v2-6"), "model_name", "must be one of [kling-v1, kling-v1-5"),
                invalid(IMAGE_GENERATION, "no prompt", with(IMAGE_GENERATION, "prompt", null), "prompt", "is required"),
                invalid(IMAGE_GENERATION, "long prompt", with(IMAGE_GENERATION, "prompt", LONG_TEXT), "prompt", "must be at most 2500 characters"),
                invalid(IMAGE_GENERATION, "negative prompt with image", with(IMAGE_GENERATION, "image", GOOD_PNG, "negative_prompt", "blurry"), "negative_prompt",
                        "cannot be combined with image"),
                invalid(IMAGE_GENERATION, "small image", with(IMAGE_GENERATION, "image", SMALL_PNG), "image", "must be at least 300 px"),
                invalid(IMAGE_GENERATION, "reference", with(IMAGE_GENERATION, "image_reference", "body"), "image_reference", "must be one of [subject, face]"),
                invalid(IMAGE_GENERATION, "v1-5 image without reference", with(IMAGE_GENERATION, "model_name", "kling-v1-5", "image", GOOD_PNG), "image_reference",
                        "is required when model_name is kling-v1-5 and image is given"),
                invalid(IMAGE_GENERATION, "image fidelity", with(IMAGE_GENERATION, "image_fidelity", 1.2), "image_fidelity", "must be between 0 and 1 (was 1.2)"),
                invalid(IMAGE_GENERATION, "human fidelity", with(IMAGE_GENERATION, "human_fidelity", -0.5), "human_fidelity", "must be between 0 and 1"),
                invalid(IMAGE_GENERATION, "resolution", with(IMAGE_GENERATION, "resolution", "4k"), "resolution", "must be one of [1k, 2k]"),
                invalid(IMAGE_GENERATION, "aspect ratio", with(IMAGE_GENERATION, "aspect_ratio", "5:4"), "aspect_ratio", "must be one of [16:9, 9:16, 1:1, 4:3, 3:4, 3:2, 2:3, 21:9]"),
                invalid(IMAGE_GENERATION, "21:9 on kling-v1", with(IMAGE_GENERATION, "aspect_ratio", "21:9", "model_name", "kling-v1"), "aspect_ratio",
                        "must not be \"21:9\" with model_name kling-v1"),
                invalid(IMAGE_GENERATION, "no images", with(IMAGE_GENERATION, "n", 0), "n", "must be between 1 and 9 (was 0)"),
                invalid(IMAGE_GENERATION, "ten images", with(IMAGE_GENERATION, "n", "10"), "n", "must be between 1 and 9 (was 10)"),
                invalid(IMAGE_GENERATION, "callback", with(IMAGE_GENERATION, "callback_url", "not a url"), "callback_url", "must be an absolute http or https URL"),
                // omni-image
                invalid(OMNI_IMAGE, "model", with(OMNI_IMAGE, "model_name", "kling-v1"), "model_name", "must be one of [kling-image-o1, kling-v3-omni]"),
                invalid(OMNI_IMAGE, "no prompt", with(OMNI_IMAGE, "prompt", null), "prompt", "is required"),
                invalid(OMNI_IMAGE, "long prompt", with(OMNI_IMAGE, "prompt", LONG_TEXT), "prompt", "must be at most 2500 characters"),
                invalid(OMNI_IMAGE, "eleven images", with(OMNI_IMAGE, "image_list", Collections.nCopies(11, "https://example.com/a.png")), "image_list",
                        "must have at most 10 items (was 11)"),
                invalid(OMNI_IMAGE, "eleven elements", with(OMNI_IMAGE, "element_list", Collections.nCopies(11, 7L)), "element_list",
                        "must have at most 10 items (was 11)"),
                invalid(OMNI_IMAGE, "images and elements over 10", with(OMNI_IMAGE, "image_list", Collections.nCopies(6, "https://example.com/a.png"),
                        "element_list", "1,2,3,4,5"), "image_list + element_list", "must have at most 10 items in total (was 11)"),
                invalid(OMNI_IMAGE, "small image", with(OMNI_IMAGE, "image_list", List.of("https://example.com/a.png", SMALL_PNG)), "image_list[1].image",
                        "must be at least 300 px"),
                invalid(OMNI_IMAGE, "reference past the images", with(OMNI_IMAGE, "prompt", "<<<image_1>>> meets <<<image_3>>>",
                        "image_list", List.of(GOOD_PNG, GOOD_PNG)), "prompt", "refers to <<<image_3>>> but image_list has 2 items"),
                invalid(OMNI_IMAGE, "reference without images", with(OMNI_IMAGE, "prompt", "<<<image_1>>> eats"), "prompt",
                        "refers to <<<image_1>>> but image_list has 0 items"),
                invalid(OMNI_IMAGE, "reference zero", with(OMNI_IMAGE, "prompt", "<<<image_0>>> eats", "image_list", List.of(GOOD_PNG)), "prompt",
                        "refers to <<<image_0>>>"),
                invalid(OMNI_IMAGE, "resolution", with(OMNI_IMAGE, "resolution", "8k"), "resolution", "must be one of [1k, 2k, 4k]"),
                invalid(OMNI_IMAGE, "4k on the default model", with(OMNI_IMAGE, "resolution", "4k"), "resolution",
                        "must not be \"4k\" unless model_name is kling-v3-omni (was \"kling-image-o1\", the default)"),
                invalid(OMNI_IMAGE, "4k on kling-image-o1", with(OMNI_IMAGE, "resolution", "4k", "model_name", "kling-image-o1"), "resolution",
                        "unless model_name is kling-v3-omni (was \"kling-image-o1\")"),
                invalid(OMNI_IMAGE, "result type", with(OMNI_IMAGE, "result_type", "batch"), "result_type", "must be one of [single, series]"),
                invalid(OMNI_IMAGE, "n", with(OMNI_IMAGE, "n", 10), "n", "must be between 1 and 9 (was 10)"),
                invalid(OMNI_IMAGE, "series amount", with(OMNI_IMAGE, "result_type", "series", "series_amount", 10), "series_amount",
                        "must be one of [2, 3, 4, 5, 6, 7, 8, 9, auto] (was \"10\")"),
                invalid(OMNI_IMAGE, "series amount of 1", with(OMNI_IMAGE, "result_type", "series", "series_amount", "1"), "series_amount", "must be one of"),
                invalid(OMNI_IMAGE, "series amount without series", with(OMNI_IMAGE, "series_amount", 3), "series_amount",
                        "requires result_type to be \"series\" (was absent)"),
                invalid(OMNI_IMAGE, "aspect ratio", with(OMNI_IMAGE, "aspect_ratio", "5:4"), "aspect_ratio", "21:9, auto]"),
                invalid(OMNI_IMAGE, "external id like a task id", with(OMNI_IMAGE, "external_task_id", "866889456698785798"), "external_task_id",
                        "must not be an all-digit string"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRejectedWithoutHttpCall(KlingFeature feature, String name, Map<String, Object> fields, String field,
            String rule) throws Exception {
        ValidationAssertions.rejectedLocally(client, server, KlingRequest.of(feature, fields), field, rule);
    }

    static Stream<Arguments> unconvertible() {
        return Stream.of(
                arguments(KlingFeature.MULTI_IMAGE2VIDEO, with(KlingFeature.MULTI_IMAGE2VIDEO, "image_list",
                        List.of(GOOD_PNG, "data:image/png;base64,iVBORw0KGgo=")), "image_list[1].image", "must be raw Base64 without a data: URI prefix"),
                arguments(KlingFeature.MULTI_IMAGE2VIDEO, with(KlingFeature.MULTI_IMAGE2VIDEO, "image_list", GOOD_PNG), "image_list",
                        "must be a list (was a byte[])"),
                arguments(KlingFeature.MOTION_CONTROL, with(KlingFeature.MOTION_CONTROL, "image_url", "data:image/png;base64,AAAA"), "image_url",
                        "must be raw Base64 without a data: URI prefix"),
                arguments(KlingFeature.MOTION_CONTROL, with(KlingFeature.MOTION_CONTROL, "element_list", "12,x"), "element_list[1].element_id",
                        "must be a whole number within 64 bits (was \"x\")"),
                arguments(LIP_SYNC, with(LIP_SYNC, "audio_id", null, "sound_file", "data:audio/wav;base64,UklGRg=="), "sound_file",
                        "must be raw Base64 without a data: URI prefix (Kling rejects it with 1201 'File is not in a valid base64 format')"),
                arguments(LIP_SYNC, with(LIP_SYNC, "audio_id", null, "sound_file", "UklGR g=="), "sound_file", "must be valid Base64 (whitespace at index 5)"),
                arguments(LIP_SYNC, with(LIP_SYNC, "sound_end_time", "3.5 s"), "sound_end_time", "must be a whole number within 64 bits"),
                arguments(LIP_SYNC, Map.of("session_id", "s", "face_choose", List.of(Map.of("face_id", "0"), Map.of("face_id", "1"))),
                        "face_choose", "must have exactly 1 item (was 2)"),
                arguments(LIP_SYNC, Map.of("session_id", "s", "face_choose", List.of(Map.of("face_id", "0", "voice", "v"))),
                        "face_choose[0].voice", "is not a known field (known: face_id, audio_id, sound_file,"),
                arguments(KlingFeature.VIDEO_EXTEND, with(KlingFeature.VIDEO_EXTEND, "watermark_info", "maybe"), "watermark_info",
                        "must be true or false"),
                arguments(KlingFeature.IMAGE_GENERATION, with(KlingFeature.IMAGE_GENERATION, "n", 2.5), "n", "must be a whole number"),
                arguments(OMNI_IMAGE, with(OMNI_IMAGE, "element_list", List.of("99999999999999999999")), "element_list[0].element_id",
                        "must be a whole number within 64 bits"),
                arguments(OMNI_IMAGE, with(OMNI_IMAGE, "element_list", List.of(Map.of("id", 5))), "element_list[0].element_id", "is required"),
                arguments(OMNI_IMAGE, with(OMNI_IMAGE, "image_list", List.of(Map.of("url", "https://example.com/a.png"))), "image_list[0].image", "is required"));
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("unconvertible")
    void unconvertibleInputIsRejectedWhenTheRequestIsBuilt(KlingFeature feature, Map<String, Object> fields, String field, String rule) {
        assertThatThrownBy(() -> KlingRequest.of(feature, fields))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).contains(rule);
                    assertThat(e.getMessage()).startsWith(feature.uriName() + " request invalid: " + field + " ");
                });
    }

    static Stream<Arguments> validRequests() {
        return Stream.of(
                arguments(MULTI_IMAGE2VIDEO, "four images, every setting", with(MULTI_IMAGE2VIDEO, "image_list", List.of(GOOD_PNG, TestImages.jpeg(300, 750),
                        "https://example.com/c.png", KlingMedia.of(GOOD_PNG)), "model_name", "kling-v1-6", "mode", "pro", "duration", 10,
                        "aspect_ratio", "9:16", "negative_prompt", "blur", "watermark_info", true, "external_task_id", "m-1")),
                arguments(MULTI_IMAGE2VIDEO, "wire-shaped items", with(MULTI_IMAGE2VIDEO, "image_list", List.of(Map.of("image", "https://example.com/a.png")))),
                arguments(MOTION_CONTROL, "character image has no ratio limit", with(MOTION_CONTROL, "image_url", TestImages.png(1000, 300))),
                arguments(MOTION_CONTROL, "kling-v3 with one element", with(MOTION_CONTROL, "model_name", "kling-v3", "element_list", List.of(829836802793406551L),
                        "keep_original_sound", false, "prompt", "neon stage", "character_orientation", "image", "mode", "pro")),
                arguments(MOTION_CONTROL, "image as URL", with(MOTION_CONTROL, "image_url", "https://example.com/hero.png")),
                arguments(MOTION_CONTROL, "video URL without extension", with(MOTION_CONTROL, "video_url", "https://cdn.example.com/v/8c1f5a2e?token=x")),
                arguments(MOTION_CONTROL, "upper-case extension", with(MOTION_CONTROL, "video_url", "https://example.com/DANCE.MOV")),
                arguments(KlingFeature.VIDEO_EXTEND, "every field", with(KlingFeature.VIDEO_EXTEND, "prompt", "on", "negative_prompt", "off",
                        "cfg_scale", 0, "watermark_info", false, "external_task_id", "e-1", "callback_url", "https://example.com/cb")),
                arguments(LIP_SYNC, "audio id with explicit times", base(LIP_SYNC)),
                arguments(LIP_SYNC, "exactly 2 s of overlap", with(LIP_SYNC, "face_start_time", 1000, "face_end_time", 3000, "sound_insert_time", 0)),
                arguments(LIP_SYNC, "volumes at the limits", with(LIP_SYNC, "sound_volume", 0, "original_audio_volume", 2)),
                arguments(LIP_SYNC, "WAV gives its length, face window its start", Map.of("session_id", "s", "face_id", "1",
                        "sound_file", TestAudio.wav(2000), "face_start_time", 500, "face_end_time", 2600)),
                arguments(LIP_SYNC, "MP3 file of 60 s", Map.of("session_id", "s", "face_id", "1", "sound_file", TestAudio.mp3(2296, true, false),
                        "sound_insert_time", 0)),
                arguments(LIP_SYNC, "nested wire form", Map.of("session_id", "s", "face_choose", List.of(Map.of("face_id", "0",
                        "audio_id", "a", "sound_start_time", 0, "sound_end_time", 4000, "sound_insert_time", 500)))),
                arguments(IMAGE_GENERATION, "v1-5 with subject reference", with(IMAGE_GENERATION, "model_name", "kling-v1-5", "image", GOOD_PNG, "image_reference", "subject",
                        "image_fidelity", 0.5, "human_fidelity", 0.45, "resolution", "2k", "aspect_ratio", "21:9", "n", 9)),
                arguments(IMAGE_GENERATION, "undocumented fields are kept", with(IMAGE_GENERATION, "external_task_id", "g-1", "watermark_info", true)),
                arguments(OMNI_IMAGE, "ten references", with(OMNI_IMAGE, "prompt", "<<<image_1>>> and <<<image_5>>>", "image_list",
                        Collections.nCopies(5, GOOD_PNG), "element_list", "1, 2,3 ,4,829836802793406551")),
                arguments(OMNI_IMAGE, "series", with(OMNI_IMAGE, "model_name", "kling-v3-omni", "result_type", "series", "series_amount", "auto",
                        "resolution", "4k", "aspect_ratio", "auto")),
                arguments(OMNI_IMAGE, "series amount as a number", with(OMNI_IMAGE, "result_type", "series", "series_amount", 9)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validRequests")
    void validRequestPasses(KlingFeature feature, String name, Map<String, Object> fields) {
        assertThatCode(() -> KlingRequest.of(feature, fields).validate()).doesNotThrowAnyException();
    }

    /** The signature and IHDR chunk of a PNG of any size: enough for the header probe, without a pixel in memory. */
    static byte[] pngHeader(int width, int height) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(chunk);
            ihdr.writeBytes("IHDR");
            ihdr.writeInt(width);
            ihdr.writeInt(height);
            ihdr.write(new byte[] {8, 2, 0, 0, 0});
            byte[] data = chunk.toByteArray();
            out.writeInt(data.length - 4);
            out.write(data);
            CRC32 crc = new CRC32();
            crc.update(data);
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
