package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.http.ApiException;

import java.util.List;

/**
 * Typed access to a create request body in which every violation becomes 400/1201 with a message
 * naming the field. JSON {@code null} counts as absent. Types are strict: enumerated numeric-looking
 * values such as {@code duration} must be JSON strings, as the API documents them (§2.3).
 */
public final class RequestFields {
    public static final int MAX_PROMPT_CHARS = 2500;

    private final ObjectNode body;
    /** Prepended to field names in messages: {@code ""} for the body, {@code "settings."} for a nested object. */
    private final String prefix;

    public RequestFields(ObjectNode body) {
        this(body, "");
    }

    private RequestFields(ObjectNode body, String prefix) {
        this.body = body;
        this.prefix = prefix;
    }

    /** A nested object's fields, named {@code name.field} in messages; an empty one when absent. */
    public RequestFields section(String name) {
        JsonNode node = object(name);
        return new RequestFields(node == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) node,
                path(name) + ".");
    }

    /** The field's name as messages show it, e.g. {@code settings.duration}. */
    public String path(String name) {
        return prefix + name;
    }

    public boolean has(String name) {
        JsonNode node = body.get(name);
        return node != null && !node.isNull();
    }

    public JsonNode node(String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** @return the string value, or {@code null} when absent */
    public String string(String name) {
        return string(path(name), node(name));
    }

    public static String string(String fieldPath, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidParameter(fieldPath + " must be a string");
        }
        return node.asText();
    }

    /** A free-text field limited to {@code maxChars} Unicode characters; {@code null} when absent. */
    public String text(String name, boolean required, int maxChars) {
        String value = string(name);
        if (required && (value == null || value.isBlank())) {
            throw ApiException.invalidParameter(path(name) + " is required and must not be empty");
        }
        if (value != null && value.codePointCount(0, value.length()) > maxChars) {
            throw ApiException.invalidParameter(path(name) + " must be at most " + maxChars + " characters");
        }
        return value;
    }

    /** A string enum; the default when absent. */
    public String oneOf(String name, List<String> allowed, String defaultValue) {
        String value = string(name);
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw ApiException.invalidParameter(path(name) + " must be one of " + String.join(", ", allowed) + " (got \"" + value + "\")");
        }
        return value;
    }

    /** A number in [min, max]; {@code null} when absent. */
    public Double number(String name, double min, double max) {
        return number(path(name), node(name), min, max);
    }

    public static Double number(String fieldPath, JsonNode node, double min, double max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw ApiException.invalidParameter(fieldPath + " must be a number between " + format(min) + " and " + format(max));
        }
        double value = node.asDouble();
        if (!(value >= min && value <= max)) {
            throw ApiException.invalidParameter(fieldPath + " must be between " + format(min) + " and " + format(max)
                    + " (got " + node.asText() + ")");
        }
        return value;
    }

    /** An integer (a JSON integral number, never a string or a fraction) in [min, max]; {@code null} when absent. */
    public Long integer(String name, long min, long max) {
        return integer(path(name), node(name), min, max);
    }

    public static Long integer(String fieldPath, JsonNode node, long min, long max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.invalidParameter(fieldPath + " must be an integer between " + min + " and " + max);
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw ApiException.invalidParameter(fieldPath + " must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }

    /** An object; {@code null} when absent. */
    public JsonNode object(String name) {
        JsonNode node = node(name);
        if (node != null && !node.isObject()) {
            throw ApiException.invalidParameter(path(name) + " must be an object");
        }
        return node;
    }

    /** An array; {@code null} when absent. */
    public JsonNode array(String name) {
        JsonNode node = node(name);
        if (node != null && !node.isArray()) {
            throw ApiException.invalidParameter(path(name) + " must be an array");
        }
        return node;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
