package dev.camelkling.client.wait;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits for tasks to be final without a thread per wait: the waits of each feature are read together in
 * {@link FeatureRounds} on the client's scheduler and executor, when {@link ReadSchedule} says, learning from every
 * task seen to succeed how long such tasks take ({@link TaskDurations}).
 *
 * <p>A task this client created is first read {@link WaitPolicy#initialInterval()} after its create (later when
 * tasks like it are known to take longer), never right after it: it cannot be final yet. A task it did not create
 * (an id from elsewhere) is read at once.
 *
 * <p>Callbacks: {@link #callbackReceived} reads a waited task in the next round when a callback says it is final;
 * the wait completes with what the API then answers, never with the callback's content. With a
 * {@link WaitSettings#callbackGracePeriod()}, tasks created with a {@code callback_url} are not polled until that
 * long past their expected end, so a callback usually completes them with that single read, but only while
 * callbacks of their feature are seen to reach this client ({@link CallbackEvidence}): each round decides, so a wait
 * is held as soon as its own {@code processing} callback arrives, and read on its normal schedule without one.
 */
public final class TaskWaiter {

    /** Tasks created and not yet waited for, remembered for their duration key and creation time. */
    private static final int CREATED_REMEMBERED = 10_000;

    private record Created(DurationKey key, long createdMillis, long createdNanos, long serverCreatedAt, boolean expectsCallback) {
    }

    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Clock clock;
    private final TaskReads reads;
    private final WaitSettings settings;
    private final TaskDurations durations = new TaskDurations();
    private final CallbackEvidence evidence = new CallbackEvidence();
    private final EarlyFinalCallbacks earlyFinal = new EarlyFinalCallbacks();
    private final Map<RoundsKey, FeatureRounds> rounds = new ConcurrentHashMap<>();

    /**
     * Legacy waits share rounds per feature (each feature has its own list pages); the new design reads the tasks of
     * every feature through the same {@code GET /tasks} batches and {@code POST /tasks} pages, so its waits share one
     * set of rounds whatever their feature.
     */
    private record RoundsKey(KlingFeature feature, DesignStandard design) {
        static RoundsKey of(KlingFeature feature, DesignStandard design) {
            return design == DesignStandard.NEW_DESIGN ? new RoundsKey(null, design) : new RoundsKey(feature, design);
        }
    }
    private final Map<String, Created> created = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Created> eldest) {
            return size() > CREATED_REMEMBERED;
        }
    };
    private final AtomicInteger inFlight = new AtomicInteger();

    /** The scheduler measures the gaps, reads run on {@code executor}; {@code clock} sets deadlines and task ages. */
    public TaskWaiter(ScheduledExecutorService scheduler, Executor executor, Clock clock, TaskReads reads, WaitSettings settings) {
        this.scheduler = scheduler;
        this.executor = executor;
        this.clock = clock;
        this.reads = reads;
        this.settings = settings;
    }

    /** The client created {@code task} from {@code request}: a wait for it will know when, and what kind of task it is. */
    public void created(KlingRequest request, KlingTask task) {
        Object callbackUrl = request.effectiveFields().get("callback_url");
        boolean expectsCallback = callbackUrl != null && !callbackUrl.toString().isBlank();
        synchronized (created) {
            created.put(task.taskId(), new Created(DurationKey.of(request), clock.millis(), System.nanoTime(), task.createdAt(),
                    expectsCallback));
        }
    }

    /** Completes when the legacy task is final; see {@link dev.camelkling.client.KlingClient#awaitCompletion}. */
    public CompletableFuture<KlingTask> await(KlingFeature feature, String taskId, WaitPolicy policy) {
        return await(feature, DesignStandard.LEGACY, taskId, null, policy);
    }

    /** Completes when the task, of either design, is final. */
    public CompletableFuture<KlingTask> await(KlingFeature feature, KlingTask task, WaitPolicy policy) {
        return await(feature, task.design(), task.taskId(), task, policy);
    }

    /** @param known the task as the caller last saw it, {@code null} when only its id is known */
    private CompletableFuture<KlingTask> await(KlingFeature feature, DesignStandard design, String taskId, KlingTask known,
            WaitPolicy policy) {
        if (taskId == null || taskId.isBlank()) {
            return reads.get(feature, design, taskId); // fails with the client's own validation message
        }
        Created origin;
        synchronized (created) {
            origin = created.get(taskId);
        }
        DurationKey key = origin != null ? origin.key() : DurationKey.of(feature);
        long serverCreatedAt = origin != null ? origin.serverCreatedAt() : known != null ? known.createdAt() : 0;
        PendingWait wait = new PendingWait(taskId, policy, clock.instant().plus(policy.timeout()), key,
                origin != null ? origin.createdMillis() : -1, serverCreatedAt, known);
        long now = System.nanoTime();
        if (origin == null) {
            wait.dueNanos = now; // not ours: its state is unknown, read it at once
        } else {
            TaskDurations.Estimate estimate = durations.estimate(key);
            if (origin.expectsCallback() && !settings.callbackGracePeriod().isZero()) {
                long expectedEnd = estimate == null ? 0 : Duration.ofMillis(estimate.longestMillis()).toNanos();
                // never past the wait's own deadline, so that a wait still times out on time
                wait.holdUntilNanos = Math.min(origin.createdNanos() + expectedEnd + nanos(settings.callbackGracePeriod()),
                        now + nanos(policy.timeout()));
            }
            wait.lastGap = ReadSchedule.first(policy, settings, estimate);
            // read on the normal schedule: each round decides whether the hold applies (CallbackEvidence)
            wait.dueNanos = origin.createdNanos() + wait.lastGap.toNanos();
            wait.backoff = policy.next(policy.initialInterval());
        }
        inFlight.incrementAndGet();
        wait.result.whenComplete((task, error) -> {
            inFlight.decrementAndGet();
            synchronized (created) {
                created.remove(taskId);
            }
        });
        FeatureRounds of = rounds.computeIfAbsent(RoundsKey.of(feature, design), roundsKey -> new FeatureRounds(roundsKey.feature(),
                design, reads, scheduler, executor, clock, settings, durations, evidence));
        of.add(wait);
        // taken after the wait is added and announced before a callback looks for waits: one of the two sees the other
        if (earlyFinal.take(taskId)) {
            of.readSoon(taskId); // its final callback came before this wait began: read it now, as that callback would have
        }
        return wait.result;
    }

    /** Saturates at about 100 years, so that sums of instants and durations cannot overflow. */
    private static long nanos(Duration duration) {
        return duration.compareTo(CENTURY) > 0 ? CENTURY.toNanos() : duration.toNanos();
    }

    private static final Duration CENTURY = Duration.ofDays(36_500);

    /**
     * A callback for {@code task} arrived and the caller verified it. When it says the task is final, the waits for
     * that task read it from the API in the next round and complete with that read if it is final; otherwise they go
     * on as before. Nothing of the callback's content but the task id and the claim "final" is used. Whatever its
     * status, a callback for a task this client created with a {@code callback_url} is evidence that callbacks of its
     * feature reach this client ({@link CallbackEvidence}), which lets the grace period hold waits.
     *
     * @return whether a wait of this client was waiting for that task
     */
    public boolean callbackReceived(KlingFeature feature, KlingTask task) {
        Created origin;
        synchronized (created) {
            origin = created.get(task.taskId());
        }
        if (origin != null && origin.expectsCallback()) {
            // only a task this client created with a callback_url vouches that callbacks reach it: a forged body
            // naming an id nobody here created is no evidence
            evidence.received(origin.key().feature());
        }
        if (task.isFinal()) {
            earlyFinal.announced(task.taskId()); // its create may not be answered yet: a wait may begin only later
        }
        FeatureRounds of = rounds.get(RoundsKey.of(feature, task.design()));
        if (of == null || !of.contains(task.taskId())) {
            return false;
        }
        return !task.isFinal() || of.readSoon(task.taskId());
    }

    /**
     * The client read {@code tasks} from the API for any reason (a consumer's list page or {@code POST /tasks} page, a
     * {@code getTasks} batch, a get): the waits for those that are final complete with them, without a read of their
     * own. Tasks still running change nothing (their waits keep their schedule).
     */
    public void seen(Collection<KlingTask> tasks) {
        for (KlingTask task : tasks) {
            if (task.isFinal()) {
                rounds.values().forEach(of -> of.seenFinal(task));
            }
        }
    }

    /** Whether a wait of this client reads the task (so other checks need not). */
    public boolean isWaited(String taskId) {
        return rounds.values().stream().anyMatch(r -> r.contains(taskId));
    }

    /** Waits started and not yet completed, cancelled or failed. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Stops every round; the client fails the waits' futures. */
    public void close() {
        rounds.values().forEach(FeatureRounds::close);
    }
}
