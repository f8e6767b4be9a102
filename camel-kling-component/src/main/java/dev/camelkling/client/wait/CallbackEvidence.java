package dev.camelkling.client.wait;

import dev.camelkling.client.request.KlingFeature;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the callbacks of a feature's tasks reach this client: when a verified callback of one of its own tasks
 * (any status: Kling posts on every change, so {@code processing} comes seconds after a create) last arrived.
 * {@link WaitSettings#callbackGracePeriod()} holds a wait only while this says yes, so that a callback URL Kling
 * cannot reach (a wrong public base URL, a stopped receiver) costs nothing but the hold of the waits already held,
 * never a delay of every wait.
 *
 * <p>Evidence stays fresh for {@link #MIN_WINDOW}, or twice the longest duration learned for the wait's kind of task
 * when that is longer: a task's callbacks come at its start and its end, so a long task's own {@code processing}
 * callback still vouches for its end.
 */
final class CallbackEvidence {

    /** Ten minutes: longer than most Kling tasks, short enough that a receiver gone since is soon noticed. */
    static final Duration MIN_WINDOW = Duration.ofMinutes(10);

    private final Map<KlingFeature, Long> lastNanos = new ConcurrentHashMap<>();

    /** A verified callback of one of this client's tasks of {@code feature} arrived now. */
    void received(KlingFeature feature) {
        lastNanos.put(feature, System.nanoTime());
    }

    /**
     * Whether a verified callback of {@code feature} arrived within the window before {@code nowNanos}.
     *
     * @param longestMillis the longest duration learned for the wait's kind of task, 0 when none is known
     */
    boolean recent(KlingFeature feature, long longestMillis, long nowNanos) {
        Long last = lastNanos.get(feature);
        if (last == null) {
            return false;
        }
        long window = Math.max(MIN_WINDOW.toMillis(), 2 * Math.min(longestMillis, MIN_WINDOW.toMillis() * 1000)) * 1_000_000L;
        return nowNanos - last <= window;
    }
}
