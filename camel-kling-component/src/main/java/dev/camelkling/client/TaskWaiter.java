package dev.camelkling.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Re-polls a task on the scheduler until it is final or the wait times out; no thread waits in between. */
final class TaskWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWaiter.class);

    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    TaskWaiter(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    CompletableFuture<KlingTask> await(Supplier<CompletableFuture<KlingTask>> poll, WaitPolicy policy) {
        CompletableFuture<KlingTask> result = new CompletableFuture<>();
        poll(poll, policy, policy.initialInterval(), clock.instant().plus(policy.timeout()), result);
        return result;
    }

    private void poll(Supplier<CompletableFuture<KlingTask>> poll, WaitPolicy policy, Duration interval, Instant deadline,
            CompletableFuture<KlingTask> result) {
        if (result.isDone()) {
            return; // cancelled or the client was closed
        }
        poll.get().whenComplete((task, error) -> {
            if (error != null) {
                result.completeExceptionally(TransportErrors.unwrap(error));
                return;
            }
            if (task.isFinal()) {
                result.complete(task);
                return;
            }
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                result.completeExceptionally(new KlingWaitTimeoutException(task, policy.timeout()));
                return;
            }
            Duration delay = interval.compareTo(remaining) < 0 ? interval : remaining;
            LOG.debug("Kling task {} is {}; polling again in {} ms", task.taskId(), task.status().wireValue(), delay.toMillis());
            try {
                scheduler.schedule(() -> poll(poll, policy, policy.next(interval), deadline, result), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new KlingException("Kling client closed while waiting for task " + task.taskId()));
            }
        });
    }
}
