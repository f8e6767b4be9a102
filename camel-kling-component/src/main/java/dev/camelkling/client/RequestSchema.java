package dev.camelkling.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one feature's create request and the rules between them. Validation and the conversion of
 * loosely typed input are written once here and driven by this data.
 */
public final class RequestSchema {

    private final List<FieldSpec> fields;
    private final Map<String, FieldSpec> byAnyName;
    private final List<CrossFieldRule> crossFieldRules;

    private RequestSchema(List<FieldSpec> fields, List<CrossFieldRule> crossFieldRules) {
        this.fields = List.copyOf(fields);
        this.crossFieldRules = List.copyOf(crossFieldRules);
        Map<String, FieldSpec> names = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            names.put(field.name(), field);
            names.put(camelCase(field.name()), field);
            field.aliases().forEach(alias -> names.put(alias, field));
        }
        this.byAnyName = Map.copyOf(names);
    }

    static Builder builder() {
        return new Builder();
    }

    /** The fields in the order they are written to JSON. */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** Looks a field up by wire name ({@code negative_prompt}), lowerCamelCase ({@code negativePrompt}) or alias. */
    public Optional<FieldSpec> field(String anyName) {
        return Optional.ofNullable(anyName == null ? null : byAnyName.get(anyName));
    }

    /** Whether the named field takes a {@link KlingMedia} (image or audio). */
    public boolean isMedia(String anyName) {
        return field(anyName).map(f -> f.type() == FieldType.MEDIA).orElse(false);
    }

    public List<String> fieldNames() {
        return fields.stream().map(FieldSpec::name).toList();
    }

    /**
     * Converts loosely typed input to canonical wire-named values, in schema order; {@code null} values are
     * dropped.
     *
     * @throws KlingValidationException for an unknown field name or an unconvertible value
     */
    Map<String, Object> coerce(String subject, Map<String, ?> input) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        input.forEach((name, value) -> put(subject, canonical, name, value));
        return ordered(canonical);
    }

    /** Sets one field in {@code values} from a loosely typed value under its wire name; {@code null} removes it. */
    void put(String subject, Map<String, Object> values, String anyName, Object value) {
        FieldSpec field = resolve(subject, anyName);
        if (value == null) {
            values.remove(field.name());
        } else {
            values.put(field.name(), field.coerce(subject, value));
        }
    }

    /** The same values in schema order, which is the order they are written to JSON. */
    Map<String, Object> ordered(Map<String, Object> values) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            if (values.containsKey(field.name())) {
                ordered.put(field.name(), values.get(field.name()));
            }
        }
        return ordered;
    }

    FieldSpec resolve(String subject, String anyName) {
        return field(anyName).orElseThrow(() -> new KlingValidationException(subject, String.valueOf(anyName),
                "is not a known field (known: " + String.join(", ", fieldNames()) + ")"));
    }

    /** @throws KlingValidationException for the first broken rule */
    void validate(String subject, Map<String, Object> values) {
        for (String name : values.keySet()) {
            resolve(subject, name);
        }
        for (FieldSpec field : fields) {
            Optional<Violation> violation = field.check(values.get(field.name()));
            if (violation.isPresent()) {
                throw violation.get().toException(subject);
            }
        }
        for (CrossFieldRule rule : crossFieldRules) {
            Optional<Violation> violation = rule.check(values);
            if (violation.isPresent()) {
                throw violation.get().toException(subject);
            }
        }
    }

    static String camelCase(String wireName) {
        StringBuilder out = new StringBuilder(wireName.length());
        boolean upper = false;
        for (char c : wireName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "RequestSchema" + fields.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }

    static final class Builder {
        private final List<FieldSpec> fields = new ArrayList<>();
        private final List<CrossFieldRule> rules = new ArrayList<>();

        private Builder() {
        }

        Builder field(FieldSpec.Builder field) {
            fields.add(field.build());
            return this;
        }

        Builder fields(List<FieldSpec.Builder> more) {
            more.forEach(this::field);
            return this;
        }

        Builder rule(CrossFieldRule rule) {
            rules.add(rule);
            return this;
        }

        RequestSchema build() {
            return new RequestSchema(fields, rules);
        }
    }
}
