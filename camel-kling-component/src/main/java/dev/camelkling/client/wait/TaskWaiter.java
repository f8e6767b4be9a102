package dev.camelkling.client.wait;

import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingWaitTimeoutException;
import dev.camelkling.client.transport.Scheduling;
import dev.camelkling.client.transport.TransportErrors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Re-polls a task on the scheduler until it is final or the wait times out; no thread waits in between. */
public final class TaskWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWaiter.class);

    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** The scheduler measures the intervals; the polls after the first run on {@code executor}; {@code clock} sets the deadline. */
    public TaskWaiter(ScheduledExecutorService scheduler, Executor executor, Clock clock) {
        this.scheduler = scheduler;
        this.executor = executor;
        this.clock = clock;
    }

    public CompletableFuture<KlingTask> await(Supplier<CompletableFuture<KlingTask>> poll, WaitPolicy policy) {
        CompletableFuture<KlingTask> result = new CompletableFuture<>();
        inFlight.incrementAndGet();
        result.whenComplete((task, error) -> inFlight.decrementAndGet());
        poll(poll, policy, policy.initialInterval(), clock.instant().plus(policy.timeout()), result);
        return result;
    }

    /** Waits started and not yet completed, cancelled or failed. */
    public int inFlight() {
        return inFlight.get();
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
            Scheduling.later(scheduler, executor, delay, () -> poll(poll, policy, policy.next(interval), deadline, result),
                    () -> result.completeExceptionally(new KlingException("Kling client closed (or its executor refused work) while waiting for task " + task.taskId())));
        });
    }
}
