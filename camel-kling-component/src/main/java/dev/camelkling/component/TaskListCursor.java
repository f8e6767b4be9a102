package dev.camelkling.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.TaskQuery;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.TaskPage;

/**
 * The polling consumer's position in the new design's listing, {@code POST /tasks} (kling-api-2026.md §4.2): every
 * task of the feature's product type that is still running or ended with a wanted status, each listed once, oldest
 * first.
 * <p>
 * A cursor stands in one time window, fixed when the window is opened (its end is "now" then), and lists each task of
 * the window once, with its status at that moment: going on with it never shows a later status change, nor a task
 * created after the window's end. So the position is a cursor kept across polls while the window has more, and once
 * a window is read to its end, the start of the next one: the creation time of the newest task listed so far,
 * inclusive (a task created in that same millisecond after the listing is not missed; the few listed twice are told
 * apart by the caller). Tasks listed before they were final are the caller's to read again ({@link AwaitedTasks}).
 * At most {@code maxPages} pages a poll; a poll that stops there keeps the cursor, so the next goes on.
 * <p>
 * Nothing of this survives a restart: the first window is Kling's default, the last 30 days, and the idempotent
 * repository tells which of its tasks were emitted already.
 */
final class TaskListCursor {

    private final Supplier<KlingClient> client;
    private final TaskQuery base;
    private final int maxPages;
    private final long readBudgetMillis;
    /** Where the next window starts (inclusive); {@code null} = Kling's default window (the last 30 days). */
    private volatile Instant windowStart;
    /** The position inside the open window; {@code null} = the next poll opens a window at {@link #windowStart}. */
    private volatile String cursor;
    /** Creation time of the newest task listed so far (epoch ms); MIN_VALUE = none. */
    private long newestListed = Long.MIN_VALUE;

    /** @param wanted the final statuses the consumer emits: tasks that ended otherwise are not listed */
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

    /** Reads up to {@code maxPages} pages from the position on and moves it past them; listing order. */
    List<KlingTask> next() throws Exception {
        List<KlingTask> listed = new ArrayList<>();
        TaskQuery query = cursor != null ? base.withCursor(cursor) : base.withWindow(windowStart, null);
        for (int page = 0; page < maxPages; page++) {
            // Blocking is fine here: this is the consumer's own scheduler thread, not a routing thread.
            TaskPage answer = client.get().listTasks(query).get(readBudgetMillis, TimeUnit.MILLISECONDS);
            for (KlingTask task : answer.tasks()) {
                newestListed = Math.max(newestListed, task.createdAt());
                listed.add(task);
            }
            if (!answer.hasMore() || answer.nextCursor() == null) {
                // the window is read to its end: the next poll opens the one after it
                cursor = null;
                windowStart = newestListed == Long.MIN_VALUE ? windowStart : Instant.ofEpochMilli(newestListed);
                return listed;
            }
            cursor = answer.nextCursor();
            query = base.withCursor(cursor);
        }
        return listed;
    }

    /** Where the next window starts (for the dev console); {@code null} = Kling's default window. */
    Instant windowStart() {
        return windowStart;
    }
}
