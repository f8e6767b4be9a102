package dev.camelkling.client.wait;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long tasks of one {@link DurationKey} took, learned from the tasks this client saw succeed ({@code updated_at}
 * minus {@code created_at}, both Kling's clock, so the figure does not depend on when the client looked). Keeps the
 * durations of the {@value #SAMPLES} most recently <em>created</em> tasks seen finishing, per key, and at most
 * {@value #KEYS} keys (the least recently used go first): the estimate follows the account's current load and never
 * grows. By creation, not by finish: of a batch created together the last to finish are the longest, so the last
 * finished would describe only those.
 */
public final class TaskDurations {

    static final int SAMPLES = 32;
    static final int KEYS = 256;

    /** The shortest and longest of the recent durations, in milliseconds. */
    public record Estimate(long shortestMillis, long longestMillis) {
    }

    private record Sample(long createdAt, long millis) {
    }

    private final Map<DurationKey, List<Sample>> samples = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DurationKey, List<Sample>> eldest) {
            return size() > KEYS;
        }
    };

    /**
     * Records a task created at {@code createdAt} (Kling's epoch milliseconds) that took {@code millis}; ignores
     * impossible figures (a missing or inverted timestamp) and tasks older than all those kept when the key is full.
     */
    public synchronized void learn(DurationKey key, long createdAt, long millis) {
        if (millis <= 0) {
            return;
        }
        List<Sample> recent = samples.computeIfAbsent(key, k -> new ArrayList<>(SAMPLES));
        if (recent.size() == SAMPLES) {
            Sample oldest = Collections.min(recent, Comparator.comparingLong(Sample::createdAt));
            if (oldest.createdAt() > createdAt) {
                return;
            }
            recent.remove(oldest);
        }
        recent.add(new Sample(createdAt, millis));
    }

    /** {@code null} while no task of this key was seen finishing. */
    public synchronized Estimate estimate(DurationKey key) {
        List<Sample> recent = samples.get(key);
        if (recent == null || recent.isEmpty()) {
            return null;
        }
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (Sample sample : recent) {
            shortest = Math.min(shortest, sample.millis());
            longest = Math.max(longest, sample.millis());
        }
        return new Estimate(shortest, longest);
    }
}
