package dev.camelkling.client.schema;

import dev.camelkling.client.error.KlingValidationException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One request field: its wire name, type and the rules on its value. The standard rules (required, length,
 * allowed values, range, item count) are data; anything else is an extra {@link FieldCheck}.
 */
public final class FieldSpec {

    private final String name;
    private final FieldType type;
    private final boolean required;
    private final Integer maxLength;
    private final List<String> allowedValues;
    private final Double min;
    private final Double max;
    private final Integer minItems;
    private final Integer maxItems;
    private final boolean localOnly;
    private final String wireContainer;
    private final List<String> aliases;
    private final List<FieldCheck> checks;

    private FieldSpec(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.required = b.required;
        this.maxLength = b.maxLength;
        this.allowedValues = List.copyOf(b.allowedValues);
        this.min = b.min;
        this.max = b.max;
        this.minItems = b.minItems;
        this.maxItems = b.maxItems;
        this.localOnly = b.localOnly;
        this.wireContainer = b.wireContainer;
        this.aliases = List.copyOf(b.aliases);
        this.checks = List.copyOf(b.checks);
    }

    static Builder of(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** The wire name, e.g. {@code negative_prompt}. */
    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    /** Maximum length in characters (code points) of a text value. */
    public OptionalInt maxLength() {
        return maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength);
    }

    /** The allowed values; empty when any value of the type is allowed. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    public OptionalDouble min() {
        return min == null ? OptionalDouble.empty() : OptionalDouble.of(min);
    }

    public OptionalDouble max() {
        return max == null ? OptionalDouble.empty() : OptionalDouble.of(max);
    }

    public OptionalInt maxItems() {
        return maxItems == null ? OptionalInt.empty() : OptionalInt.of(maxItems);
    }

    public OptionalInt minItems() {
        return minItems == null ? OptionalInt.empty() : OptionalInt.of(minItems);
    }

    /**
     * Whether the field only serves local checks and defaults and is never sent (e.g. lip sync's
     * {@code face_start_time}, the face window learnt from identify-face).
     */
    public boolean isLocalOnly() {
        return localOnly;
    }

    /**
     * The wire object this field is written into, when Kling nests it: lip sync's {@code face_id} goes into the single
     * item of {@code face_choose}. Input may give such fields flat or nested.
     */
    public Optional<String> wireContainer() {
        return Optional.ofNullable(wireContainer);
    }

    /**
     * Whether a plain message body of this Java type can fill this field, e.g. a {@code byte[]} for a media field or a
     * {@code List} of images for an image list. Does not read streams or validate the rules.
     */
    public boolean acceptsBody(Object body) {
        return type.acceptsBody(body);
    }

    /** Other names accepted for this field in generic input, besides the wire name and its lowerCamelCase form. */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * Converts a loosely typed value to this field's canonical value.
     *
     * @throws KlingValidationException naming {@code subject} and this field
     */
    Object coerce(String subject, Object value) {
        try {
            return type.coerce(value);
        } catch (InvalidValue e) {
            throw e.toException(subject, name);
        }
    }

    /** The first rule the canonical {@code value} ({@code null} = absent) breaks. */
    public Optional<Violation> check(Object value) {
        if (value == null) {
            return required ? Optional.of(new Violation(name, "is required")) : Optional.empty();
        }
        if (value instanceof String text) {
            if (required && text.isBlank()) {
                return Optional.of(new Violation(name, "must not be blank"));
            }
            int length = text.codePointCount(0, text.length());
            if (maxLength != null && length > maxLength) {
                return Optional.of(new Violation(name, "must be at most " + maxLength + " characters (was " + length + ")"));
            }
            if (!allowedValues.isEmpty() && !allowedValues.contains(text)) {
                return Optional.of(new Violation(name, "must be one of " + allowedValues + " (was " + LooseValues.describe(text) + ")"));
            }
        }
        if (value instanceof Number number && !inRange(number.doubleValue())) {
            return Optional.of(new Violation(name, rangeRule() + " (was " + number + ")"));
        }
        if (value instanceof Collection<?> items && minItems != null && items.size() < minItems) {
            return Optional.of(new Violation(name, "must have at least " + minItems + (minItems == 1 ? " item" : " items")
                    + " (was " + items.size() + ")"));
        }
        if (value instanceof Collection<?> items && maxItems != null && items.size() > maxItems) {
            return Optional.of(new Violation(name, "must have at most " + maxItems + (maxItems == 1 ? " item" : " items")
                    + " (was " + items.size() + ")"));
        }
        for (FieldCheck check : checks) {
            Optional<Violation> violation = check.check(name, value);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private String rangeRule() {
        if (max == null) {
            return "must be at least " + format(min);
        }
        if (min == null) {
            return "must be at most " + format(max);
        }
        return "must be between " + format(min) + " and " + format(max);
    }

    private boolean inRange(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    private static String format(Double bound) {
        if (bound == null) {
            return "-";
        }
        return bound == Math.rint(bound) ? Long.toString(bound.longValue()) : bound.toString();
    }

    @Override
    public String toString() {
        return name + ":" + type + (required ? " (required)" : "") + (localOnly ? " (local only)" : "");
    }

    static final class Builder {
        private final String name;
        private final FieldType type;
        private boolean required;
        private Integer maxLength;
        private final List<String> allowedValues = new ArrayList<>();
        private Double min;
        private Double max;
        private Integer minItems;
        private Integer maxItems;
        private boolean localOnly;
        private String wireContainer;
        private final List<String> aliases = new ArrayList<>();
        private final List<FieldCheck> checks = new ArrayList<>();

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
        }

        Builder required() {
            this.required = true;
            return this;
        }

        Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        Builder oneOf(Collection<String> values) {
            allowedValues.addAll(values);
            return this;
        }

        Builder oneOf(String... values) {
            return oneOf(List.of(values));
        }

        Builder range(double min, double max) {
            this.min = min;
            this.max = max;
            return this;
        }

        Builder atLeast(double min) {
            this.min = min;
            return this;
        }

        Builder maxItems(int maxItems) {
            this.maxItems = maxItems;
            return this;
        }

        Builder items(int minItems, int maxItems) {
            this.minItems = minItems;
            this.maxItems = maxItems;
            return this;
        }

        Builder localOnly() {
            this.localOnly = true;
            return this;
        }

        Builder nestedIn(String wireContainer) {
            this.wireContainer = wireContainer;
            return this;
        }

        Builder alias(String alias) {
            aliases.add(alias);
            return this;
        }

        public Builder check(FieldCheck check) {
            checks.add(check);
            return this;
        }

        FieldSpec build() {
            return new FieldSpec(this);
        }
    }
}
