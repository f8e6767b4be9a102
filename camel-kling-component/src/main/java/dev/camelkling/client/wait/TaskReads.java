package dev.camelkling.client.wait;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.TaskPage;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The reads a wait needs, as the client makes them (retried per its policy, seen by the concurrency queue). */
public interface TaskReads {

    /** Ids per {@code GET /tasks} call: what the vendor's client author's library sends (kling-api-2026.md §4.1). */
    int IDS_PER_BATCH = 20;

    /** One task, read the way its design reads tasks (legacy: the feature's path; new design: {@code GET /tasks}). */
    CompletableFuture<KlingTask> get(KlingFeature feature, DesignStandard design, String taskId);

    /** One page of the feature's legacy tasks, newest first (the new design has no such page). */
    CompletableFuture<List<KlingTask>> list(KlingFeature feature, int pageNum, int pageSize);

    /**
     * One {@code GET /tasks?task_ids=} call (at most {@value #IDS_PER_BATCH} ids): the tasks Kling returned, in the
     * order asked; an id Kling does not return is left out.
     */
    CompletableFuture<List<KlingTask>> getBatch(List<String> taskIds);

    /**
     * One page of {@code POST /tasks}: the account's tasks that are final ({@code succeeded} or {@code failed}),
     * created at or after {@code createdFromMillis} (Kling's clock), oldest first; {@code cursor} continues after a
     * page ({@code null} for the first).
     */
    CompletableFuture<TaskPage> listFinished(long createdFromMillis, String cursor);
}
