package dev.camelkling.client.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter for retryable failures of reads (get, list, lookups, downloads).
 *
 * @param maxAttempts  total attempts including the first; 1 disables retries
 * @param initialDelay delay before the first retry
 * @param maxDelay     cap of any single delay; a {@code Retry-After} longer than this ends the retries
 * @param multiplier   growth of the delay per retry
 * @param jitter       relative random spread, 0.2 = ±20 %
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay (was " + initialDelay + ", " + maxDelay + ")");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1 (was " + multiplier + ")");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1) (was " + jitter + ")");
        }
    }

    /** 3 attempts, 1 s, ×2, capped at 30 s, ±20 % jitter: the schedule the Kling reference recommends. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.2);
    }

    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0);
    }

    /**
     * The delay before retry number {@code retry} (1 = the first retry).
     *
     * @param random a value in [0, 1), spread over the jitter range
     */
    public Duration delayBeforeRetry(int retry, double random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double jittered = capped * (1 + jitter * (2 * random - 1));
        return Duration.ofMillis(Math.round(Math.min(jittered, maxDelay.toMillis())));
    }
}
