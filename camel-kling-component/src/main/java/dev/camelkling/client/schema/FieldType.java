package dev.camelkling.client.schema;

import dev.camelkling.client.media.KlingMedia;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The kinds of request field. Each turns a loosely typed value (from a URI option, a header or a {@code Map}
 * body) into the one canonical Java value the request holds and the JSON mapper writes, and says which plain message
 * bodies can fill it ({@link #acceptsBody}).
 */
public enum FieldType {
    /** {@code String}. */
    TEXT(LooseValues::text, BodyFit::text),
    /** A numeric-looking enumerated value that Kling wants as a string: {@code 5}, {@code "5"} → {@code "5"}. */
    NUMERIC_TEXT(LooseValues::numericText, BodyFit::numberOrText),
    /** {@code Double}. */
    DECIMAL(LooseValues::decimal, BodyFit::numberOrText),
    /** {@code Long}, converted exactly (never through {@code double}). */
    INTEGER(LooseValues::integer, BodyFit::numberOrText),
    /** {@code Boolean}, also from the text {@code true}/{@code false} (the new design's {@code multi_shot}). */
    BOOLEAN(LooseValues::bool, BodyFit::booleanOrText),
    /** {@code {"enabled": boolean}} from a boolean. */
    SWITCH(LooseValues::enabledSwitch, BodyFit::booleanOrText),
    /** {@code "yes"} or {@code "no"}, also from a boolean. */
    YES_NO(LooseValues::yesNo, BodyFit::booleanOrText),
    /** {@link CameraControl}. */
    CAMERA_CONTROL(LooseValues::cameraControl, BodyFit::cameraControl),
    /** {@link KlingMedia}. */
    MEDIA(LooseValues::media, BodyFit::media),
    /** {@code List<Map>} of {@code {"image": KlingMedia}}, from a list (or array) of media values or such maps. */
    IMAGE_LIST(LooseValues::imageList, BodyFit::mediaList),
    /**
     * {@code List<Map>} of {@code {"element_id": Long}}, from a list of ids or such maps, a {@code long[]}, or
     * comma-separated text; ids stay exact 64-bit values.
     */
    ELEMENT_LIST(LooseValues::elementList, BodyFit::idList),
    /** {@code List<DynamicMask>}. */
    DYNAMIC_MASKS(LooseValues::dynamicMasks, BodyFit::list),
    /** {@code List<Map>} of {@code {"voice_id": id}} from voice ids. */
    VOICE_LIST(LooseValues::voiceList, BodyFit::listOrText);

    private final Function<Object, Object> converter;
    private final Predicate<Object> bodyFit;

    FieldType(Function<Object, Object> converter, Predicate<Object> bodyFit) {
        this.converter = converter;
        this.bodyFit = bodyFit;
    }

    /** @throws InvalidValue naming the broken rule */
    Object coerce(Object value) {
        return converter.apply(value);
    }

    /**
     * Whether a plain message body of this Java type is a natural value of this kind: text for {@link #TEXT}; a
     * {@code byte[]}, file, path, stream, URL or raw Base64 text for {@link #MEDIA}; a list or array of those for
     * {@link #IMAGE_LIST}. Streams are not read and rules are not checked, so an accepted body may still be invalid.
     */
    public boolean acceptsBody(Object body) {
        return body != null && bodyFit.test(body);
    }
}
