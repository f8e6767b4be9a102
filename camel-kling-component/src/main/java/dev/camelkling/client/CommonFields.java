package dev.camelkling.client;

import java.net.URI;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Field definitions shared by several features, so that e.g. {@code prompt} or {@code camera_control} follow the
 * same rules (and give the same messages) everywhere.
 */
final class CommonFields {

    static final int MAX_PROMPT_LENGTH = 2500;
    static final int MAX_EXTERNAL_TASK_ID_LENGTH = 256;
    /** Kling task ids are 18-digit strings; an external id of that shape would be ambiguous in path lookups (§2.6). */
    static final int MAX_ALL_DIGIT_EXTERNAL_ID_LENGTH = 15;

    private CommonFields() {
    }

    /** {@code model_name} among the known video models, restricted to those that can serve {@code featureName}. */
    static FieldSpec.Builder videoModel(Predicate<KlingVideoModel> supports, String featureName) {
        return FieldSpec.of("model_name", FieldType.TEXT)
                .alias("model")
                .oneOf(KlingVideoModel.modelNames())
                .check((field, value) -> KlingVideoModel.fromModelName((String) value)
                        .filter(model -> !supports.test(model))
                        .map(model -> new Violation(field, LooseValues.describe(value) + " does not support " + featureName)));
    }

    static FieldSpec.Builder prompt(boolean required) {
        FieldSpec.Builder prompt = FieldSpec.of("prompt", FieldType.TEXT).maxLength(MAX_PROMPT_LENGTH);
        return required ? prompt.required() : prompt;
    }

    static FieldSpec.Builder negativePrompt() {
        return FieldSpec.of("negative_prompt", FieldType.TEXT).maxLength(MAX_PROMPT_LENGTH);
    }

    static FieldSpec.Builder cfgScale() {
        return FieldSpec.of("cfg_scale", FieldType.DECIMAL).range(0, 1);
    }

    static FieldSpec.Builder mode() {
        return FieldSpec.of("mode", FieldType.TEXT).oneOf("std", "pro");
    }

    static FieldSpec.Builder aspectRatio(String... ratios) {
        return FieldSpec.of("aspect_ratio", FieldType.TEXT).oneOf(ratios);
    }

    static FieldSpec.Builder duration(String... seconds) {
        return FieldSpec.of("duration", FieldType.NUMERIC_TEXT).oneOf(seconds);
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

    static FieldSpec.Builder watermark() {
        return FieldSpec.of("watermark_info", FieldType.SWITCH).alias("watermark");
    }

    static FieldSpec.Builder externalTaskId() {
        return FieldSpec.of("external_task_id", FieldType.TEXT)
                .maxLength(MAX_EXTERNAL_TASK_ID_LENGTH)
                .check((field, value) -> externalTaskIdViolation(field, (String) value));
    }

    static FieldSpec.Builder callbackUrl() {
        return FieldSpec.of("callback_url", FieldType.TEXT)
                .check((field, value) -> isAbsoluteHttpUrl((String) value)
                        ? Optional.empty()
                        : Optional.of(new Violation(field, "must be an absolute http or https URL (was " + LooseValues.describe(value) + ")")));
    }

    private static Optional<Violation> externalTaskIdViolation(String field, String id) {
        if (id.isBlank()) {
            return Optional.of(new Violation(field, "must not be blank"));
        }
        if (id.length() > MAX_ALL_DIGIT_EXTERNAL_ID_LENGTH && id.chars().allMatch(Character::isDigit)) {
            return Optional.of(new Violation(field, "must not be an all-digit string longer than "
                    + MAX_ALL_DIGIT_EXTERNAL_ID_LENGTH + " characters (it could be taken for a task_id)"));
        }
        return Optional.empty();
    }

    private static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }
}
