package dev.camelkling.karaf.feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OSGi manifest header such as Import-Package, as clauses. {@code a;b;version="[1,2)"} is two clauses sharing
 * the attributes; commas and semicolons inside quotes belong to the value.
 */
final class OsgiHeader {

    record Clause(String name, Map<String, String> parameters) {

        /** An attribute ({@code version}) or directive ({@code resolution:}); null when absent. */
        String parameter(String key) {
            return parameters.get(key);
        }
    }

    private OsgiHeader() {
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    names.add(part.trim());
                } else {
                    String key = part.substring(0, eq).trim();
                    String value = part.substring(eq + 1).trim();
                    if (key.endsWith(":")) {         // directive, written key:=value
                        key = key.substring(0, key.length() - 1);
                    }
                    parameters.put(key, unquote(value));
                }
            }
            names.forEach(name -> clauses.add(new Clause(name, parameters)));
        }
        return clauses;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
