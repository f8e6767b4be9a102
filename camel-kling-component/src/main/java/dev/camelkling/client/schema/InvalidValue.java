package dev.camelkling.client.schema;

import dev.camelkling.client.error.KlingValidationException;

/**
 * Thrown while converting a loosely typed value; {@code path} extends the field name for nested parts
 * ({@code "[1].mask"}), {@code rule} is phrased to follow it. The schema turns it into a
 * {@link KlingValidationException} once the subject and field are known.
 */
final class InvalidValue extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String rule;

    InvalidValue(String rule) {
        this("", rule);
    }

    InvalidValue(String path, String rule) {
        super(rule, null, false, false);
        this.path = path;
        this.rule = rule;
    }

    InvalidValue under(String prefix) {
        return new InvalidValue(prefix + path, rule);
    }

    KlingValidationException toException(String subject, String field) {
        return new KlingValidationException(subject, field + path, rule);
    }
}
