package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;

import java.util.List;

/** Rules shared by the video products: mode, duration, cfg_scale, sound, camera_control, negative_prompt. */
final class VideoFields {
    static final List<String> MODES = List.of("std", "pro");
    static final List<String> DURATIONS = List.of("5", "10");
    static final List<String> SOUND = List.of("on", "off");
    static final List<String> CAMERA_TYPES = List.of("simple", "down_back", "forward_up", "right_turn_forward", "left_turn_forward");
    static final List<String> CAMERA_AXES = List.of("horizontal", "vertical", "pan", "tilt", "roll", "zoom");

    private VideoFields() {
    }

    /**
     * Validates {@code mode} against the model's row of the {@link ModelCatalog}: a model without
     * modes (kling-v2-master, kling-v2-1-master) takes no {@code mode} at all.
     *
     * @return the mode, {@code std} when absent, or {@code null} for a model without modes
     */
    static String mode(RequestFields fields, String model) {
        ModelCatalog.Model row = ModelCatalog.model(model);
        if (!row.hasModes()) {
            if (fields.has("mode")) {
                throw ApiException.invalidParameter("mode is not supported by model_name " + model
                        + ": this model has no std/pro mode, so mode must be absent");
            }
            return null;
        }
        return fields.oneOf("mode", row.modes(), row.modes().get(0));
    }

    /** Duration in seconds; a JSON number is rejected because the API types it as a string. */
    static int duration(RequestFields fields) {
        JsonNode node = fields.node("duration");
        if (node != null && !node.isTextual()) {
            throw ApiException.invalidParameter("duration must be a string, \"5\" or \"10\"");
        }
        String value = fields.string("duration");
        if (value == null) {
            return 5;
        }
        if (!DURATIONS.contains(value)) {
            throw ApiException.invalidParameter("duration only supports \"5\" or \"10\" (got \"" + value + "\")");
        }
        return Integer.parseInt(value);
    }

    /** A number in [0, 1]; no video-extend model check (the source's model is inherited). */
    static void cfgScale(RequestFields fields) {
        fields.number("cfg_scale", 0, 1);
    }

    /** {@code cfg_scale} in [0, 1] for models that take it; for the others (v2.x and later) it must be absent. */
    static void cfgScale(RequestFields fields, String model, String product) {
        if (fields.has("cfg_scale") && !ModelCatalog.supports(model, ModelCatalog.CFG_SCALE)) {
            throw ApiException.invalidParameter("cfg_scale is not supported by model_name " + model
                    + ": only " + ModelCatalog.modelsWith(product, ModelCatalog.CFG_SCALE)
                    + " take cfg_scale, so it must be absent for this model");
        }
        cfgScale(fields);
    }

    /** Validates {@code sound}; "on" needs a model with the sound capability. */
    static boolean sound(RequestFields fields, String model, String product) {
        boolean on = "on".equals(fields.oneOf("sound", SOUND, "off"));
        if (on && !ModelCatalog.supports(model, ModelCatalog.SOUND)) {
            throw ApiException.invalidParameter("sound \"on\" is not supported by model_name " + model
                    + ": only " + ModelCatalog.modelsWith(product, ModelCatalog.SOUND) + " produce sound");
        }
        return on;
    }

    static String negativePrompt(RequestFields fields) {
        return fields.text("negative_prompt", false, RequestFields.MAX_PROMPT_CHARS);
    }

    /** @return whether a camera_control was given */
    static boolean cameraControl(RequestFields fields) {
        JsonNode camera = fields.object("camera_control");
        if (camera == null) {
            return false;
        }
        String type = RequestFields.string("camera_control.type", camera.get("type"));
        if (type == null || !CAMERA_TYPES.contains(type)) {
            throw ApiException.invalidParameter("camera_control.type must be one of " + String.join(", ", CAMERA_TYPES));
        }
        JsonNode config = camera.get("config");
        boolean configGiven = config != null && !config.isNull();
        if (configGiven && !config.isObject()) {
            throw ApiException.invalidParameter("camera_control.config must be an object");
        }
        if (!"simple".equals(type)) {
            if (configGiven && nonZeroAxes(config) > 0) {
                throw ApiException.invalidParameter("camera_control.config must be empty unless camera_control.type is simple");
            }
            return true;
        }
        if (!configGiven) {
            throw ApiException.invalidParameter("camera_control.config is required when camera_control.type is simple");
        }
        if (nonZeroAxes(config) != 1) {
            throw ApiException.invalidParameter("camera_control.config must have exactly one non-zero value among "
                    + String.join(", ", CAMERA_AXES));
        }
        return true;
    }

    private static int nonZeroAxes(JsonNode config) {
        int nonZero = 0;
        for (String axis : CAMERA_AXES) {
            Double value = RequestFields.number("camera_control.config." + axis, config.get(axis), -10, 10);
            if (value != null && value != 0.0) {
                nonZero++;
            }
        }
        return nonZero;
    }

    /** Made-up but stable pricing: 1 unit per 5 s, doubled for pro. */
    static String unitDeduction(String mode, int durationSeconds) {
        int units = (durationSeconds / 5) * ("pro".equals(mode) ? 2 : 1);
        return Integer.toString(units);
    }
}
