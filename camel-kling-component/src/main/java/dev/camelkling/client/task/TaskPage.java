package dev.camelkling.client.task;

import java.util.List;

/**
 * One page of the new design's task listing ({@code POST /tasks}, kling-api-2026.md §4.2). Keep {@link #nextCursor()}
 * to continue after the last task of this page, now or later: tasks created in the window since then come next.
 *
 * @param tasks      the tasks of the page, oldest first
 * @param count      Kling's {@code count}
 * @param nextCursor the cursor standing after this page's last task; {@code null} when Kling sent none
 * @param hasMore    whether more tasks are waiting now
 */
public record TaskPage(List<KlingTask> tasks, int count, String nextCursor, boolean hasMore) {

    public TaskPage {
        tasks = List.copyOf(tasks);
    }
}
