package dev.camelkling.simulator.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one model accepts on one create path of the 2026 new design (kling-api-2026.md §2.3), as data.
 *
 * @param name            the model id in the path, e.g. {@code kling-3.0}
 * @param resolutions     accepted {@code settings.resolution} values, the default first
 * @param durations       accepted {@code settings.duration} seconds; empty = the field must be absent (motion
 *                        control: the result follows the motion video)
 * @param audio           accepted {@code settings.audio} values, the default first; empty = the field must be absent
 * @param multiShotField  whether {@code settings.multi_shot} exists (default true where it does)
 * @param shotSyntax      whether a prompt in the multi-shot syntax ({@code shot 1, 4, words; ...}) is checked
 * @param promptMax       the longest prompt in characters
 * @param unitsPerSecond  the assumed unit rate per second at each resolution (see the README's billing section)
 */
public record NewDesignModel(String name, List<String> resolutions, List<Integer> durations, List<String> audio,
                             boolean multiShotField, boolean shotSyntax, int promptMax,
                             Map<String, BigDecimal> unitsPerSecond) {
    /** Default length where a model has durations (kling-api-2026.md §2.3: "default 5"). */
    public static final int DEFAULT_DURATION = 5;
    /** Native audio costs half as much again (an assumption, see the README). */
    static final BigDecimal NATIVE_AUDIO_FACTOR = new BigDecimal("1.5");

    public String defaultResolution() {
        return resolutions.get(0);
    }

    public boolean hasDuration() {
        return !durations.isEmpty();
    }

    public boolean hasAudio() {
        return !audio.isEmpty();
    }

    /** "from 3 to 15" for a range, "5 or 10" for a set, for messages. */
    String durationsText() {
        int first = durations.get(0);
        int last = durations.get(durations.size() - 1);
        if (durations.size() > 2 && last - first + 1 == durations.size()) {
            return "from " + first + " to " + last;
        }
        return durations.stream().map(String::valueOf).collect(Collectors.joining(" or "));
    }

    /** The units a task of this length costs: rate at the resolution times seconds, times 1.5 with native audio. */
    BigDecimal units(String resolution, int seconds, String audioValue) {
        BigDecimal units = unitsPerSecond.get(resolution).multiply(BigDecimal.valueOf(seconds));
        return "native".equals(audioValue) ? units.multiply(NATIVE_AUDIO_FACTOR) : units;
    }
}
