package dev.camelkling.client.wait;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link dev.camelkling.client.KlingClient#awaitCompletion} re-polls a task: starting at {@code initialInterval}, growing by
 * {@code multiplier} up to {@code maxInterval}, giving up after {@code timeout}.
 */
public record WaitPolicy(Duration initialInterval, double multiplier, Duration maxInterval, Duration timeout) {

    public WaitPolicy {
        Objects.requireNonNull(initialInterval, "initialInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("initialInterval must be positive (was " + initialInterval + ")");
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("maxInterval must be >= initialInterval (was " + maxInterval + ")");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1 (was " + multiplier + ")");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative (was " + timeout + ")");
        }
    }

    /** 2 s, ×1.5, at most 15 s between polls, 30 minutes in all (Kling suggests polling every 3–10 s). */
    public static WaitPolicy defaults() {
        return new WaitPolicy(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(15), Duration.ofMinutes(30));
    }

    /** The interval after {@code current}. */
    public Duration next(Duration current) {
        long grown = Math.round(current.toMillis() * multiplier);
        return Duration.ofMillis(Math.min(grown, maxInterval.toMillis()));
    }
}
