package dev.camelkling.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;

/**
 * The polling consumer's position in the new design's listing, {@code POST /tasks} (kling-api-2026.md §4.2): every
 * task of the feature's product type that is still running or ended with a wanted status, each listed once, oldest
 * first.
 * <p>
 * A cursor stands in one time window, fixed when the window is opened (its end is "now" then), and lists each task of
 * the window once, with its status at that moment: going on with it never shows a later status change, nor a task
 * created after the window's end. So the position is a cursor kept across polls while the window has more, and once
 * a window is read to its end, the start of the next one: the creation time of the newest task listed so far,
 * inclusive (a task created in that same millisecond after the listing is not missed; those of that millisecond
 * listed already are passed over, so each task is answered once). Tasks listed before they were final are the caller's to read again ({@link AwaitedTasks}).
 * At most {@code maxPages} pages a poll; a poll that stops there keeps the cursor, so the next goes on.
 * <p>
 * Nothing of this survives a restart: the first window is Kling's default, the last 30 days, and the idempotent
 * repository tells which of its tasks were emitted already.
 */
final class TaskListCursor {

    private final WindowPaging paging;
    private final int maxPages;
    /** Where the next window starts (inclusive); {@code null} = Kling's default window (the last 30 days). */
    private volatile Instant windowStart;
    /** Creation time of the newest task listed so far (epoch ms); MIN_VALUE = none. */
    private long newestListed = Long.MIN_VALUE;
    /** The tasks listed in that millisecond: the next window lists them again, they are passed over then. */
    private final Set<String> listedInNewest = new HashSet<>();

    /** @param wanted the final statuses the consumer emits: tasks that ended otherwise are not listed */
    TaskListCursor(Supplier<KlingClient> client, ResultKind kind, Set<KlingTaskStatus> wanted, int pageSize, int maxPages,
                   long readBudgetMillis) {
        Set<KlingTaskStatus> listed = EnumSet.copyOf(wanted);
        listed.add(KlingTaskStatus.SUBMITTED);
        listed.add(KlingTaskStatus.PROCESSING);
        this.paging = new WindowPaging(client, WindowPaging.query(kind, pageSize, listed), readBudgetMillis);
        this.maxPages = maxPages;
    }

    /**
     * Reads up to {@code maxPages} pages from the position on and moves it past them.
     *
     * @return the tasks listed for the first time, in listing order
     */
    List<KlingTask> next() throws Exception {
        List<KlingTask> fresh = new ArrayList<>();
        for (KlingTask task : paging.read(windowStart, null, maxPages)) {
            if (task.createdAt() > newestListed) {
                newestListed = task.createdAt();
                listedInNewest.clear();
            }
            if (task.createdAt() < newestListed || listedInNewest.add(task.taskId())) {
                fresh.add(task);
            }
        }
        if (!paging.inWindow() && newestListed != Long.MIN_VALUE) {
            windowStart = Instant.ofEpochMilli(newestListed); // read to its end: the next poll opens the one after it
        }
        return fresh;
    }

    /** Where the next window starts (for the dev console); {@code null} = Kling's default window. */
    Instant windowStart() {
        return windowStart;
    }
}
