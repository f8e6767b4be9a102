package dev.camelkling.component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.camelkling.client.transport.TransportErrors;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task side of the callback consumer, on the component's worker threads: a callback that announces a final status
 * makes it re-read the task from the API (announcements of submitted or processing need no read: there is nothing to
 * emit yet). Only the API's answer counts: a forged or stale body changes nothing. When the API does not show the
 * announced final status yet, the task is read again after 1 s and 4 s more, in case the API lags the callback; so a
 * forged announcement costs at most three reads. A task the API reports final (with a wanted status) is emitted once
 * ({@link EmittedTasks}). That read is shared with the producers' waits for the task ({@link ConfirmingRead}): a
 * callback completes them too, with no read of their own.
 * <p>
 * Callbacks for a task whose exchange is still running, or whose read is in progress, coalesce into one more read
 * afterwards; callbacks for a task already emitted are dropped without a read.
 */
final class TaskConfirmations {

    private static final Logger LOG = LoggerFactory.getLogger(TaskConfirmations.class);

    /**
     * When a callback announces a final status that the API does not show yet, the task is read again after these
     * delays (ms), in case the API lags the callback; a forged announcement costs at most this many reads.
     */
    static final long[] CONFIRM_DELAYS_MILLIS = { 0, 1_000, 4_000 };

    private final DefaultConsumer consumer;
    private final KlingFeature feature;
    private final ConfirmingRead confirmingRead;
    private final Supplier<? extends Executor> worker;
    private final Supplier<ScheduledExecutorService> scheduler;
    private final EmissionFilter filter;
    private final EmittedTasks emitted;
    /** Tasks being read or routed; the value records whether another callback came meanwhile. */
    private final ConcurrentHashMap<String, Slot> active = new ConcurrentHashMap<>();

    /**
     * @param consumer makes the exchanges, and says whether callbacks are accepted (neither stopping nor suspended)
     * @param confirmingRead reads an announced task, along with the waits for it (the component's worker and
     *                       scheduler are read at each use)
     */
    TaskConfirmations(DefaultConsumer consumer, KlingFeature feature, ConfirmingRead confirmingRead,
                      Supplier<? extends Executor> worker, Supplier<ScheduledExecutorService> scheduler,
                      EmissionFilter filter, EmittedTasks emitted) {
        this.consumer = consumer;
        this.feature = feature;
        this.confirmingRead = confirmingRead;
        this.worker = worker;
        this.scheduler = scheduler;
        this.filter = filter;
        this.emitted = emitted;
    }

    /** Takes a task a callback announced; returns at once, the reads and the routing run on a worker thread. */
    void announced(KlingTask claim) {
        if (!claim.isFinal()) {
            LOG.trace("Callback: task {} is {}", claim.taskId(), claim.status().wireValue());
            // nothing to read, but the clients learn that callbacks reach this application, which lets
            // callbackGracePeriod hold their waits: told here (in memory, never waiting), so that they know before
            // Kling has its answer, even while every worker is busy routing
            confirmingRead.tellWaits(claim);
            return;
        }
        dispatch(() -> onAnnounced(claim));
    }

    /** Neither stopping nor suspended (a graceful shutdown suspends first, then waits for the pending tasks). */
    boolean accepting() {
        return consumer.isRunAllowed() && !consumer.isSuspendingOrSuspended();
    }

    /** Drops the confirmations waiting for their next read; reads and exchanges in flight finish on their own. */
    void dropWaiting() {
        for (String taskId : active.keySet()) {
            active.computeIfPresent(taskId, (id, slot) -> slot.retry != null && slot.retry.cancel(false) ? null : slot);
        }
    }

    /** Tasks being read or routed; confirmations waiting for their next read do not count. */
    int inProgress() {
        int pending = 0;
        for (Slot slot : active.values()) {
            if (slot.retry == null) {
                pending++;
            }
        }
        return pending;
    }

    private void dispatch(Runnable work) {
        try {
            worker.get().execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("Kling callback dropped while stopping");
        }
    }

    private void onAnnounced(KlingTask claim) {
        String taskId = claim.taskId();
        // the body is only a hint: a final announcement is confirmed by a read
        if (isEmitted(taskId)) {
            LOG.trace("Callback: task {} was emitted already", taskId);
            confirmingRead.tellWaits(claim); // a wait for it (a polling consumer emitted it) still reads it now
            return;
        }
        boolean[] start = { false };
        active.compute(taskId, (id, slot) -> {
            if (slot == null) {
                start[0] = true;
                return new Slot(claim);
            }
            if (slot.retry != null && slot.retry.cancel(false)) {
                // waiting to read again after an announcement the API did not confirm yet: read now instead
                slot.retry = null;
                start[0] = true;
                return slot;
            }
            slot.again = true;
            return slot;
        });
        if (start[0]) {
            confirm(taskId, 0);
        }
    }

