package dev.camelkling.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.TaskQuery;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.TaskPage;

/**
 * The polling consumer's reads on the new design: {@code POST /tasks} (kling-api-2026.md §4.2), oldest first, filtered
 * to the feature's product type and to the statuses that may still end in an emission. Its position is a time and a
 * cursor: each poll opens a window from the creation time of the oldest task still awaited (not final yet, or final
 * but not emitted) and pages with the cursor; when a poll stops at {@code maxPagesPerPoll} before any awaited task,
 * the next one goes on from the cursor. So no task is missed however many arrive, and none depends on "newest first"
 * paging. What was emitted is the endpoint's idempotent repository's business, as for the legacy list.
 */
final class TaskListCursor {

    private final Supplier<KlingClient> client;
    private final TaskQuery base;
    private final int maxPages;
    private final long readBudgetMillis;
    /** Where the next poll's window starts (inclusive); {@code null} = Kling's default window (the last 30 days). */
    private volatile Instant since;
    /** Where the last poll stopped before the end of its window, to go on from; {@code null} = open a window. */
    private volatile String cursor;

    TaskListCursor(Supplier<KlingClient> client, ResultKind kind, Set<KlingTaskStatus> wanted, int pageSize, int maxPages,
                   long readBudgetMillis) {
        this.client = client;
        Set<KlingTaskStatus> listed = EnumSet.copyOf(wanted);
        listed.add(KlingTaskStatus.SUBMITTED);
        listed.add(KlingTaskStatus.PROCESSING);
        this.base = TaskQuery.all().withLimit(pageSize).withProductTypes(kind == ResultKind.IMAGE ? "image" : "video")
                .withStatuses(listed.toArray(KlingTaskStatus[]::new));
        this.maxPages = maxPages;
        this.readBudgetMillis = readBudgetMillis;
    }

    /**
     * Reads up to {@code maxPages} pages from the position and moves it on.
     *
     * @param awaited whether a listed task is still to be emitted (this application's, and not final or not emitted)
     * @return the listed tasks in listing order; the caller picks what to emit
     */
    List<KlingTask> poll(Predicate<KlingTask> awaited) throws Exception {
        TaskQuery query = cursor != null ? base.withCursor(cursor) : base.withWindow(since, null);
        Instant oldestAwaited = null;
        Instant newestSeen = since;
        String next = null;
        List<KlingTask> listed = new ArrayList<>();
        boolean more = false;
        for (int page = 0; page < maxPages; page++) {
            // Blocking is fine here: this is the consumer's own scheduler thread, not a routing thread.
            TaskPage answer = client.get().listTasks(query).get(readBudgetMillis, TimeUnit.MILLISECONDS);
            for (KlingTask task : answer.tasks()) {
                Instant created = Instant.ofEpochMilli(task.createdAt());
                newestSeen = newestSeen == null || created.isAfter(newestSeen) ? created : newestSeen;
                if (oldestAwaited == null && awaited.test(task)) {
                    oldestAwaited = created;
                }
                listed.add(task);
            }
            more = answer.hasMore() && answer.nextCursor() != null;
            if (!more) {
                break;
            }
            next = answer.nextCursor();
            query = base.withCursor(next);
        }
        if (oldestAwaited != null) {
            since = oldestAwaited;   // read again from there: the window is reopened, the cursor dropped
            cursor = null;
        } else if (more) {
            cursor = next;           // everything so far settled: go on after the last page
        } else {
            since = newestSeen;      // all settled: inclusive, so a task created in the same millisecond is not missed
            cursor = null;
        }
        return listed;
    }

    /** The window start of the next poll (for the dev console); {@code null} = Kling's default window. */
    Instant since() {
        return since;
    }
}
