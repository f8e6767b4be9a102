package dev.camelkling.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A path template such as {@code /v1/videos/text2video/{id}}: literal segments must match exactly and
 * each {@code {name}} matches one non-empty segment, which is URL-decoded after splitting (so an encoded
 * slash stays inside the value).
 */
public final class PathPattern {
    private final String template;
    private final String[] segments;

    public PathPattern(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with '/': " + template);
        }
        this.template = template;
        this.segments = template.substring(1).split("/", -1);
    }

    /** @return the captured variables, or {@code null} when the path does not match */
    public Map<String, String> match(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.length) {
            return null;
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String expected = segments[i];
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                variables.put(expected.substring(1, expected.length() - 1), decode(parts[i]));
            } else if (!expected.equals(parts[i])) {
                return null;
            }
        }
        return variables;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
