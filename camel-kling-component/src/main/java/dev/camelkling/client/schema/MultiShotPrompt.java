package dev.camelkling.client.schema;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The multi-shot prompt syntax of the 3.0 family (kling-api-2026.md §2.3): {@code shot 1, 4, words; shot 2, 6, words;}
 * with 1 to 6 shots numbered from 1, each at least 1 s, each shot's words at most 512 characters, the seconds summing
 * to {@code settings.duration}. A prompt that does not start with {@code shot 1,} is ordinary text.
 */
final class MultiShotPrompt {

    static final int MAX_SHOTS = 6;
    static final int MAX_WORDS = 512;
    private static final Pattern START = Pattern.compile("^\\s*shot\\s+1\\s*,", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHOT = Pattern.compile("^\\s*shot\\s+(\\d{1,4})\\s*,\\s*(\\d{1,4})\\s*,(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private MultiShotPrompt() {
    }

    static boolean isShots(String prompt) {
        return START.matcher(prompt).find();
    }

    /** The first rule a shot prompt breaks, with {@code duration} seconds in all. */
    static Optional<Violation> check(String field, String prompt, int duration) {
        int count = 0;
        int seconds = 0;
        for (String shot : prompt.strip().split(";")) {
            if (shot.isBlank()) {
                continue;
            }
            count++;
            Matcher m = SHOT.matcher(shot);
            if (!m.matches()) {
                return violation(field, "shot " + count + " must read \"shot " + count + ", <seconds>, <words>\"");
            }
            if (Integer.parseInt(m.group(1)) != count) {
                return violation(field, "must number its shots 1, 2, 3, ... (shot " + count + " is numbered " + m.group(1) + ")");
            }
            int length = Integer.parseInt(m.group(2));
            if (length < 1) {
                return violation(field, "shot " + count + " must last at least 1 second");
            }
            String words = m.group(3).strip();
            if (words.isEmpty() || words.codePointCount(0, words.length()) > MAX_WORDS) {
                return violation(field, "shot " + count + " needs 1 to " + MAX_WORDS + " characters of words");
            }
            seconds += length;
        }
        if (count > MAX_SHOTS) {
            return violation(field, "must have at most " + MAX_SHOTS + " shots (was " + count + ")");
        }
        return seconds == duration ? Optional.empty()
                : violation(field, "shots must last duration's " + duration + " s in total (was " + seconds + " s)");
    }

    private static Optional<Violation> violation(String field, String rule) {
        return Optional.of(new Violation(field, rule));
    }
}
