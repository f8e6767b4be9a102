package dev.camelkling.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reusable relations between fields; a field counts as given when it is non-null and not an empty list. */
final class CrossFieldRules {

    private CrossFieldRules() {
    }

    static CrossFieldRule atLeastOneOf(String first, String... others) {
        return fields -> {
            if (given(fields, first) || Arrays.stream(others).anyMatch(other -> given(fields, other))) {
                return Optional.empty();
            }
            return Optional.of(new Violation(first, "is required unless " + String.join(" or ", others) + " is given"));
        };
    }

    /** At most one group may be used; each group is a list of fields that belong together. */
    static CrossFieldRule mutuallyExclusive(List<List<String>> groups) {
        String summary = groups.stream().map(g -> String.join("/", g)).collect(Collectors.joining(", "));
        return fields -> {
            List<String> used = new ArrayList<>();
            for (List<String> group : groups) {
                group.stream().filter(name -> given(fields, name)).findFirst().ifPresent(used::add);
            }
            if (used.size() < 2) {
                return Optional.empty();
            }
            return Optional.of(new Violation(used.get(1), "cannot be combined with " + used.get(0)
                    + " (use at most one of " + summary + ")"));
        };
    }

    static CrossFieldRule requiresValue(String field, String other, String value) {
        return fields -> {
            Object actual = fields.get(other);
            if (!given(fields, field) || value.equals(actual)) {
                return Optional.empty();
            }
            return Optional.of(new Violation(field, "requires " + other + " to be \"" + value + "\" (was "
                    + (actual == null ? "absent" : LooseValues.describe(actual)) + ")"));
        };
    }

    static boolean given(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value != null && !(value instanceof Collection<?> c && c.isEmpty());
    }
}
