package dev.camelkling.client.schema;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Conversions from loosely typed input to the canonical field values, one per {@link FieldType}. */
public final class LooseValues {

    private LooseValues() {
    }

    static Object text(Object value) {
        if (value instanceof char[] chars) {
            return new String(chars);
        }
        if (value instanceof Reader reader) {
            try {
                StringWriter out = new StringWriter();
                reader.transferTo(out);
                return out.toString();
            } catch (IOException e) {
                throw new InvalidValue("could not be read (" + e.getMessage() + ")");
            }
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>) {
            return value.toString();
        }
        throw new InvalidValue("must be text (was " + typeOf(value) + ")");
    }

    static Object numericText(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Duration duration) {
            return duration.toNanosPart() == 0 ? Long.toString(duration.toSeconds()) : duration.toString();
        }
        if (value instanceof Number number) {
            try {
                return plain(new BigDecimal(number.toString()));
            } catch (NumberFormatException e) {
                throw new InvalidValue("must be a finite number (was " + number + ")");
            }
        }
        if (value instanceof CharSequence text) {
            String trimmed = text.toString().trim();
            try {
                return plain(new BigDecimal(trimmed));
            } catch (NumberFormatException e) {
                return trimmed; // left as is so that the enum check reports the original value
            }
        }
        throw new InvalidValue("must be a number or numeric text (was " + typeOf(value) + ")");
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    static Object decimal(Object value) {
        double result;
        if (value instanceof Number number) {
            result = number.doubleValue();
        } else if (value instanceof CharSequence text) {
            try {
                result = Double.parseDouble(text.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidValue("must be a number (was \"" + shorten(text) + "\")");
            }
        } else {
            throw new InvalidValue("must be a number (was " + typeOf(value) + ")");
        }
        if (!Double.isFinite(result)) {
            throw new InvalidValue("must be a finite number (was " + result + ")");
        }
        return result;
    }

    static Object integer(Object value) {
        try {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big) {
                return big.longValueExact();
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString()).longValueExact();
            }
            if (value instanceof CharSequence text) {
                return new BigDecimal(text.toString().trim()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidValue("must be a whole number within 64 bits (was \"" + shorten(value.toString()) + "\")");
        }
        throw new InvalidValue("must be a whole number (was " + typeOf(value) + ")");
    }

    static Object enabledSwitch(Object value) {
        return Map.of("enabled", bool(value));
    }

    /** A boolean, also from the text {@code true}/{@code false}. */
    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence text) {
            String t = text.toString().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.parseBoolean(t);
            }
        }
        if (value instanceof Map<?, ?> map && map.containsKey("enabled")) {
            return bool(map.get("enabled"));
        }
        throw new InvalidValue("must be true or false (was " + describe(value) + ")");
    }

    /** {@code true}/{@code false} (also as text) become {@code "yes"}/{@code "no"}; other text is kept for the enum check. */
    static Object yesNo(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof CharSequence text) {
            String t = text.toString().trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "true" -> "yes";
                case "false" -> "no";
                default -> t;
            };
        }
        throw new InvalidValue("must be yes, no or a boolean (was " + typeOf(value) + ")");
    }

    /** Numbers as written ({@code BigDecimal} for decimals), like every other value the schema reads. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String json) {
        try {
            if (JSON.readValue(json, Object.class) instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new InvalidValue("must be valid JSON");
    }

    static Object cameraControl(Object value) {
        if (value instanceof CameraControl control) {
            return control;
        }
        if (value instanceof CharSequence text) {
            String trimmed = text.toString().trim();
            if (trimmed.startsWith("{")) {
                return cameraControl(jsonObject(trimmed));
            }
            try {
                return CameraControl.parse(trimmed);
            } catch (IllegalArgumentException e) {
                throw new InvalidValue("must look like \"down_back\" or \"simple:zoom=5\" (" + e.getMessage() + ")");
            }
        }
        if (value instanceof Map<?, ?> map) {
            Object type = map.get("type");
            if (type == null) {
                throw new InvalidValue(".type", "is required");
            }
            Object config = map.get("config");
            return new CameraControl(text(type).toString(), config == null ? null : axes(config));
        }
        throw new InvalidValue("must be a CameraControl, its text form or a map (was " + typeOf(value) + ")");
    }

    private static Map<String, Integer> axes(Object config) {
        if (!(config instanceof Map<?, ?> map)) {
            throw new InvalidValue(".config", "must be an object of axis values (was " + typeOf(config) + ")");
        }
        Map<String, Integer> axes = new LinkedHashMap<>();
        map.forEach((axis, v) -> {
            try {
                axes.put(String.valueOf(axis), v == null ? null : Math.toIntExact((Long) integer(v)));
            } catch (ArithmeticException | InvalidValue e) {
                throw new InvalidValue(".config." + axis, "must be a whole number (was " + describe(v) + ")");
            }
        });
        return axes;
    }

    static Object media(Object value) {
        try {
            if (value instanceof KlingMedia media) {
                return media;
            }
            if (value instanceof CharSequence text) {
                return KlingMedia.fromString(text.toString());
            }
            if (value instanceof byte[] bytes) {
                return KlingMedia.of(bytes);
            }
            if (value instanceof Path path) {
                return KlingMedia.of(path);
            }
            if (value instanceof File file) {
                return KlingMedia.of(file);
            }
            if (value instanceof InputStream in) {
                return KlingMedia.of(in);
            }
            if (value instanceof URI || value instanceof URL) {
                return KlingMedia.url(value.toString());
            }
        } catch (KlingValidationException e) {
            throw new InvalidValue(e.rule());
        }
        throw new InvalidValue("must be a URL, raw Base64 text, byte[], Path, File, InputStream or KlingMedia (was "
                + typeOf(value) + ")");
    }

    /** Images as {@code [{"image": media}]}; items may be media values or maps that already have that shape. */
    static Object imageList(Object value) {
        return wrappedItems(value, "image", item -> {
            if (item == null) {
                throw new InvalidValue("is required");
            }
            return media(item);
        });
    }

    /**
     * Element ids as {@code [{"element_id": id}]}, each an exact {@code Long}; from ids, maps of that shape, a
     * {@code long[]} or comma-separated text.
     */
    static Object elementList(Object value) {
        Object list = value instanceof CharSequence text ? splitList(text) : value;
        return wrappedItems(list, "element_id", item -> {
            if (item == null || (item instanceof CharSequence text && text.toString().isBlank())) {
                throw new InvalidValue("is required");
            }
            return integer(item);
        });
    }

    /** Converts each item (or the {@code key} entry of a map item) and wraps it back as {@code {key: value}}. */
    private static List<Map<String, Object>> wrappedItems(Object value, String key, Function<Object, Object> convert) {
        List<Object> items = items(value);
        List<Map<String, Object>> wrapped = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            Object inner = item instanceof Map<?, ?> map ? map.get(key) : item;
            try {
                wrapped.add(Map.of(key, convert.apply(inner)));
            } catch (InvalidValue e) {
                throw e.under("[" + i + "]." + key);
            }
        }
        return List.copyOf(wrapped);
    }

    private static List<Object> splitList(CharSequence text) {
        String trimmed = text.toString().trim();
        return trimmed.isEmpty() ? List.of() : List.of((Object[]) trimmed.split("\\s*,\\s*"));
    }

    static Object dynamicMasks(Object value) {
        List<Object> items = items(value);
        List<DynamicMask> masks = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                masks.add(dynamicMask(items.get(i)));
            } catch (InvalidValue e) {
                throw e.under("[" + i + "]");
            }
        }
        return List.copyOf(masks);
    }

    private static DynamicMask dynamicMask(Object value) {
        if (value instanceof DynamicMask mask) {
            return mask;
        }
        if (value instanceof Map<?, ?> map) {
            Object mask = map.get("mask");
            if (mask == null) {
                throw new InvalidValue(".mask", "is required");
            }
            KlingMedia media;
            try {
                media = (KlingMedia) media(mask);
            } catch (InvalidValue e) {
                throw e.under(".mask");
            }
            Object trajectories = map.get("trajectories");
            List<Object> points = trajectories == null ? List.of() : items(trajectories);
            List<TrajectoryPoint> path = new ArrayList<>(points.size());
            for (int i = 0; i < points.size(); i++) {
                try {
                    path.add(point(points.get(i)));
                } catch (InvalidValue e) {
                    throw e.under(".trajectories[" + i + "]");
                }
            }
            return new DynamicMask(media, path);
        }
        throw new InvalidValue("must be a DynamicMask or a map {mask, trajectories} (was " + typeOf(value) + ")");
    }

    private static TrajectoryPoint point(Object value) {
        if (value instanceof TrajectoryPoint point) {
            return point;
        }
        if (value instanceof Map<?, ?> map && map.containsKey("x") && map.containsKey("y")) {
            return new TrajectoryPoint(coordinate(map.get("x")), coordinate(map.get("y")));
        }
        if (value instanceof Collection<?> || (value != null && value.getClass().isArray())) {
            List<Object> pair = items(value);
            if (pair.size() == 2) {
                return new TrajectoryPoint(coordinate(pair.get(0)), coordinate(pair.get(1)));
            }
        }
        throw new InvalidValue("must be a point {x, y} or [x, y] (was " + describe(value) + ")");
    }

    private static int coordinate(Object value) {
        try {
            return Math.toIntExact((Long) integer(value));
        } catch (ArithmeticException e) {
            throw new InvalidValue("coordinates must be whole numbers within int range (was " + describe(value) + ")");
        }
    }

    static Object voiceList(Object value) {
        List<Object> items = value instanceof CharSequence text ? splitList(text) : items(value);
        List<Map<String, String>> voices = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            Object id = item instanceof Map<?, ?> map ? map.get("voice_id") : item;
            if (!(id instanceof CharSequence) || id.toString().isBlank()) {
                throw new InvalidValue("[" + i + "]", "must be a voice id (was " + describe(item) + ")");
            }
            voices.add(Map.of("voice_id", id.toString().trim()));
        }
        return List.copyOf(voices);
    }

    static List<Object> items(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) { // a byte[] is content, not a list
            int length = Array.getLength(value);
            List<Object> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                list.add(Array.get(value, i));
            }
            return list;
        }
        throw new InvalidValue("must be a list (was " + typeOf(value) + ")");
    }

    static String typeOf(Object value) {
        return value == null ? "null" : "a " + value.getClass().getSimpleName();
    }

    /** Short values are shown; long or binary ones only by type, so that payloads never land in messages. */
    static String describe(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof CharSequence text) {
            return "\"" + shorten(text) + "\"";
        }
        return typeOf(value);
    }

    public static String shorten(CharSequence text) {
        return text.length() <= 40 ? text.toString() : text.subSequence(0, 37) + "...";
    }
}
