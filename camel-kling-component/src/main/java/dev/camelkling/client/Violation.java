package dev.camelkling.client;

/** A broken rule: the (possibly dotted) field and the rule phrased to follow it. */
record Violation(String field, String rule) {

    KlingValidationException toException(String subject) {
        return new KlingValidationException(subject, field, rule);
    }
}
