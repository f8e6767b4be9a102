package dev.camelkling.kamelets.generator;

import java.util.List;
import java.util.Set;

import dev.camelkling.client.schema.FieldSpec;

/**
 * One property of a Kamelet: a JSON-schema property whose title, description, type, default and enum come from a
 * kling endpoint option, narrowed for one feature by that feature's request schema (the values, range and length the
 * component itself accepts for the field).
 */
record KameletProperty(String name, String title, String description, String type, List<Object> enumValues,
        Object defaultValue, Number minimum, Number maximum, Integer maxLength, boolean secret) {

    private static final Set<String> INTEGER_JAVA_TYPES = Set.of("int", "long", "java.lang.Integer", "java.lang.Long");

    KameletProperty {
        enumValues = List.copyOf(enumValues);
    }

    static KameletProperty of(ComponentOption option) {
        String type = switch (option.type()) {
            case "string", "duration", "array" -> "string"; // Camel's text forms: 500, 2s, 1m30s; a,b,c
            case "integer" -> "integer";
            case "number" -> "number";
            case "boolean" -> "boolean";
            case "enum" -> INTEGER_JAVA_TYPES.contains(option.javaType()) ? "integer" : "string";
            default -> throw new IllegalArgumentException("option " + option.name() + " of type " + option.type()
                                                          + " cannot be a Kamelet property");
        };
        List<Object> enums = option.enumValues().stream().map(value -> typed(type, value)).toList();
        // Camel's metadata gives a Boolean option the default false too, but an unset Boolean is "not sent" (a
        // multiShot=false on a legacy model would be refused): only a primitive boolean has a real default
        boolean unsetMeansNotSent = "java.lang.Boolean".equals(option.javaType());
        Object defaultValue = option.hasDefault() && !unsetMeansNotSent ? typed(type, option.defaultValue()) : null;
        return new KameletProperty(option.name(), option.displayName(), option.description(), type, enums, defaultValue,
                null, null, null, option.secret());
    }

    /** The rules the feature's request schema puts on this option's field: allowed values, range, length. */
    KameletProperty narrowedBy(FieldSpec field) {
        List<Object> enums = field.allowedValues().isEmpty() ? enumValues
                : field.allowedValues().stream().map(value -> typed(type, value)).toList();
        Number min = field.min().isPresent() ? number(field.min().getAsDouble()) : minimum;
        Number max = field.max().isPresent() ? number(field.max().getAsDouble()) : maximum;
        Integer length = field.maxLength().isPresent() ? (Integer) field.maxLength().getAsInt() : maxLength;
        return new KameletProperty(name, title, description, type, enums, defaultValue, min, max, length, secret);
    }

    /** The same property with another default, for an option whose real default is not the one kling.json states. */
    KameletProperty withDefault(Object newDefault) {
        return new KameletProperty(name, title, description, type, enumValues, typed(type, newDefault), minimum, maximum,
                maxLength, secret);
    }

    /**
     * How the template hands the property to the kling URI. A property without a default is optional ({@code {{?name}}},
     * dropped when unset). Keys go inside RAW(...), which keeps '+', '&amp;' and '%' from being read as URI syntax:
     * Camel K passes a Pipe's properties as application properties, so a key arrives as written. Other values follow
     * apache/camel-kamelets and stay plain, so that values written into kamelet: URIs (encoded, spaces as %20) are
     * decoded once as usual; such a value with '&amp;', '%', '+' or '#' is given as RAW(value) by the user, which reaches
     * the kling URI as it is (docs/deploy-camel-k.md).
     */
    String placeholder() {
        String placeholder = "{{" + (defaultValue == null ? "?" : "") + name + "}}";
        return secret ? "RAW(" + placeholder + ")" : placeholder;
    }

    private static Object typed(String type, Object value) {
        String text = String.valueOf(value);
        return switch (type) {
            case "integer" -> Long.valueOf(text);
            case "number" -> Double.valueOf(text);
            case "boolean" -> Boolean.valueOf(text);
            default -> text;
        };
    }

    private static Number number(double value) {
        return value == Math.rint(value) ? (Number) (long) value : (Number) value;
    }
}
