package dev.camelkling.client.wait;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The two reads a wait needs, as the client makes them (retried per its policy, seen by the concurrency queue). */
public interface TaskReads {

    CompletableFuture<KlingTask> get(KlingFeature feature, String taskId);

    /** One page of the feature's tasks, newest first. */
    CompletableFuture<List<KlingTask>> list(KlingFeature feature, int pageNum, int pageSize);
}
