package dev.camelkling.client.schema;

import dev.camelkling.client.error.KlingValidationException;

/** A broken rule: the (possibly dotted) field and the rule phrased to follow it. */
public record Violation(String field, String rule) {

    KlingValidationException toException(String subject) {
        return new KlingValidationException(subject, field, rule);
    }
}
