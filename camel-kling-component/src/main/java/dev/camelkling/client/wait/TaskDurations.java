package dev.camelkling.client.wait;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long tasks of one {@link DurationKey} took, learned from the tasks this client saw succeed ({@code updated_at}
 * minus {@code created_at}, both Kling's clock, so the figure does not depend on when the client looked). Keeps the
 * last {@value #SAMPLES} durations per key and at most {@value #KEYS} keys (the least recently used go first): the
 * estimate follows the account's current load and never grows.
 */
public final class TaskDurations {

    static final int SAMPLES = 16;
    static final int KEYS = 256;

    /** The shortest and longest of the recent durations, in milliseconds. */
    public record Estimate(long shortestMillis, long longestMillis) {
    }

    private final Map<DurationKey, Deque<Long>> samples = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DurationKey, Deque<Long>> eldest) {
            return size() > KEYS;
        }
    };

    /** Records a task that took {@code millis}; ignores impossible figures (a missing or inverted timestamp). */
    public synchronized void learn(DurationKey key, long millis) {
        if (millis <= 0) {
            return;
        }
        Deque<Long> recent = samples.computeIfAbsent(key, k -> new ArrayDeque<>(SAMPLES));
        if (recent.size() == SAMPLES) {
            recent.removeFirst();
        }
        recent.addLast(millis);
    }

    /** {@code null} while no task of this key was seen finishing. */
    public synchronized Estimate estimate(DurationKey key) {
        Deque<Long> recent = samples.get(key);
        if (recent == null || recent.isEmpty()) {
            return null;
        }
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (long millis : recent) {
            shortest = Math.min(shortest, millis);
            longest = Math.max(longest, millis);
        }
        return new Estimate(shortest, longest);
    }
}
