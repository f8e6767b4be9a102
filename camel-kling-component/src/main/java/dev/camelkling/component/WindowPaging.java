package dev.camelkling.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.TaskQuery;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.TaskPage;

/**
 * Pages through one {@code POST /tasks} window (kling-api-2026.md §4.2) with its cursor, over as many polls as it
 * takes: a read that stops at its page budget keeps the cursor and the next goes on from it; a read that reaches the
 * window's end drops it, and the next read opens a new window.
 */
final class WindowPaging {

    private final Supplier<KlingClient> client;
    private final TaskQuery base;
    private final long readBudgetMillis;
    /** The position inside the open window; {@code null} = none open. */
    private String cursor;

    WindowPaging(Supplier<KlingClient> client, TaskQuery base, long readBudgetMillis) {
        this.client = client;
        this.base = base;
        this.readBudgetMillis = readBudgetMillis;
    }

    /**
     * Up to {@code maxPages} pages, from the cursor, or else of the window {@code start}-{@code end} (inclusive;
     * {@code null} leaves a bound to Kling's default: the last 30 days, up to now).
     */
    List<KlingTask> read(Instant start, Instant end, int maxPages) throws Exception {
        List<KlingTask> listed = new ArrayList<>();
        TaskQuery query = cursor != null ? base.withCursor(cursor) : base.withWindow(start, end);
        for (int page = 0; page < maxPages; page++) {
            // Blocking is fine here: this is the consumer's own scheduler thread, not a routing thread.
            TaskPage answer = client.get().listTasks(query).get(readBudgetMillis, TimeUnit.MILLISECONDS);
            listed.addAll(answer.tasks());
            if (!answer.hasMore() || answer.nextCursor() == null) {
                cursor = null;
                return listed;
            }
            cursor = answer.nextCursor();
            query = base.withCursor(cursor);
        }
        return listed;
    }

    /** Whether a window is open: the last read stopped at its page budget. */
    boolean inWindow() {
        return cursor != null;
    }

    /** Leaves the open window: the next read opens a new one. */
    void leaveWindow() {
        cursor = null;
    }

    /** Pages of {@code pageSize} tasks of the feature's product type (image or video) in one of these states. */
    static TaskQuery query(ResultKind kind, int pageSize, Collection<KlingTaskStatus> statuses) {
        return TaskQuery.all().withLimit(pageSize).withProductTypes(kind == ResultKind.IMAGE ? "image" : "video")
                .withStatuses(statuses.toArray(KlingTaskStatus[]::new));
    }
}
