package dev.camelkling.client.wait;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.TaskPage;
import dev.camelkling.client.transport.Scheduling;
import dev.camelkling.client.transport.TransportErrors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The client-side concurrency queue ({@link dev.camelkling.client.KlingClientConfig#maxConcurrentTasks()}): at most {@code max} slots are
 * held by tasks this client created and has not yet seen final (a video task holds 1 slot, an image task {@code n};
 * reference §4). A create that does not fit waits in FIFO order as a future, holding no thread. Slots come back when
 * the client sees one of its tasks final (any get, list or wait, including the list pages of coalesced waits), when a
 * create fails, and, while creates are waiting, through a light background check every {@code checkInterval} of the
 * unfinished tasks of ours that no wait reads anyway, each read the way its design reads tasks: a legacy task with a
 * GET of its feature's path, the new design's together in {@code GET /tasks?task_ids=} batches.
 */
public final class TaskSlots {

    private static final Logger LOG = LoggerFactory.getLogger(TaskSlots.class);

    private record Waiter(int slots, CompletableFuture<Void> granted) {
    }

    private record Held(KlingFeature feature, DesignStandard design, int slots) {
    }

    private final int max;
    private final Duration checkInterval;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    /** Reads tasks as the client does (its reads tell this queue what they see, so the check's answers need no more). */
    private final TaskReads reads;
    /** Whether a wait reads the task anyway: then its rounds tell the queue, and the check does not read it again. */
    private final Predicate<String> waited;

    private int used;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private final Map<String, Held> held = new LinkedHashMap<>();
    private boolean checkScheduled;
    private boolean closed;

    /** Without waits of its own to lean on: the background check reads every unfinished task of ours. */
    /** Legacy tasks only, without waits of their own to lean on: the check reads each unfinished task with {@code get}. */
    public TaskSlots(int max, Duration checkInterval, ScheduledExecutorService scheduler, Executor executor,
            BiFunction<KlingFeature, String, CompletableFuture<KlingTask>> get) {
        this(max, checkInterval, scheduler, executor, new LegacyGets(get), taskId -> false);
    }

    public TaskSlots(int max, Duration checkInterval, ScheduledExecutorService scheduler, Executor executor,
            TaskReads reads, Predicate<String> waited) {
        this.max = max;
        this.checkInterval = checkInterval;
        this.scheduler = scheduler;
        this.executor = executor;
        this.reads = reads;
        this.waited = waited;
    }

    /** The reads of a queue that only ever holds legacy tasks. */
    private record LegacyGets(BiFunction<KlingFeature, String, CompletableFuture<KlingTask>> get) implements TaskReads {
        @Override
        public CompletableFuture<KlingTask> get(KlingFeature feature, DesignStandard design, String taskId) {
            return get.apply(feature, taskId);
        }

        @Override
        public CompletableFuture<List<KlingTask>> list(KlingFeature feature, int pageNum, int pageSize) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("legacy gets only"));
        }

        @Override
        public CompletableFuture<List<KlingTask>> getBatch(List<String> taskIds) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("legacy gets only"));
        }

        @Override
        public CompletableFuture<TaskPage> listFinished(long createdFromMillis, String cursor) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("legacy gets only"));
        }
    }

    /** Slots a request takes: {@code n} for image tasks (1 when absent or unreadable), 1 for everything else. */
    public static int slotsOf(KlingRequest request) {
        if (request.feature().resultKind() != ResultKind.IMAGE) {
            return 1;
        }
        Object n = request.effectiveFields().get("n");
        if (n instanceof Number number && number.intValue() > 0) {
            return number.intValue();
        }
        if (n instanceof CharSequence text) {
            try {
                return Math.max(1, Integer.parseInt(text.toString().trim()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }

    /**
     * Completes when the slots are ours (at once if they fit and nobody waits). A request larger than the whole limit
     * waits until nothing else is held, then goes alone. Cancelling the future before it completes leaves the queue.
     */
    public CompletableFuture<Void> acquire(int slots) {
        CompletableFuture<Void> granted = new CompletableFuture<>();
        List<Waiter> grants;
        synchronized (this) {
            if (closed) {
                granted.completeExceptionally(new KlingException("Kling client is closed"));
                return granted;
            }
            waiting.add(new Waiter(Math.min(slots, max), granted));
            grants = drain();
            if (grants.stream().noneMatch(w -> w.granted() == granted)) {
                LOG.debug("Create waits for {} slot(s): {} of {} in use, {} waiting", slots, used, max, waiting.size());
            }
            scheduleCheckIfNeeded();
        }
        complete(grants);
        return granted;
    }

    /** The create succeeded: its slots stay held until the task is seen final. */
    public void created(KlingFeature feature, KlingTask task, int slots) {
        List<Waiter> grants;
        synchronized (this) {
            if (task.isFinal()) {
                used -= Math.min(slots, max);
            } else {
                held.put(task.taskId(), new Held(feature, task.design(), Math.min(slots, max)));
            }
            grants = drain();
            scheduleCheckIfNeeded();
        }
        complete(grants);
    }

    /** The create failed (nothing was created, or we cannot tell): its slots are free again. */
    public void release(int slots) {
        List<Waiter> grants;
        synchronized (this) {
            used -= Math.min(slots, max);
            grants = drain();
        }
        complete(grants);
    }

    /** Any task the client has read: a final one of ours gives its slots back. */
    public void observed(KlingTask task) {
        if (task.isFinal()) {
            forget(task.taskId());
        }
    }

    private void forget(String taskId) {
        List<Waiter> grants;
        synchronized (this) {
            Held h = held.remove(taskId);
            if (h == null) {
                return;
            }
            used -= h.slots();
            grants = drain();
        }
        complete(grants);
    }

    public synchronized int used() {
        return used;
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    /** Fails every waiting create. */
    public void close() {
        List<Waiter> failed;
        synchronized (this) {
            closed = true;
            failed = new ArrayList<>(waiting);
            waiting.clear();
        }
        failed.forEach(w -> w.granted().completeExceptionally(new KlingException("Kling client is closed")));
    }

    /** Takes waiters off the head while they fit (FIFO: a large head blocks smaller ones behind it). */
    private List<Waiter> drain() {
        List<Waiter> grants = new ArrayList<>();
        while (!waiting.isEmpty()) {
            Waiter head = waiting.peek();
            if (head.granted().isDone()) {
                waiting.poll(); // cancelled while waiting
                continue;
            }
            if (used + head.slots() > max) {
                break;
            }
            waiting.poll();
            used += head.slots();
            grants.add(head);
        }
        return grants;
    }

    /** Completes outside the lock; a waiter cancelled in the meantime hands its slots straight back. */
    private void complete(List<Waiter> grants) {
        for (Waiter grant : grants) {
            if (!grant.granted().complete(null)) {
                release(grant.slots()); // cancelled between drain() and here
            }
        }
    }

    private void scheduleCheckIfNeeded() {
        if (closed || checkScheduled || waiting.isEmpty() || held.isEmpty()) {
            return;
        }
        checkScheduled = true;
        Scheduling.later(scheduler, executor, checkInterval, this::check, () -> {
            synchronized (this) {
                checkScheduled = false;
            }
        });
    }

    /**
     * One GET per unfinished legacy task of ours, one {@code GET /tasks} call per {@value TaskReads#IDS_PER_BATCH}
     * new-design ones; a task Kling no longer knows (1203, or left out of a batch's answer) is forgotten too.
     */
    private void check() {
        Map<String, Held> snapshot;
        synchronized (this) {
            checkScheduled = false;
            if (closed || waiting.isEmpty()) {
                return;
            }
            snapshot = new LinkedHashMap<>(held);
        }
        List<CompletableFuture<?>> checks = new ArrayList<>();
        snapshot.keySet().removeIf(waited);
        List<String> newDesign = new ArrayList<>();
        snapshot.forEach((taskId, h) -> {
            if (h.design() == DesignStandard.NEW_DESIGN) {
                newDesign.add(taskId);
            } else {
                checks.add(reads.get(h.feature(), h.design(), taskId).handle((task, error) -> {
                    if (task != null) {
                        observed(task);
                    } else if (TransportErrors.unwrap(error) instanceof KlingApiException api
                            && api.code() == KlingErrorCode.RESOURCE_NOT_FOUND.code()) {
                        forget(taskId);
                    }
                    return null;
                }));
            }
        });
        for (int from = 0; from < newDesign.size(); from += TaskReads.IDS_PER_BATCH) {
            List<String> batch = newDesign.subList(from, Math.min(from + TaskReads.IDS_PER_BATCH, newDesign.size()));
            checks.add(reads.getBatch(batch).thenAccept(tasks -> {
                tasks.forEach(this::observed);
                Set<String> answered = new HashSet<>();
                tasks.forEach(task -> answered.add(task.taskId()));
                batch.stream().filter(taskId -> !answered.contains(taskId)).forEach(this::forget);
            }));
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            synchronized (this) {
                scheduleCheckIfNeeded();
            }
        });
    }
}
