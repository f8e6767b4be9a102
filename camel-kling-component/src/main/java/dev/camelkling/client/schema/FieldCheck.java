package dev.camelkling.client.schema;

import java.util.Optional;

/** A rule on one field's canonical value. */
@FunctionalInterface
interface FieldCheck {

    Optional<Violation> check(String field, Object value);
}
