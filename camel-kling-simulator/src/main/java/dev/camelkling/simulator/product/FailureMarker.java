package dev.camelkling.simulator.product;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic way to make a simulated task fail asynchronously: a prompt containing
 * {@code [[fail]]} ends {@code failed} with the content-safety message, {@code [[fail: text]]} with
 * {@code text}.
 */
public final class FailureMarker {
    public static final String RISK_CONTROL_MESSAGE = "Failure to pass the risk control system";
    private static final Pattern MARKER = Pattern.compile("\\[\\[fail(?:\\s*:\\s*([^\\]]*))?]]");

    private FailureMarker() {
    }

    /** @return the failure message the prompt asks for, or {@code null} */
    public static String failureRequestedBy(String prompt) {
        if (prompt == null) {
            return null;
        }
        Matcher m = MARKER.matcher(prompt);
        if (!m.find()) {
            return null;
        }
        String text = m.group(1);
        return text == null || text.isBlank() ? RISK_CONTROL_MESSAGE : text.strip();
    }
}
