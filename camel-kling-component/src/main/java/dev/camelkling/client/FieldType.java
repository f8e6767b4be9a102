package dev.camelkling.client;

import java.util.function.Function;

/**
 * The kinds of request field. Each turns a loosely typed value (from a URI option, a header or a {@code Map}
 * body) into the one canonical Java value the request holds and the JSON mapper writes.
 */
public enum FieldType {
    /** {@code String}. */
    TEXT(LooseValues::text),
    /** A numeric-looking enumerated value that Kling wants as a string: {@code 5}, {@code "5"} → {@code "5"}. */
    NUMERIC_TEXT(LooseValues::numericText),
    /** {@code Double}. */
    DECIMAL(LooseValues::decimal),
    /** {@code Long}, converted exactly (never through {@code double}). */
    INTEGER(LooseValues::integer),
    /** {@code {"enabled": boolean}} from a boolean. */
    SWITCH(LooseValues::enabledSwitch),
    /** {@link CameraControl}. */
    CAMERA_CONTROL(LooseValues::cameraControl),
    /** {@link KlingMedia}. */
    MEDIA(LooseValues::media),
    /** {@code List<DynamicMask>}. */
    DYNAMIC_MASKS(LooseValues::dynamicMasks),
    /** {@code List<Map>} of {@code {"voice_id": id}} from voice ids. */
    VOICE_LIST(LooseValues::voiceList);

    private final Function<Object, Object> converter;

    FieldType(Function<Object, Object> converter) {
        this.converter = converter;
    }

    /** @throws InvalidValue naming the broken rule */
    Object coerce(Object value) {
        return converter.apply(value);
    }
}
