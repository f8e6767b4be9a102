package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;

import java.util.List;

/**
 * The {@code settings{}} of a new-design create checked against the model's row (kling-api-2026.md §2.3), plus the
 * fields the new design no longer has. Every refusal is 400/1201 naming the field, the model and the rule.
 */
final class NewDesignSettings {
    static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1");
    static final String HD_1080 = "1080p";
    /** Legacy fields the new design dropped (§2.3, §1: the model is in the path). */
    private static final List<String> LEGACY_ONLY = List.of("model_name", "negative_prompt", "cfg_scale", "mode",
            "camera_control", "image_tail");

    private NewDesignSettings() {
    }

    /** The body's {@code settings}; refuses legacy-only fields there and at the top level. */
    static RequestFields read(RequestFields body) {
        rejectLegacyFields(body);
        RequestFields settings = body.section("settings");
        rejectLegacyFields(settings);
        return settings;
    }

    private static void rejectLegacyFields(RequestFields fields) {
        for (String name : LEGACY_ONLY) {
            if (fields.has(name)) {
                throw ApiException.invalidParameter(fields.path(name) + " is not part of the new design"
                        + ("model_name".equals(name) ? ": the model is named in the path" : " (legacy /v1 only)"));
            }
        }
    }

    /**
     * {@code resolution}: one of the model's; when {@code needs1080p} names a reason, it must be 1080p and defaults
     * to it, otherwise it defaults to the model's first.
     */
    static String resolution(RequestFields settings, NewDesignModel model, String needs1080p) {
        String value = settings.oneOf("resolution", model.resolutions(),
                needs1080p == null ? model.defaultResolution() : HD_1080);
        if (needs1080p != null && !HD_1080.equals(value)) {
            throw ApiException.invalidParameter(settings.path("resolution") + " must be 1080p on " + model.name()
                    + " " + needs1080p + " (got \"" + value + "\")");
        }
        return value;
    }

    /** {@code duration}: a JSON integer among the model's durations, default 5; absent where the model has none. */
    static int duration(RequestFields settings, NewDesignModel model) {
        if (!model.hasDuration()) {
            absent(settings, "duration", "on " + model.name() + " here: the result follows the input video");
            return 0;
        }
        JsonNode node = settings.node("duration");
        if (node == null) {
            return NewDesignModel.DEFAULT_DURATION;
        }
        if (!node.isIntegralNumber() || !model.durations().contains(node.asInt()) || !node.canConvertToInt()) {
            throw ApiException.invalidParameter(settings.path("duration") + " must be an integer number of seconds, "
                    + model.durationsText() + ", on " + model.name() + " (got " + node + ")");
        }
        return node.asInt();
    }

    /** {@code audio}: one of the model's values, its first by default; absent where the model has none. */
    static String audio(RequestFields settings, NewDesignModel model) {
        if (!model.hasAudio()) {
            absent(settings, "audio", "on " + model.name());
            return "off";
        }
        return settings.oneOf("audio", model.audio(), model.audio().get(0));
    }

    /** {@code multi_shot}: a boolean where the model has it ({@code defaultValue} when absent); else absent. */
    static boolean multiShot(RequestFields settings, NewDesignModel model, boolean defaultValue) {
        if (!model.multiShotField()) {
            absent(settings, "multi_shot", "on " + model.name());
            return false;
        }
        JsonNode node = settings.node("multi_shot");
        if (node == null) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw ApiException.invalidParameter(settings.path("multi_shot") + " must be a boolean");
        }
        return node.asBoolean();
    }

    /** {@code aspect_ratio} on the paths that take it: 16:9 (default), 9:16 or 1:1; {@code required} names when it must be sent. */
    static String aspectRatio(RequestFields settings, String required) {
        if (required != null && !settings.has("aspect_ratio")) {
            throw ApiException.invalidParameter(settings.path("aspect_ratio") + " is required " + required);
        }
        return settings.oneOf("aspect_ratio", ASPECT_RATIOS, "16:9");
    }

    /** Refuses a field this model or path does not take. */
    static void absent(RequestFields settings, String name, String where) {
        if (settings.has(name)) {
            throw ApiException.invalidParameter(settings.path(name) + " is not supported " + where);
        }
    }

    /** The prompt's length limit and, on the 3.0 family, its multi-shot syntax. */
    static void prompt(String field, String prompt, NewDesignModel model, boolean multiShot, int duration) {
        if (prompt == null) {
            return;
        }
        if (prompt.codePointCount(0, prompt.length()) > model.promptMax()) {
            throw ApiException.invalidParameter(field + " must be at most " + model.promptMax() + " characters on "
                    + model.name());
        }
        if (model.shotSyntax() && MultiShotPrompt.uses(prompt)) {
            if (model.multiShotField() && !multiShot) {
                throw ApiException.invalidParameter(field + " uses the multi-shot syntax but settings.multi_shot is false");
            }
            MultiShotPrompt.check(field, prompt, duration);
        }
    }
}
