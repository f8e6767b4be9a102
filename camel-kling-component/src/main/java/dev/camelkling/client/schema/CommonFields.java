package dev.camelkling.client.schema;

import dev.camelkling.client.media.KlingMedia;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Field definitions shared by several features, so that e.g. {@code prompt} or {@code camera_control} follow the
 * same rules (and give the same messages) everywhere.
 */
public final class CommonFields {

    static final int MAX_PROMPT_LENGTH = 2500;
    static final int MAX_EXTERNAL_TASK_ID_LENGTH = 256;
    /** Kling task ids are 18-digit strings; an external id of that shape would be ambiguous in path lookups (§2.6). */
    static final int MAX_ALL_DIGIT_EXTERNAL_ID_LENGTH = 15;
    static final int MAX_IMAGES_PER_TASK = 9;
    static final String[] VIDEO_ASPECT_RATIOS = {"16:9", "9:16", "1:1"};
    static final String[] IMAGE_ASPECT_RATIOS = {"16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9"};

    private CommonFields() {
    }

    static FieldSpec.Builder prompt(boolean required) {
        FieldSpec.Builder prompt = FieldSpec.of("prompt", FieldType.TEXT).maxLength(MAX_PROMPT_LENGTH);
        return required ? prompt.required() : prompt;
    }

    static FieldSpec.Builder negativePrompt() {
        return FieldSpec.of("negative_prompt", FieldType.TEXT).maxLength(MAX_PROMPT_LENGTH);
    }

    static FieldSpec.Builder cfgScale() {
        return unitInterval("cfg_scale");
    }

    static FieldSpec.Builder mode() {
        return FieldSpec.of("mode", FieldType.TEXT).oneOf("std", "pro");
    }

    /**
     * {@code mode} of text2video and image2video, whose kling-v3 takes {@code 4k} too (kling-api-2026.md §7); which
     * model takes which is {@link VideoModelRules#mode}.
     */
    static FieldSpec.Builder videoMode() {
        return FieldSpec.of("mode", FieldType.TEXT).oneOf("std", "pro", "4k");
    }

    static FieldSpec.Builder aspectRatio(String... ratios) {
        return FieldSpec.of("aspect_ratio", FieldType.TEXT).oneOf(ratios);
    }

    static FieldSpec.Builder duration(String... seconds) {
        return FieldSpec.of("duration", FieldType.NUMERIC_TEXT).oneOf(seconds);
    }

    /** The new design's {@code settings.resolution}; the allowed values are the model's ({@link NewDesignModels}). */
    static FieldSpec.Builder newDesignResolution() {
        return FieldSpec.of("resolution", FieldType.TEXT);
    }

    /** The new design's {@code settings.audio}: native, original or off, per model. */
    static FieldSpec.Builder audio() {
        return FieldSpec.of("audio", FieldType.TEXT);
    }

    /** The new design's {@code settings.multi_shot} (3.0 family). */
    static FieldSpec.Builder multiShot() {
        return FieldSpec.of("multi_shot", FieldType.BOOLEAN);
    }

    static FieldSpec.Builder sound() {
        return FieldSpec.of("sound", FieldType.TEXT).oneOf("on", "off");
    }

    static FieldSpec.Builder cameraControl() {
        return FieldSpec.of("camera_control", FieldType.CAMERA_CONTROL).check(CameraControlRules.CAMERA_CONTROL);
    }

    static FieldSpec.Builder image(String name) {
        return FieldSpec.of(name, FieldType.MEDIA).check(MediaRules.IMAGE);
    }

    /** Images as {@code [{image: ...}]}, {@code min}–{@code max} of them, each under the general image rules. */
    static FieldSpec.Builder imageList(int min, int max) {
        return images("image_list").items(min, max);
    }

    /** Images as {@code [{image: ...}]} in a field of another name, each under the general image rules. */
    static FieldSpec.Builder images(String name) {
        return FieldSpec.of(name, FieldType.IMAGE_LIST).check((field, value) -> eachImage(field, (List<?>) value));
    }

    private static Optional<Violation> eachImage(String field, List<?> items) {
        for (int i = 0; i < items.size(); i++) {
            Optional<Violation> violation = MediaRules.checkImage(field + "[" + i + "].image",
                    (KlingMedia) ((Map<?, ?>) items.get(i)).get("image"));
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    /** Element-library subjects as {@code [{element_id: <int64>}]}. */
    static FieldSpec.Builder elementList(int max) {
        return FieldSpec.of("element_list", FieldType.ELEMENT_LIST).maxItems(max);
    }

    static FieldSpec.Builder resolution(String... resolutions) {
        return FieldSpec.of("resolution", FieldType.TEXT).oneOf(resolutions);
    }

    /** {@code n}, the number of images (each takes a concurrency slot). */
    static FieldSpec.Builder imageCount() {
        return FieldSpec.of("n", FieldType.INTEGER).range(1, MAX_IMAGES_PER_TASK);
    }

    /** A value in [0, 1], like {@code cfg_scale} or the fidelities of image generation. */
    static FieldSpec.Builder unitInterval(String name) {
        return FieldSpec.of(name, FieldType.DECIMAL).range(0, 1);
    }

    /** An id of a video Kling made ({@code task_result.videos[].id}). */
    public static FieldSpec.Builder videoId() {
        return FieldSpec.of("video_id", FieldType.TEXT).check(CommonFields::notBlank);
    }

    /** A text field holding an absolute http(s) URL. */
    static FieldSpec.Builder httpUrl(String name) {
        return FieldSpec.of(name, FieldType.TEXT)
                .check((field, value) -> isAbsoluteHttpUrl((String) value)
                        ? Optional.empty()
                        : Optional.of(new Violation(field, "must be an absolute http or https URL (was " + LooseValues.describe(value) + ")")));
    }

    /** A video to download: an http(s) URL of an .mp4 or .mov file (or without extension, e.g. a signed link). */
    public static FieldSpec.Builder videoUrl() {
        return videoUrl("video_url");
    }

    /** A video to download in a field of another name (omni-video's {@code reference_video}, {@code base_video}). */
    static FieldSpec.Builder videoUrl(String name) {
        return httpUrl(name).check((field, value) -> MediaRules.checkUrlExtension(field, (String) value,
                MediaRules.VIDEO_URL_EXTENSIONS, "an .mp4 or .mov file"));
    }

    static FieldSpec.Builder watermark() {
        return FieldSpec.of("watermark_info", FieldType.SWITCH).alias("watermark");
    }

    static FieldSpec.Builder externalTaskId() {
        return FieldSpec.of("external_task_id", FieldType.TEXT)
                .maxLength(MAX_EXTERNAL_TASK_ID_LENGTH)
                .check((field, value) -> externalTaskIdViolation(field, (String) value));
    }

    static FieldSpec.Builder callbackUrl() {
        return httpUrl("callback_url");
    }

    static Optional<Violation> notBlank(String field, Object value) {
        return value instanceof String text && text.isBlank() ? Optional.of(new Violation(field, "must not be blank")) : Optional.empty();
    }

    private static Optional<Violation> externalTaskIdViolation(String field, String id) {
        if (id.isBlank()) {
            return notBlank(field, id);
        }
        if (id.length() > MAX_ALL_DIGIT_EXTERNAL_ID_LENGTH && id.chars().allMatch(Character::isDigit)) {
            return Optional.of(new Violation(field, "must not be an all-digit string longer than "
                    + MAX_ALL_DIGIT_EXTERNAL_ID_LENGTH + " characters (it could be taken for a task_id)"));
        }
        return Optional.empty();
    }

    public static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }
}