    private boolean isEmitted(String taskId) {
        try {
            return emitted.contains(taskId);
        } catch (RuntimeException e) {
            LOG.warn("Could not ask the idempotent repository about Kling task {}: {}", taskId, e.getMessage());
            return false;
        }
    }

    /** Reads the task from the API: the only source trusted. */
    private void confirm(String taskId, int attempt) {
        if (!accepting() || isEmitted(taskId)) {
            finished(taskId);
            return;
        }
        Slot slot = active.get(taskId);
        if (slot == null) {
            return; // ended meanwhile (stopping)
        }
        try {
            // read as the announced task's design reads it (a new-design task from GET /tasks), once for this
            // consumer and the producers' waits for the task alike
            confirmingRead.read(slot.claim)
                    .whenCompleteAsync((task, failure) -> read(taskId, attempt, task, failure), worker.get());
        } catch (RuntimeException e) {
            LOG.warn("Could not read Kling task {} announced by a callback: {}", taskId, e.getMessage());
            finished(taskId);
        }
    }

    private void read(String taskId, int attempt, KlingTask task, Throwable failure) {
        try {
            if (failure != null) {
                Throwable cause = TransportErrors.unwrap(failure);
                if (cause instanceof KlingApiException api && api.httpStatus() == 404) {
                    LOG.debug("Ignored a callback for {} task {}, which Kling does not know", feature.uriName(), taskId);
                } else {
                    LOG.warn("Could not read Kling task {} announced by a callback; only the polling fallback can emit it now: {}",
                            taskId, cause.getMessage());
                }
                finished(taskId);
                return;
            }
            if (!task.taskId().equals(taskId)) {
                LOG.warn("Kling answered task {} when asked for {}; ignored", task.taskId(), taskId);
                finished(taskId);
                return;
            }
            if (!task.isFinal()) {
                int next = attempt + 1;
                if (next < CONFIRM_DELAYS_MILLIS.length && accepting()) {
                    LOG.debug("A callback announced task {} as final, Kling reports {}; reading again", taskId,
                            task.status().wireValue());
                    retryLater(taskId, next);
                } else {
                    LOG.warn("A callback announced task {} as final, Kling still reports {}; left to the polling fallback", taskId,
                            task.status().wireValue());
                    finished(taskId);
                }
                return;
            }
            if (!filter.hasWantedStatus(task) || !filter.isOurs(task) || isEmitted(taskId)) {
                finished(taskId);
                return;
            }
            emit(task);
        } catch (RuntimeException e) {
            LOG.warn("Error handling a callback for Kling task {}: {}", taskId, e.getMessage(), e);
            finished(taskId);
        }
    }

    private void retryLater(String taskId, int attempt) {
        active.computeIfPresent(taskId, (id, slot) -> {
            slot.retry = scheduler.get().schedule(() -> dispatch(() -> retryDue(taskId, attempt)),
                    CONFIRM_DELAYS_MILLIS[attempt], TimeUnit.MILLISECONDS);
            return slot;
        });
    }

    private void retryDue(String taskId, int attempt) {
        boolean[] due = { false };
        active.computeIfPresent(taskId, (id, slot) -> {
            if (slot.retry != null) {
                slot.retry = null;
                due[0] = true;
            }
            return slot;
        });
        if (due[0]) {
            confirm(taskId, attempt);
        }
    }

    private void emit(KlingTask task) {
        // a fresh exchange: nothing of the HTTP request (headers, body) reaches the route
        Exchange exchange = consumer.createExchange(true);
        KlingTaskMessages.populate(exchange.getMessage(), task);
        emitted.emit(exchange, task.taskId(), () -> finished(task.taskId()));
    }

    /**
     * Ends the work on a task; when callbacks came meanwhile, reads it once more (a no-op read-free check if it was
     * emitted in between).
     */
    private void finished(String taskId) {
        boolean[] again = { false };
        active.computeIfPresent(taskId, (id, slot) -> {
            if (slot.again) {
                slot.again = false;
                again[0] = true;
                return slot;
            }
            return null;
        });
        if (again[0]) {
            dispatch(() -> confirm(taskId, 0));
        }
    }

    /** Fields written only inside compute, under the map's per-key lock. */
    private static final class Slot {
        /** What the first callback announced: its id and design say how to read the task. */
        final KlingTask claim;
        /** Another callback came while the task was being read or routed. */
        boolean again;
        /** A confirming read is scheduled. Volatile for {@link #inProgress()}, which reads it unlocked. */
        volatile ScheduledFuture<?> retry;

        Slot(KlingTask claim) {
            this.claim = claim;
        }
    }
}
