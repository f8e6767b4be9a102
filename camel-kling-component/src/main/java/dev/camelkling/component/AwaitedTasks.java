package dev.camelkling.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The new-design consumer's tasks that its position ({@link TaskListCursor}) has passed but that are not emitted yet:
 * listed before they were final (the listing never shows them again), or final but their exchange has not completed
 * (it failed, is still routing, or the poll left it over); and those whose feature is not known yet. In memory only: after a restart the listing's first window
 * finds them again.
 * <p>
 * Each poll reads the running ones again whichever way costs fewer requests, up to {@code maxReads} requests:
 * <ul>
 * <li>by id, {@code GET /tasks?task_ids=}, {@value KlingClient#TASKS_PER_READ} a request, those read longest ago
 * first: cheap for a few tasks among many others;</li>
 * <li>or by listing again, {@code POST /tasks} for the finished tasks (wanted statuses) created from the oldest to the
 * newest running one, {@code pageSize} a page: cheap for many running tasks. Its cost is estimated from how many tasks
 * the position listed in that span (of any feature: the listing cannot tell them apart).</li>
 * </ul>
 * So a poll's cost follows the tasks still running, never the tasks listed before them. And the account's waits spare
 * reads: a running task that a client of the account read final since the last poll, for whatever reason (a wait's
 * batch or page, a get: {@link #sighted}), is taken as read then and not read again; and a running task that a wait
 * of such a client is waiting for is not read at all, since that wait reads it until it is final and its final read
 * comes here that way. Should the wait end first (a timeout, a cancel), the task is read here again from the next poll.
 */
final class AwaitedTasks {

    private static final Logger LOG = LoggerFactory.getLogger(AwaitedTasks.class);

    private final Supplier<KlingClient> client;
    private final Predicate<String> waitedFor;
    private final WindowPaging finished;
    private final int pageSize;
    private final int maxReads;
    private final long readBudgetMillis;
    /** By task id, least recently read first. Touched by the consumer's scheduler thread only. */
    private final Map<String, KlingTask> tasks = new LinkedHashMap<>();
    /** Listed, but whose they are is told only at a later poll ({@link TaskOrigin.Verdict#UNDECIDED}); as listed. */
    private final Map<String, KlingTask> undecided = new LinkedHashMap<>();
    /** How many tasks the position listed per creation time (epoch ms), from the oldest running task on. */
    private final NavigableMap<Long, Integer> listedAt = new TreeMap<>();
    /** The running tasks awaited: those whose final state the client's other reads are watched for. */
    private final Set<String> awaitedRunning = ConcurrentHashMap.newKeySet();
    /** {@link #size()} as of the last poll, for the dev console's thread. */
    private volatile int awaitedCount;
    /** Final states of awaited running tasks that the client read since the last poll, by task id. */
    private final Map<String, KlingTask> sightedFinal = new ConcurrentHashMap<>();

    /**
     * @param waitedFor whether a wait of a client of the account is waiting for the task with this id now
     */
    AwaitedTasks(Supplier<KlingClient> client, Predicate<String> waitedFor, ResultKind kind, Set<KlingTaskStatus> wanted,
                 int pageSize, int maxReads, long readBudgetMillis) {
        this.client = client;
        this.waitedFor = waitedFor;
        this.finished = new WindowPaging(client, WindowPaging.query(kind, pageSize, wanted), readBudgetMillis);
        this.pageSize = pageSize;
        this.maxReads = maxReads;
        this.readBudgetMillis = readBudgetMillis;
    }

    /**
     * Takes in what the position listed, reads the running tasks again, and answers the final tasks still to emit.
     *
     * @param listed what the position just passed, every task of the product type
     * @param ours   whether a task is the consumer's (application, partition, feature), or cannot be told yet
     * @param toEmit whether a final task is still to be emitted (a wanted status, not in the repository)
     */
    List<KlingTask> due(List<KlingTask> listed, Function<KlingTask, TaskOrigin.Verdict> ours, Predicate<KlingTask> toEmit) throws Exception {
        List<KlingTask> toDecide = new ArrayList<>(undecided.values());
        undecided.clear();
        for (KlingTask task : listed) {
            listedAt.merge(task.createdAt(), 1, Integer::sum);
            toDecide.add(task);
        }
        for (KlingTask task : toDecide) {
            switch (ours.apply(task)) {
                // known already (the listing answers each task once; a restart of it would not): the fresher state wins
                case OURS -> tasks.merge(task.taskId(), task, (known, fresh) -> fresh.isFinal() ? fresh : known);
                case UNDECIDED -> undecided.put(task.taskId(), task);
                case NOT_OURS -> { }
            }
        }
        awaitedRunning.addAll(runningIds());
        readRunning();
        tasks.values().removeIf(task -> task.isFinal() && !toEmit.test(task));
        awaitedRunning.retainAll(runningIds());
        awaitedCount = tasks.size() + undecided.size();
        return tasks.values().stream().filter(KlingTask::isFinal).toList();
    }

    /** How many tasks the position passed are not emitted yet (running, final but not emitted, origin not known yet). */
    int size() {
        return awaitedCount;
    }

    /**
     * The final tasks a read of the client returned (a wait's, a get's, this consumer's own), on the client's threads:
     * keeps those this consumer awaits still running, for its next poll; so only awaited tasks are held.
     */
    void sighted(List<KlingTask> finalTasks) {
        for (KlingTask task : finalTasks) {
            if (task.isFinal() && awaitedRunning.contains(task.taskId())) {
                sightedFinal.put(task.taskId(), task);
            }
        }
    }

    /** A final state sighted replaces a running one; a task known final already keeps its state. */
    private void takeSightings() {
        for (String taskId : sightedFinal.keySet()) {
            KlingTask sighted = sightedFinal.remove(taskId);
            if (sighted != null) {
                tasks.computeIfPresent(taskId, (id, known) -> known.isFinal() ? known : sighted);
            }
        }
    }

    private Set<String> runningIds() {
        return tasks.values().stream().filter(task -> !task.isFinal()).map(KlingTask::taskId).collect(Collectors.toSet());
    }

    private void readRunning() throws Exception {
        List<KlingTask> running = tasks.values().stream().filter(task -> !task.isFinal()).toList();
        // the counts stay from the oldest task still running on, read here or not: a wait may end before its task does
        listedAt.headMap(running.stream().mapToLong(KlingTask::createdAt).min().orElse(Long.MAX_VALUE), false).clear();
        Set<String> waited = running.stream().map(KlingTask::taskId).filter(waitedFor).collect(Collectors.toSet());
        // after asking about the waits: a wait that ended on a final read handed it over before it ended
        takeSightings();
        List<KlingTask> unwaited = tasks.values().stream().filter(task -> !task.isFinal() && !waited.contains(task.taskId())).toList();
        if (unwaited.isEmpty()) {
            finished.leaveWindow();
            return;
        }
        readUnwaited(unwaited);
    }

    /** Reads again the running tasks no wait is waiting for. */
    private void readUnwaited(List<KlingTask> running) throws Exception {
        long oldest = running.stream().mapToLong(KlingTask::createdAt).min().getAsLong();
        long newest = running.stream().mapToLong(KlingTask::createdAt).max().getAsLong();
        long byId = ceilDiv(running.size(), KlingClient.TASKS_PER_READ);
        long byListing = ceilDiv(listedAt.subMap(oldest, true, newest, true).values().stream().mapToLong(Integer::longValue).sum(), pageSize);
        if (byListing < byId) {
            listAgain(oldest, newest);
        } else {
            finished.leaveWindow();
            readById(running);
        }
    }

    /** The finished tasks of the span; a pass that stops at its budget goes on next poll. */
    private void listAgain(long oldest, long newest) throws Exception {
        for (KlingTask task : finished.read(Instant.ofEpochMilli(oldest), Instant.ofEpochMilli(newest), maxReads)) {
            tasks.computeIfPresent(task.taskId(), (id, known) -> task);
        }
    }

    private void readById(List<KlingTask> running) throws Exception {
        List<String> ids = running.stream().map(KlingTask::taskId).limit((long) maxReads * KlingClient.TASKS_PER_READ).toList();
        // Blocking is fine here: this is the consumer's own scheduler thread, not a routing thread.
        List<KlingTask> read = client.get().getTasks(ids).get(readBudgetMillis, TimeUnit.MILLISECONDS);
        List<String> missing = new ArrayList<>(ids);
        for (KlingTask task : read) {
            missing.remove(task.taskId());
            tasks.remove(task.taskId());
            tasks.put(task.taskId(), task); // to the end: read most recently
        }
        for (String taskId : missing) {
            LOG.warn("Kling no longer knows task {}: it is not awaited any more", taskId);
            tasks.remove(taskId);
        }
    }

    private static long ceilDiv(long count, int per) {
        return (count + per - 1) / per;
    }
}
