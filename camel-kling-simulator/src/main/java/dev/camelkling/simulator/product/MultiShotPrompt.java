package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The multi-shot prompt syntax of the 3.0 family (kling-api-2026.md §2.3): {@code shot 1, 4, words; shot 2, 6, words;}
 * with 1 to 6 shots numbered from 1, each at least 1 s, their seconds summing to {@code settings.duration}, each
 * shot's words at most 512 characters. A prompt that does not start with {@code shot 1,} is ordinary text.
 */
final class MultiShotPrompt {
    static final int MAX_SHOTS = 6;
    static final int MAX_WORDS = 512;
    private static final Pattern START = Pattern.compile("^\\s*shot\\s+1\\s*,", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHOT = Pattern.compile("^\\s*shot\\s+(\\d{1,4})\\s*,\\s*(\\d{1,4})\\s*,(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private MultiShotPrompt() {
    }

    static boolean uses(String prompt) {
        return START.matcher(prompt).find();
    }

    static void check(String field, String prompt, int duration) {
        String[] shots = prompt.strip().split(";");
        int count = 0;
        int seconds = 0;
        for (String shot : shots) {
            if (shot.isBlank()) {
                continue;
            }
            count++;
            Matcher m = SHOT.matcher(shot);
            if (!m.matches()) {
                throw ApiException.invalidParameter(field + ": shot " + count + " must read \"shot " + count
                        + ", <seconds>, <words>;\"");
            }
            if (!Integer.toString(count).equals(m.group(1))) {
                throw ApiException.invalidParameter(field + ": shots must be numbered 1, 2, 3, ... (shot " + count
                        + " is numbered " + m.group(1) + ")");
            }
            int length = Integer.parseInt(m.group(2));
            if (length < 1) {
                throw ApiException.invalidParameter(field + ": shot " + count + " must last at least 1 second");
            }
            String words = m.group(3).strip();
            if (words.isEmpty() || words.codePointCount(0, words.length()) > MAX_WORDS) {
                throw ApiException.invalidParameter(field + ": shot " + count + " needs 1 to " + MAX_WORDS
                        + " characters of words");
            }
            seconds += length;
        }
        if (count > MAX_SHOTS) {
            throw ApiException.invalidParameter(field + " has " + count + " shots; at most " + MAX_SHOTS);
        }
        if (seconds != duration) {
            throw ApiException.invalidParameter(field + ": the shots last " + seconds
                    + " s in total but settings.duration is " + duration);
        }
    }
}
