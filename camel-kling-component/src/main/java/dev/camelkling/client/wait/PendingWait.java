package dev.camelkling.client.wait;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingWaitTimeoutException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One wait: its task, when it is read next and what it was last seen as. Guarded by its {@link FeatureRounds}. */
final class PendingWait {

    final String taskId;
    final WaitPolicy policy;
    final Instant deadline;
    final CompletableFuture<KlingTask> result;
    final DurationKey key;
    /** When the client created the task, on its clock; -1 when another client or an earlier run did. */
    final long createdMillis;
    /**
     * Reads wait for a callback until then (System.nanoTime), 0 when no callback is expected; applied by each round
     * while callbacks are seen to arrive ({@link FeatureRounds}), not by the schedule.
     */
    long holdUntilNanos;
    long dueNanos;
    Duration lastGap;
    Duration backoff;
    /** A callback said the task is final: the next read is a GET of it. */
    boolean confirmCallback;
    /** Kling's created_at of the task, once known; 0 before. */
    long serverCreatedAt;
    /** The task as last read (or as created); {@code null} until then. */
    KlingTask lastSeen;
    /**
     * When the task was last read by its id (System.nanoTime; the wait's start before that), not concluded running
     * from its absence among the finished tasks.
     */
    long readByIdNanos = System.nanoTime();

    PendingWait(String taskId, WaitPolicy policy, Instant deadline, DurationKey key, long createdMillis,
            long serverCreatedAt, KlingTask lastSeen) {
        this.taskId = taskId;
        this.policy = policy;
        this.deadline = deadline;
        this.key = key;
        this.createdMillis = createdMillis;
        this.serverCreatedAt = serverCreatedAt;
        this.lastSeen = lastSeen;
        this.result = new CompletableFuture<>();
        this.backoff = policy.initialInterval();
    }

    /** Due once three quarters of its gap have passed, so that waits due at about the same time share a round. */
    boolean isDue(long nowNanos) {
        return nowNanos >= dueNanos - (lastGap == null ? 0 : lastGap.toNanos() / 4);
    }

    void readIn(Duration gap, long nowNanos) {
        lastGap = gap;
        dueNanos = nowNanos + gap.toNanos();
    }

    /** How long ago the task was created, on the client's clock; -1 when not known. */
    long ageMillis(Clock clock) {
        if (createdMillis >= 0) {
            return Math.max(0, clock.millis() - createdMillis);
        }
        return serverCreatedAt > 0 ? Math.max(0, clock.millis() - serverCreatedAt) : -1;
    }

    /** Fails with a timeout when the deadline has passed; returns the time left otherwise. */
    Duration remaining(Clock clock, KlingTask lastSeen) {
        Duration remaining = Duration.between(clock.instant(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            result.completeExceptionally(new KlingWaitTimeoutException(lastSeen, policy.timeout()));
        }
        return remaining;
    }
}
