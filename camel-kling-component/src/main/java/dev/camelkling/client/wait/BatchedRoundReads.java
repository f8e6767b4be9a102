package dev.camelkling.client.wait;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.transport.TransportErrors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * How a round of new-design waits reads their tasks (kling-api-2026.md §4). The new design reads the tasks of every
 * feature the same way, so all its waits share one {@link FeatureRounds}.
 *
 * <ul>
 * <li>Up to {@value TaskReads#IDS_PER_BATCH} waits in all: one {@code GET /tasks?task_ids=} call for the due ones,
 * filled up with the waits due soonest: they are read for free, count as read, and fall into the same rounds from then
 * on.</li>
 * <li>More waits (due or not: the round's schedule, {@link ReadSchedule#roundGap}, counts on a round answering for all
 * of them, and deciding by the due ones alone would let the waits settle into groups of twenty read apart): the pages of {@code POST /tasks} that hold the account's <em>final</em> tasks created since the oldest
 * waited one ({@value #LIST_LIMIT} a page). A waited task these pages show is final; one they do not show, once the
 * last page was read, is still running, so a round costs about one request per {@value #LIST_LIMIT} finished tasks,
 * however many are waited for. When the pages stop early ({@value #MAX_PAGES} of them, or an error), the due waits
 * they did not answer for are read in batches. So that a task the pages miss (Kling's list lagging behind its task,
 * say) is not waited for forever, a wait concluded running that way is read by its id again once
 * {@value #BY_ID_EVERY} times {@code maxPollInterval} (a minute by default) have passed since its last such read:
 * a task of 20-40 s is never read by id, a 5-minute one about five times (a quarter of a request in batches).</li>
 * <li>A task missing from a batch's answer (Kling leaves unknown ids out) is read again alone: either Kling shows it
 * then, or its wait fails with the client's 1203 naming the task. A batch that fails even after the client's retries
 * fails the due waits it was reading, as a failed GET fails a legacy wait.</li>
 * </ul>
 */
final class BatchedRoundReads {

    private static final Logger LOG = LoggerFactory.getLogger(BatchedRoundReads.class);

    /** Tasks per {@code POST /tasks} page: the most Kling gives. */
    static final int LIST_LIMIT = 500;
    private static final int MAX_PAGES = 10;
    static final int BY_ID_EVERY = 4;
    private static final long A_YEAR_MILLIS = 365L * 24 * 3600 * 1000;

    private final FeatureRounds rounds;
    private final TaskReads reads;

    BatchedRoundReads(FeatureRounds rounds, TaskReads reads) {
        this.rounds = rounds;
        this.reads = reads;
    }

    /** Requests a round costs when it reads all {@code waiting} waits: one batch, or the pages of finished tasks. */
    static int requestsPerRound(int waiting) {
        return waiting <= TaskReads.IDS_PER_BATCH ? 1 : (waiting + LIST_LIMIT - 1) / LIST_LIMIT;
    }

    CompletableFuture<Void> read(List<PendingWait> due) {
        Map<String, List<PendingWait>> all = rounds.everyWaited();
        if (all.size() <= TaskReads.IDS_PER_BATCH) {
            return batches(due, all);
        }
        return listFinished(due, all).thenCompose(rest -> batches(rest, all));
    }

    private static Set<String> taskIds(List<PendingWait> waits) {
        Set<String> ids = new LinkedHashSet<>();
        waits.forEach(wait -> ids.add(wait.taskId));
        return ids;
    }

    private CompletableFuture<Void> batches(List<PendingWait> due, Map<String, List<PendingWait>> all) {
        Set<String> dueIds = taskIds(due);
        if (dueIds.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<String> ids = new ArrayList<>(dueIds);
        int room = (TaskReads.IDS_PER_BATCH - ids.size() % TaskReads.IDS_PER_BATCH) % TaskReads.IDS_PER_BATCH;
        all.entrySet().stream()
                .filter(entry -> !dueIds.contains(entry.getKey()))
                .sorted(Comparator.comparingLong(entry -> entry.getValue().stream().mapToLong(wait -> wait.dueNanos).min().orElse(Long.MAX_VALUE)))
                .limit(room)
                .forEach(entry -> ids.add(entry.getKey()));
        List<CompletableFuture<List<PendingWait>>> calls = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += TaskReads.IDS_PER_BATCH) {
            List<String> chunk = ids.subList(from, Math.min(from + TaskReads.IDS_PER_BATCH, ids.size()));
            calls.add(batch(chunk, dueIds));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenCompose(ignored -> {
            List<PendingWait> missing = new ArrayList<>();
            calls.forEach(call -> missing.addAll(call.join()));
            if (missing.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            LOG.debug("GET /tasks left out {} waited task(s); reading each alone", missing.size());
            return rounds.getEach(missing);
        });
    }

    /** One call; answers the due waits whose task the answer left out. */
    private CompletableFuture<List<PendingWait>> batch(List<String> chunk, Set<String> dueIds) {
        return reads.getBatch(chunk).handle((tasks, error) -> {
            List<PendingWait> missing = new ArrayList<>();
            if (error != null) {
                Throwable cause = TransportErrors.unwrap(error);
                chunk.stream().filter(dueIds::contains).forEach(id -> rounds.waitsOf(id).forEach(wait -> wait.result.completeExceptionally(cause)));
                return missing;
            }
            Set<String> shown = new HashSet<>();
            for (KlingTask task : tasks) {
                shown.add(task.taskId());
                rounds.waitsOf(task.taskId()).forEach(wait -> rounds.read(wait, task));
            }
            chunk.stream().filter(id -> dueIds.contains(id) && !shown.contains(id)).forEach(id -> missing.addAll(rounds.waitsOf(id)));
            return missing;
        });
    }

    /**
     * Reads the pages of final tasks; when the last page was reached, every listed wait they did not show counts as
     * read (still running). Returns the due waits left to read in batches.
     */
    private CompletableFuture<List<PendingWait>> listFinished(List<PendingWait> due, Map<String, List<PendingWait>> all) {
        Map<String, List<PendingWait>> unshown = new LinkedHashMap<>();
        long from = Long.MAX_VALUE;
        for (Map.Entry<String, List<PendingWait>> entry : all.entrySet()) {
            // a wait can be answered by the pages once its task's created_at is known (the window) and a status to keep
            if (entry.getValue().stream().allMatch(wait -> wait.serverCreatedAt > 0 && wait.lastSeen != null)) {
                unshown.put(entry.getKey(), entry.getValue());
                from = Math.min(from, entry.getValue().get(0).serverCreatedAt);
            }
        }
        if (unshown.isEmpty()) {
            return CompletableFuture.completedFuture(due);
        }
        Set<String> listed = new HashSet<>(unshown.keySet());
        return readPages(from, null, 1, unshown).handle((lastPageRead, error) -> {
            boolean complete = error == null && lastPageRead;
            if (error != null) {
                LOG.debug("Listing finished new-design tasks failed; reading the due ones in batches", error);
            }
            List<PendingWait> rest = new ArrayList<>();
            due.stream().filter(wait -> !wait.result.isDone() && !(complete && listed.contains(wait.taskId))).forEach(rest::add);
            if (complete) {
                long byIdEvery = BY_ID_EVERY * Math.min(rounds.settings().maxPollInterval().toMillis(), A_YEAR_MILLIS);
                long staleBefore = System.nanoTime() - byIdEvery * 1_000_000L;
                unshown.values().forEach(of -> of.forEach(wait -> {
                    if (wait.readByIdNanos - staleBefore < 0) {
                        rest.add(wait);
                    } else {
                        rounds.stillRunning(wait);
                    }
                }));
            }
            return rest;
        });
    }

    /** Completes with whether the last page was read. */
    private CompletableFuture<Boolean> readPages(long from, String cursor, int pageNum, Map<String, List<PendingWait>> unshown) {
        return reads.listFinished(from, cursor).thenCompose(page -> {
            for (KlingTask task : page.tasks()) {
                if (unshown.remove(task.taskId()) != null) {
                    rounds.waitsOf(task.taskId()).forEach(wait -> rounds.read(wait, task));
                }
            }
            if (!page.hasMore() || unshown.isEmpty()) {
                return CompletableFuture.completedFuture(true);
            }
            return pageNum >= MAX_PAGES ? CompletableFuture.completedFuture(false)
                    : readPages(from, page.nextCursor(), pageNum + 1, unshown);
        });
    }
}
