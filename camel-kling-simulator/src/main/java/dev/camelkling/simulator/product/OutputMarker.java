package dev.camelkling.simulator.product;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic way to get the new design's outputs that no create path of the simulator produces by itself
 * (kling-api-2026.md §4.1 lists {@code voice} and {@code element} outputs without saying which tasks make them), or an
 * output type Kling may add later: a prompt containing {@code [[outputs: voice, element, hologram]]} makes the task,
 * when it succeeds, list one output of each named type after its real results, in that order. Like
 * {@link FailureMarker}, it lets clients test what they do with such outputs against the simulator.
 */
public final class OutputMarker {
    private static final Pattern MARKER = Pattern.compile("\\[\\[outputs\\s*:\\s*([^\\]]*)]]");

    private OutputMarker() {
    }

    /** @return the output types the prompt asks for, lower-cased, in order; empty when it asks for none */
    public static List<String> outputTypesRequestedBy(String prompt) {
        if (prompt == null) {
            return List.of();
        }
        Matcher m = MARKER.matcher(prompt);
        if (!m.find()) {
            return List.of();
        }
        return Arrays.stream(m.group(1).split(",")).map(String::strip).filter(type -> !type.isEmpty())
                .map(type -> type.toLowerCase(Locale.ROOT)).toList();
    }
}
