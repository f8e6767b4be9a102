package dev.camelkling.client.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The video fields whose validity depends on the model ({@code sound}, {@code cfg_scale}, {@code mode}), checked
 * against the {@link KlingVideoModel} row of the request's {@code model_name}, or of the feature's documented default
 * model when it is absent and that default is still served. A model no table knows gets none of these checks
 * ({@link KlingModels}). Messages name the field, the model and the rule.
 */
final class VideoModelRules {

    private VideoModelRules() {
    }

    /**
     * {@code model_name} of a video feature: a known video model must serve {@code featureName}, a model known only to
     * the other tables is refused, and a name no table knows is sent as it is.
     */
    static FieldSpec.Builder modelName(Predicate<KlingVideoModel> supports, String featureName) {
        return FieldSpec.of("model_name", FieldType.TEXT).check((field, value) -> KlingModels.passUnknown(featureName, (String) value)
                .flatMap(known -> knownModelViolation(field, known, supports, featureName)));
    }

    private static Optional<Violation> knownModelViolation(String field, String known, Predicate<KlingVideoModel> supports,
            String featureName) {
        List<String> serving = KlingVideoModel.modelNames(supports);
        Optional<KlingVideoModel> videoModel = KlingVideoModel.fromModelName(known);
        if (videoModel.isEmpty()) {
            return Optional.of(new Violation(field, "must be one of " + serving + " (was " + LooseValues.describe(known)
                    + "): it is not a " + featureName + " model"));
        }
        return supports.test(videoModel.get()) ? Optional.empty() : Optional.of(new Violation(field, LooseValues.describe(known)
                + " does not support " + featureName + " (models that do: " + serving + ")"));
    }

    /**
     * The model-dependent rules of a video feature without a usable default model: when {@code model_name} is absent
     * only the model-independent rules apply. text2video and image2video document kling-v1 as their default, and
     * kling-v1 is discontinued (kling-api-2026.md §1), so what the server uses instead is not documented.
     */
    static List<CrossFieldRule> capabilities() {
        return capabilities(null);
    }

    /** The model-dependent rules of a video feature whose {@code model_name} defaults to {@code defaultModel} (may be null). */
    static List<CrossFieldRule> capabilities(KlingVideoModel defaultModel) {
        return List.of(sound(defaultModel), cfgScale(defaultModel), mode(defaultModel));
    }

    /** {@code sound: "on"} needs a model that makes sound. */
    static CrossFieldRule sound(KlingVideoModel defaultModel) {
        return fields -> {
            if (!"on".equals(fields.get("sound"))) {
                return Optional.empty();
            }
            return model(fields, defaultModel).filter(model -> !model.supportsSound()).map(model -> new Violation("sound",
                    "must not be \"on\" with model_name " + describe(fields, model) + ": that model makes no sound (models that do: "
                            + KlingVideoModel.modelNames(KlingVideoModel::supportsSound) + ")"));
        };
    }

    /** {@code cfg_scale} must be absent for the models without it (Kling: "not supported by v2.x models; omit it"). */
    static CrossFieldRule cfgScale(KlingVideoModel defaultModel) {
        return fields -> {
            if (!CrossFieldRules.given(fields, "cfg_scale")) {
                return Optional.empty();
            }
            return model(fields, defaultModel).filter(model -> !model.supportsCfgScale()).map(model -> new Violation("cfg_scale",
                    "must be absent with model_name " + describe(fields, model) + ": that model does not support cfg_scale (models that do: "
                            + KlingVideoModel.modelNames(KlingVideoModel::supportsCfgScale) + ")"));
        };
    }

    /** {@code mode} must be one of the model's modes, and absent for a model without modes. */
    static CrossFieldRule mode(KlingVideoModel defaultModel) {
        return fields -> {
            if (!(fields.get("mode") instanceof String mode)) {
                return Optional.empty();
            }
            return model(fields, defaultModel).filter(model -> !model.modes().contains(mode)).map(model -> new Violation("mode",
                    model.modes().isEmpty()
                            ? "must be absent with model_name " + describe(fields, model) + ": that model has no std/pro modes"
                            : "must be one of " + model.modes() + " with model_name " + describe(fields, model) + " (was "
                                    + LooseValues.describe(mode) + ")"));
        };
    }

    /**
     * The request's model, or the default when {@code model_name} is absent; empty for a name the video table does not
     * know (refused or passed through by {@link #modelName}) and for an absent name without a default.
     */
    private static Optional<KlingVideoModel> model(Map<String, Object> fields, KlingVideoModel defaultModel) {
        Object name = fields.get("model_name");
        return name == null ? Optional.ofNullable(defaultModel) : KlingVideoModel.fromModelName(String.valueOf(name));
    }

    private static String describe(Map<String, Object> fields, KlingVideoModel model) {
        return model.modelName() + (fields.get("model_name") == null ? " (the default)" : "");
    }
}
