package dev.camelkling.client.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reusable relations between fields; a field counts as given when it is non-null and not an empty list. */
public final class CrossFieldRules {

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

    /** Exactly one of two fields: the first is reported missing, or the second as clashing with the first. */
    public static CrossFieldRule exactlyOneOf(String first, String second) {
        CrossFieldRule present = atLeastOneOf(first, second);
        CrossFieldRule exclusive = mutuallyExclusive(List.of(List.of(first), List.of(second)));
        return fields -> present.check(fields).or(() -> exclusive.check(fields));
    }

    /** {@code field} is required whenever {@code condition} holds; {@code when} explains it ("when ..."). */
    static CrossFieldRule requiredWhen(String field, String when, Predicate<Map<String, Object>> condition) {
        return fields -> !given(fields, field) && condition.test(fields)
                ? Optional.of(new Violation(field, "is required " + when))
                : Optional.empty();
    }

    /** {@code field} is required when {@code other} has {@code value} and {@code alsoGiven} is given. */
    static CrossFieldRule requiredWhenValue(String field, String other, String value, String alsoGiven) {
        return requiredWhen(field, "when " + other + " is " + value + " and " + alsoGiven + " is given",
                fields -> value.equals(fields.get(other)) && given(fields, alsoGiven));
    }

    /**
     * {@code field} may not be {@code value} while {@code other} is {@code otherValue}; an absent {@code other} counts as
     * its {@code otherDefault}.
     */
    static CrossFieldRule valueNotWith(String field, String value, String other, String otherValue, String otherDefault) {
        return valueOnlyWhen(field, value, other, otherDefault, actual -> !otherValue.equals(actual), (actual, byDefault) ->
                "must not be \"" + value + "\" with " + other + " " + otherValue + (byDefault ? " (the default)" : ""));
    }

    /** {@code field} may only be {@code value} while {@code other} is {@code otherValue} (absent = {@code otherDefault}). */
    static CrossFieldRule valueRequires(String field, String value, String other, String otherValue, String otherDefault) {
        return valueOnlyWhen(field, value, other, otherDefault, otherValue::equals, (actual, byDefault) ->
                "must not be \"" + value + "\" unless " + other + " is " + otherValue + " (was " + LooseValues.describe(actual)
                        + (byDefault ? ", the default" : "") + ")");
    }

    private static CrossFieldRule valueOnlyWhen(String field, String value, String other, String otherDefault,
            Predicate<Object> otherAllows, BiFunction<Object, Boolean, String> rule) {
        return fields -> {
            Object actual = fields.getOrDefault(other, otherDefault);
            if (!value.equals(fields.get(field)) || otherAllows.test(actual)) {
                return Optional.empty();
            }
            return Optional.of(new Violation(field, rule.apply(actual, fields.get(other) == null)));
        };
    }

    /** The list fields together hold at most {@code max} items. */
    static CrossFieldRule maxCombinedItems(int max, String... lists) {
        return fields -> {
            int total = 0;
            for (String list : lists) {
                total += fields.get(list) instanceof Collection<?> items ? items.size() : 0;
            }
            return total <= max ? Optional.empty()
                    : Optional.of(new Violation(String.join(" + ", lists), "must have at most " + max + " items in total (was " + total + ")"));
        };
    }

    /**
     * Every {@code <<<name_N>>>} in the text field refers to an existing item of {@code list}: N counts from 1 and is
     * at most the list's size.
     */
    static CrossFieldRule referencesExist(String textField, String name, String list) {
        Pattern reference = Pattern.compile("<<<" + Pattern.quote(name) + "_(\\d+)>>>");
        return fields -> {
            if (!(fields.get(textField) instanceof String text)) {
                return Optional.empty();
            }
            int size = fields.get(list) instanceof Collection<?> items ? items.size() : 0;
            Matcher matcher = reference.matcher(text);
            while (matcher.find()) {
                String n = matcher.group(1);
                if (n.length() > 9 || Integer.parseInt(n) < 1 || Integer.parseInt(n) > size) {
                    return Optional.of(new Violation(textField, "refers to " + matcher.group() + " but " + list + " has "
                            + size + (size == 1 ? " item" : " items") + " (references count from 1)"));
                }
            }
            return Optional.empty();
        };
    }

    static boolean given(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value != null && !(value instanceof Collection<?> c && c.isEmpty());
    }
}
