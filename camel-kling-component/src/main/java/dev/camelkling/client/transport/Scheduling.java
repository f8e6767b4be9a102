package dev.camelkling.client.transport;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delayed client work: the scheduler only keeps time, and the work itself runs on the client's executor, so that
 * retries and polls run where every other response is handled.
 */
public final class Scheduling {

    private Scheduling() {
    }

    /**
     * Runs {@code task} on {@code executor} after {@code delay}; runs {@code onRejected} instead when the scheduler or
     * the executor refuses (the client is closed, or a caller's executor is saturated), so no future is left hanging.
     */
    public static void later(ScheduledExecutorService scheduler, Executor executor, Duration delay, Runnable task, Runnable onRejected) {
        try {
            scheduler.schedule(() -> {
                try {
                    executor.execute(task);
                } catch (RejectedExecutionException e) {
                    onRejected.run();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            onRejected.run();
        }
    }
}
