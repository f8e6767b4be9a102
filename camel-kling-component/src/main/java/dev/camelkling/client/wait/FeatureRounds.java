package dev.camelkling.client.wait;

import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.transport.Scheduling;
import dev.camelkling.client.transport.TransportErrors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The waits of one legacy feature, or of the whole new design (of one client, so of one account), read together in
 * rounds; the new design's rounds read through {@link BatchedRoundReads}. A round starts when a wait
 * is due (or nearly: see {@link PendingWait#isDue}). With one or two waits, the due ones are read with a plain GET
 * each; from {@value #COALESCE_FROM} waits on (when it costs no more requests: {@link #listPays}), list pages, newest
 * first, answer for all of them at once, and the pages stop as soon as
 * every waited task (due or not) was seen, a page is short (the last one), or a page reaches tasks created before any
 * task still unseen; a due task the pages did not show is then read with its own GET. A page counts as a read for
 * every wait whose task it shows, so that waits started apart share their rounds from then on. Only one round runs at a time, and between rounds the feature holds a single scheduled entry
 * (a few, briefly, when a new wait is due before it): no thread per wait.
 */
final class FeatureRounds {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureRounds.class);

    static final int COALESCE_FROM = 3;
    static final int MAX_PAGE_SIZE = 500;
    private static final int MIN_PAGE_SIZE = 50;
    private static final int MAX_PAGES = 10;

    /** {@code null} for the new design, whose rounds read the tasks of every feature. */
    private final KlingFeature feature;
    private final DesignStandard design;
    /** How the new design's rounds read; {@code null} for a legacy feature. */
    private final BatchedRoundReads batched;
    private final TaskReads reads;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Clock clock;
    private final WaitSettings settings;
    private final TaskDurations durations;
    private final CallbackEvidence evidence;

    private final Map<String, List<PendingWait>> waits = new HashMap<>();
    private int size;
    private boolean roundRunning;
    private boolean closed;
    /** When the earliest scheduled round starts (System.nanoTime); Long.MAX_VALUE when none is scheduled. */
    private long nextRoundNanos = Long.MAX_VALUE;

    FeatureRounds(KlingFeature feature, DesignStandard design, TaskReads reads, ScheduledExecutorService scheduler,
            Executor executor, Clock clock, WaitSettings settings, TaskDurations durations, CallbackEvidence evidence) {
        this.feature = feature;
        this.design = design;
        this.reads = reads;
        this.scheduler = scheduler;
        this.executor = executor;
        this.clock = clock;
        this.settings = settings;
        this.durations = durations;
        this.evidence = evidence;
        this.batched = design == DesignStandard.NEW_DESIGN ? new BatchedRoundReads(this, reads) : null;
    }

    WaitSettings settings() {
        return settings;
    }

    /** What the logs call these rounds. */
    String name() {
        return feature == null ? "new-design" : feature.uriName();
    }

    void add(PendingWait wait) {
        synchronized (this) {
            waits.computeIfAbsent(wait.taskId, id -> new ArrayList<>(1)).add(wait);
            size++;
            scheduleRound();
        }
        wait.result.whenComplete((task, error) -> remove(wait));
    }

    synchronized boolean contains(String taskId) {
        return waits.containsKey(taskId);
    }

    synchronized int size() {
        return size;
    }

    /** Reads the task's waits in the next round, now, whatever their schedule; false when none waits for it. */
    boolean readSoon(String taskId) {
        synchronized (this) {
            List<PendingWait> of = waits.get(taskId);
            if (of == null) {
                return false;
            }
            long now = System.nanoTime();
            for (PendingWait wait : of) {
                wait.dueNanos = now;
                wait.lastGap = null;
                wait.confirmCallback = true;
            }
            scheduleRound();
            return true;
        }
    }

    /** Stops the rounds and fails the waits still pending. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        failAll();
    }

    private synchronized void remove(PendingWait wait) {
        List<PendingWait> of = waits.get(wait.taskId);
        if (of != null && of.remove(wait)) {
            size--;
            if (of.isEmpty()) {
                waits.remove(wait.taskId);
            }
        }
    }

    /** Under the lock: makes sure a round starts when the earliest wait is due. */
    private void scheduleRound() {
        if (closed || roundRunning || waits.isEmpty()) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (List<PendingWait> of : waits.values()) {
            for (PendingWait wait : of) {
                earliest = Math.min(earliest, wait.dueNanos);
            }
        }
        if (earliest >= nextRoundNanos) {
            return;
        }
        nextRoundNanos = earliest;
        Duration delay = Duration.ofNanos(Math.max(0, earliest - System.nanoTime()));
        Scheduling.later(scheduler, executor, delay, this::round, this::failAll);
    }

    private void round() {
        List<PendingWait> due = new ArrayList<>();
        int waiting;
        synchronized (this) {
            nextRoundNanos = Long.MAX_VALUE;
            if (closed || roundRunning) {
                return; // a running round schedules the next one when it ends
            }
            long now = System.nanoTime();
            waits.values().forEach(of -> of.stream().filter(w -> !w.result.isDone() && w.isDue(now) && !heldForCallback(w, now))
                    .forEach(due::add));
            if (due.isEmpty()) {
                scheduleRound();
                return;
            }
            roundRunning = true;
            waiting = size;
        }
        CompletableFuture<Void> read = batched != null ? batched.read(due) : readLegacy(due, waiting);
        read.whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.debug("A {} poll round failed", name(), error);
            }
            synchronized (this) {
                roundRunning = false;
                scheduleRound();
            }
        });
    }

    /**
     * Under the lock: a wait expecting a callback is left to it until its hold ends, but only while callbacks of its
     * feature are seen to reach the client; such a wait is moved to its hold's end. Decided at each round, not once:
     * evidence comes (the task's own {@code processing} callback) and goes (a receiver stopped) while tasks run.
     */
    private boolean heldForCallback(PendingWait wait, long now) {
        if (wait.confirmCallback || wait.holdUntilNanos == 0 || wait.holdUntilNanos - now <= 0) {
            return false;
        }
        TaskDurations.Estimate estimate = durations.estimate(wait.key);
        if (!evidence.recent(wait.key.feature(), estimate == null ? 0 : estimate.longestMillis(), now)) {
            return false;
        }
        wait.dueNanos = wait.holdUntilNanos;
        wait.lastGap = null;
        return true;
    }

    private CompletableFuture<Void> readLegacy(List<PendingWait> due, int waiting) {
        // a callback's task is confirmed with its own GET, whatever else is due
        List<PendingWait> confirm = due.stream().filter(w -> w.confirmCallback).toList();
        List<PendingWait> polled = due.stream().filter(w -> !w.confirmCallback).toList();
        return CompletableFuture.allOf(getEach(confirm), polled.isEmpty() ? CompletableFuture.completedFuture(null)
                : listPays(polled.size(), waiting) ? listThenGet(polled, waiting, everyWaited()) : getEach(polled));
    }

    /**
     * Requests a round costs when it reads all {@code waiting} waits: the new design's batch (one call up to
     * {@value TaskReads#IDS_PER_BATCH}) or pages of finished tasks; legacy list pages from {@value #COALESCE_FROM}
     * waits on, a GET each below.
     */
    int requestsPerRound(int waiting) {
        if (batched != null) {
            return BatchedRoundReads.requestsPerRound(waiting);
        }
        return waiting < COALESCE_FROM ? waiting : (waiting + pageSize(waiting) - 1) / pageSize(waiting);
    }

    /**
     * From three waits on, when the pages that show them all cost no more requests than a GET per due wait: a round
     * that a callback started for one task of a thousand waits reads that task alone, a polling round reads them all.
     */
    static boolean listPays(int due, int waiting) {
        return waiting >= COALESCE_FROM && due >= (waiting + pageSize(waiting) - 1) / pageSize(waiting);
    }

    private static int pageSize(int waiting) {
        return Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, 2 * waiting));
    }

    CompletableFuture<Void> getEach(Collection<PendingWait> due) {
        List<CompletableFuture<?>> gets = new ArrayList<>();
        Map<String, List<PendingWait>> byTask = new LinkedHashMap<>();
        due.forEach(wait -> byTask.computeIfAbsent(wait.taskId, id -> new ArrayList<>()).add(wait));
        byTask.forEach((taskId, of) -> gets.add(reads.get(of.get(0).key.feature(), design, taskId).handle((task, error) -> {
            of.forEach(wait -> {
                if (error != null) {
                    wait.result.completeExceptionally(TransportErrors.unwrap(error));
                } else {
                    read(wait, task);
                }
            });
            return null;
        })));
        return CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new));
    }

    synchronized Map<String, List<PendingWait>> everyWaited() {
        Map<String, List<PendingWait>> all = new LinkedHashMap<>();
        waits.forEach((taskId, of) -> all.put(taskId, new ArrayList<>(of)));
        return all;
    }

    /**
     * Pages go on until every waited task was seen, due or not (so that all of them are read in this round and fall
     * into the same rounds from now on: a round that follows reads them all again), then a GET for each due one not seen.
     */
    private CompletableFuture<Void> listThenGet(List<PendingWait> due, int waiting, Map<String, List<PendingWait>> unseen) {
        int pageSize = pageSize(waiting);
        int maxPages = Math.min(MAX_PAGES, (2 * waiting + pageSize - 1) / pageSize + 1);
        return readPages(1, pageSize, maxPages, unseen)
                .exceptionally(error -> {
                    LOG.debug("Listing {} tasks failed; reading the due ones one by one", name(), error);
                    return null;
                })
                .thenCompose(ignored -> {
                    List<PendingWait> rest = new ArrayList<>();
                    due.stream().filter(wait -> unseen.containsKey(wait.taskId)).forEach(rest::add);
                    if (!rest.isEmpty()) {
                        LOG.debug("{} waited {} task(s) not on the pages read; one GET each", rest.size(), name());
                    }
                    return rest.isEmpty() ? CompletableFuture.completedFuture(null) : getEach(rest);
                });
    }

    private CompletableFuture<Void> readPages(int pageNum, int pageSize, int maxPages, Map<String, List<PendingWait>> unseen) {
        return reads.list(feature, pageNum, pageSize).thenCompose(page -> {
            long oldestOnPage = Long.MAX_VALUE;
            for (KlingTask task : page) {
                oldestOnPage = Math.min(oldestOnPage, task.createdAt());
                unseen.remove(task.taskId());
                // every wait the page shows was read, due or not: waits that start apart fall into the same rounds
                waitsOf(task.taskId()).forEach(wait -> read(wait, task));
            }
            boolean done = unseen.isEmpty() || page.size() < pageSize || pageNum >= maxPages || pastAll(oldestOnPage, unseen);
            return done ? CompletableFuture.completedFuture(null) : readPages(pageNum + 1, pageSize, maxPages, unseen);
        });
    }

    /** Newest first: once a page reaches tasks older than every unseen one (when their ages are known), they are not coming. */
    private static boolean pastAll(long oldestOnPage, Map<String, List<PendingWait>> unseen) {
        for (List<PendingWait> of : unseen.values()) {
            for (PendingWait wait : of) {
                if (wait.serverCreatedAt <= 0 || wait.serverCreatedAt <= oldestOnPage) {
                    return false;
                }
            }
        }
        return true;
    }

    synchronized List<PendingWait> waitsOf(String taskId) {
        List<PendingWait> of = waits.get(taskId);
        return of == null ? List.of() : List.copyOf(of);
    }

    /** A wait's task as just read: completes the wait, times it out, or sets its next read. */
    void read(PendingWait wait, KlingTask task) {
        if (wait.result.isDone()) {
            return;
        }
        wait.confirmCallback = false;
        wait.lastSeen = task;
        wait.readByIdNanos = System.nanoTime();
        if (wait.serverCreatedAt <= 0) {
            wait.serverCreatedAt = task.createdAt();
        }
        if (task.isFinal()) {
            finished(wait, task);
            return;
        }
        stillRunning(wait);
    }

    /**
     * The wait's task is not final, as just read (or as a read of every final task that did not show it says): times
     * the wait out, or sets its next read.
     */
    void stillRunning(PendingWait wait) {
        KlingTask task = wait.lastSeen;
        Duration remaining = wait.remaining(clock, task);
        if (wait.result.isDone()) {
            return;
        }
        int sharing = size();
        Duration gap = ReadSchedule.roundGap(wait.policy, settings, durations.estimate(wait.key), wait.ageMillis(clock), wait.backoff,
                sharing, requestsPerRound(sharing));
        wait.backoff = wait.policy.next(wait.backoff);
        Duration delay = gap.compareTo(remaining) < 0 ? gap : remaining;
        LOG.debug("Kling task {} is {}; reading it again in {} ms", wait.taskId, task.status().wireValue(), delay.toMillis());
        synchronized (this) {
            wait.readIn(delay, System.nanoTime());
        }
    }

    /** A read made for another reason (a consumer's page, a batch) shows a waited task final: its waits complete with it. */
    void seenFinal(KlingTask task) {
        waitsOf(task.taskId()).forEach(wait -> read(wait, task));
    }

    private void finished(PendingWait wait, KlingTask task) {
        // completed once, learned once, even when a round and another read see the task final at the same time
        if (wait.result.complete(task) && task.status() == KlingTaskStatus.SUCCEED && task.createdAt() > 0
                && task.updatedAt() >= task.createdAt()) {
            durations.learn(wait.key, task.createdAt(), task.updatedAt() - task.createdAt());
        }
    }

    /** The scheduler or the executor refused the next round: the client is closed, or its executor saturated. */
    private void failAll() {
        List<PendingWait> all = new ArrayList<>();
        synchronized (this) {
            nextRoundNanos = Long.MAX_VALUE;
            waits.values().forEach(all::addAll);
        }
        all.forEach(wait -> wait.result.completeExceptionally(new KlingException(
                "Kling client closed (or its executor refused work) while waiting for task " + wait.taskId)));
    }
}
