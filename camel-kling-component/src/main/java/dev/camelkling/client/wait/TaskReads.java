package dev.camelkling.client.wait;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The two reads a wait needs, as the client makes them (retried per its policy, seen by the concurrency queue). */
public interface TaskReads {

    /** One task, read the way its design reads tasks (legacy: the feature's path; new design: {@code GET /tasks}). */
    CompletableFuture<KlingTask> get(KlingFeature feature, DesignStandard design, String taskId);

    /** One page of the feature's legacy tasks, newest first (the new design has no such page). */
    CompletableFuture<List<KlingTask>> list(KlingFeature feature, int pageNum, int pageSize);
}
