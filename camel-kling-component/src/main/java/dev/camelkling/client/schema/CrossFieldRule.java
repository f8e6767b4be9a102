package dev.camelkling.client.schema;

import java.util.Map;
import java.util.Optional;

/** A rule relating several fields of one request (presence, exclusion, dependency). */
@FunctionalInterface
interface CrossFieldRule {

    Optional<Violation> check(Map<String, Object> fields);
}
