package dev.camelkling.client.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kling's {@code camera_control}: a preset {@code type}, or {@code simple} with a six-axis {@code config} in which
 * exactly one axis is non-zero. Rules are checked by request validation, not here, so that a wrong value is
 * reported with the request's field name.
 */
public record CameraControl(String type, Map<String, Integer> config) {

    public static final String SIMPLE = "simple";
    /** The documented types; {@code simple} takes a config, the others must not. */
    public static final List<String> TYPES = List.of(SIMPLE, "down_back", "forward_up", "right_turn_forward", "left_turn_forward");
    /** The config axes, in the order Kling documents them. */
    public static final List<String> AXES = List.of("horizontal", "vertical", "pan", "tilt", "roll", "zoom");

    public CameraControl {
        Objects.requireNonNull(type, "type");
        config = config == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** A preset movement such as {@code down_back}. */
    public static CameraControl preset(String type) {
        return new CameraControl(type, null);
    }

    /** {@code simple} moving along one axis; the other five axes are sent as 0, as in the vendor example. */
    public static CameraControl simple(String axis, int value) {
        Map<String, Integer> config = zeroConfig();
        config.put(axis, value);
        return new CameraControl(SIMPLE, config);
    }

    /**
     * Parses {@code "down_back"}, {@code "simple:zoom=5"} or {@code "simple:horizontal=0,zoom=5"}. Axes left out
     * are 0.
     *
     * @throws IllegalArgumentException if the text does not have that shape
     */
    public static CameraControl parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("camera control text is empty");
            }
            return trimmed.equals(SIMPLE) ? new CameraControl(SIMPLE, zeroConfig()) : preset(trimmed);
        }
        String type = trimmed.substring(0, colon).trim();
        Map<String, Integer> config = SIMPLE.equals(type) ? zeroConfig() : new LinkedHashMap<>();
        for (String pair : trimmed.substring(colon + 1).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] keyValue = pair.split("=", 2);
            if (keyValue.length != 2) {
                throw new IllegalArgumentException("expected axis=value, got '" + pair.trim() + "' in '" + text + "'");
            }
            try {
                config.put(keyValue[0].trim(), Integer.parseInt(keyValue[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("axis value must be an integer, got '" + keyValue[1].trim() + "' in '" + text + "'");
            }
        }
        return new CameraControl(type, config);
    }

    private static Map<String, Integer> zeroConfig() {
        Map<String, Integer> config = new LinkedHashMap<>();
        AXES.forEach(axis -> config.put(axis, 0));
        return config;
    }
}
