package dev.camelkling.client.transport;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Repeats an idempotent asynchronous call on retryable failures, waiting on the scheduler (no thread is held
 * between attempts). Only for reads: creates are never passed through here.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final DoubleSupplier random;

    /** The scheduler measures the delays; the attempts after the first run on {@code executor}. */
    public Retrier(RetryPolicy policy, ScheduledExecutorService scheduler, Executor executor, DoubleSupplier random) {
        this.policy = policy;
        this.scheduler = scheduler;
        this.executor = executor;
        this.random = random;
    }

    public <T> CompletableFuture<T> call(String operation, Supplier<CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(1, operation, attempt, result);
        return result;
    }

    private <T> void attempt(int number, String operation, Supplier<CompletableFuture<T>> attempt, CompletableFuture<T> result) {
        if (result.isDone()) {
            return; // cancelled or the client was closed
        }
        CompletableFuture<T> current;
        try {
            current = attempt.get();
        } catch (RuntimeException e) {
            current = CompletableFuture.failedFuture(e);
        }
        current.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = TransportErrors.unwrap(error);
            Optional<Duration> delay = number < policy.maxAttempts() ? delayBeforeRetry(number, cause) : Optional.empty();
            if (delay.isEmpty()) {
                result.completeExceptionally(cause);
                return;
            }
            LOG.debug("{} failed ({}); attempt {} of {} in {} ms", operation, cause.getMessage(), number + 1,
                    policy.maxAttempts(), delay.get().toMillis());
            Scheduling.later(scheduler, executor, delay.get(), () -> attempt(number + 1, operation, attempt, result),
                    () -> result.completeExceptionally(cause));
        });
    }

    /**
     * Empty when the failure is not worth retrying, or when the server asked for a longer pause ({@code Retry-After})
     * than the policy's maximum delay: then the caller gets the error, with {@code retryAfter}, at once.
     */
    Optional<Duration> delayBeforeRetry(int retry, Throwable cause) {
        if (!(cause instanceof KlingException kling && kling.isRetryable())) {
            return Optional.empty();
        }
        Duration backoff = policy.delayBeforeRetry(retry, random.getAsDouble());
        Optional<Duration> retryAfter = cause instanceof KlingApiException api ? api.retryAfter() : Optional.empty();
        if (retryAfter.isEmpty()) {
            return Optional.of(backoff);
        }
        if (retryAfter.get().compareTo(policy.maxDelay()) > 0) {
            return Optional.empty();
        }
        return Optional.of(retryAfter.get().compareTo(backoff) > 0 ? retryAfter.get() : backoff);
    }
}
