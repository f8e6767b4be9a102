package dev.camelkling.client.transport;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.error.KlingTransportException;
import dev.camelkling.client.transport.Retrier;
import dev.camelkling.client.transport.RetryPolicy;
import dev.camelkling.client.wait.WaitPolicy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @Test
    void defaultsFollowTheReference() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.delayBeforeRetry(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBeforeRetry(2, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBeforeRetry(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayBeforeRetry(10, 0.5)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterSpreadsWithinBoundsAndNeverExceedsTheCap() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.delayBeforeRetry(1, 0.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delayBeforeRetry(1, 0.999999)).isBetween(Duration.ofMillis(1199), Duration.ofMillis(1200));
        assertThat(policy.delayBeforeRetry(10, 0.999999)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void invalidPoliciesAreRejected() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaitPolicy(Duration.ZERO, 1.5, Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitPolicyGrowsUpToItsMaximum() {
        WaitPolicy policy = WaitPolicy.defaults();
        assertThat(policy.initialInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.next(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.next(Duration.ofSeconds(12))).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.timeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void retrierHonoursRetryAfterUnlessLongerThanTheMaximumDelay() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5), 2, 0);
        Retrier retrier = new Retrier(policy, null, Runnable::run, () -> 0.5);
        KlingApiException withShortPause = new KlingApiException("GET /x", 429, 1302, "slow", "r", true, Duration.ofSeconds(2));
        KlingApiException withLongPause = new KlingApiException("GET /x", 429, 1302, "slow", "r", true, Duration.ofSeconds(60));
        KlingApiException withoutPause = new KlingApiException("GET /x", 500, 5000, "oops", "r", true, null);
        KlingApiException permanent = new KlingApiException("GET /x", 400, 1201, "bad", "r", false, null);

        assertThat(retrier.delayBeforeRetry(1, withShortPause)).contains(Duration.ofSeconds(2));
        assertThat(retrier.delayBeforeRetry(1, withLongPause)).isEmpty();
        assertThat(retrier.delayBeforeRetry(2, withoutPause)).contains(Duration.ofMillis(200));
        assertThat(retrier.delayBeforeRetry(1, permanent)).isEqualTo(Optional.empty());
        assertThat(retrier.delayBeforeRetry(1, new KlingTransportException("reset", null, true, true))).contains(Duration.ofMillis(100));
        assertThat(retrier.delayBeforeRetry(1, new KlingTransportException("reset", null, true, false))).isEmpty();
        assertThat(retrier.delayBeforeRetry(1, new KlingException("parse"))).isEmpty();
    }
}
