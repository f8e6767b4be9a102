package dev.camelkling.client;

import dev.camelkling.client.auth.ApiKeyCredentials;
import dev.camelkling.client.auth.KlingCredentials;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.TaskPage;
import dev.camelkling.client.transport.KlingHttp;
import dev.camelkling.client.transport.KlingJson;
import dev.camelkling.client.transport.Retrier;
import dev.camelkling.client.wait.TaskReads;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The new design's task reads (kling-api-2026.md §4), for {@link KlingClient}: {@code GET /tasks} batches by task id
 * or external id, and {@code POST /tasks} pages. API key only; retried per the client's policy; every task read is
 * handed to the client's {@code seen} hook (the concurrency queue, the waits).
 */
final class NewDesignReads {

    static final String TASKS_PATH = "/tasks";
    static final String TASK_IDS = "task_ids";
    static final String EXTERNAL_TASK_IDS = "external_task_ids";

    private final KlingHttp http;
    private final Retrier retrier;
    private final KlingCredentials credentials;
    private final Consumer<List<KlingTask>> seen;

    NewDesignReads(KlingHttp http, Retrier retrier, KlingCredentials credentials, Consumer<List<KlingTask>> seen) {
        this.http = http;
        this.retrier = retrier;
        this.credentials = credentials;
        this.seen = seen;
    }

    /**
     * {@code GET /tasks?<parameter>=a,b,...}, at most {@value TaskReads#IDS_PER_BATCH} ids per call, the calls made
     * together; the tasks Kling returned, in the order asked, each once.
     */
    CompletableFuture<List<KlingTask>> byIds(String parameter, Collection<String> ids) {
        String subject = "GET " + TASKS_PATH;
        List<String> distinct;
        try {
            requireApiKey(subject, "GET /tasks belongs to the new design");
            distinct = TaskBatches.distinctIds(subject, parameter, ids);
        } catch (KlingValidationException e) {
            return CompletableFuture.failedFuture(e); // also when a wait polls: its poll must not throw
        }
        List<CompletableFuture<List<KlingTask>>> calls = TaskBatches.chunks(distinct, TaskReads.IDS_PER_BATCH).stream()
                .map(chunk -> TASKS_PATH + "?" + parameter + "=" + String.join(",", chunk.stream().map(TaskBatches::encode).toList()))
                .map(path -> retrier.call("GET " + path, () -> http.call("GET", path, null, true)
                        .thenApply(envelope -> KlingJson.tasks(envelope.data()))))
                .toList();
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<KlingTask> tasks = TaskBatches.inOrderAsked(distinct, calls.stream().flatMap(call -> call.join().stream()).toList(),
                    parameter.equals(TASK_IDS) ? KlingTask::taskId : KlingTask::externalTaskId);
            seen.accept(tasks);
            return tasks;
        });
    }

    /** One task by id; an id Kling does not return fails with 1203 naming it. */
    CompletableFuture<KlingTask> one(String taskId) {
        return byIds(TASK_IDS, List.of(taskId)).thenApply(tasks -> tasks.stream().findFirst()
                .orElseThrow(() -> new KlingApiException("GET " + TASKS_PATH, 404, KlingErrorCode.RESOURCE_NOT_FOUND.code(),
                        "GET /tasks returned no task " + taskId, null, false, null)));
    }

    /** One page of {@code POST /tasks}. */
    CompletableFuture<TaskPage> list(TaskQuery query) {
        byte[] body;
        try {
            requireApiKey("POST " + TASKS_PATH, "POST /tasks belongs to the new design");
            body = KlingJson.write(query.toBody(), "task list query");
        } catch (KlingValidationException e) {
            return CompletableFuture.failedFuture(e); // also when a wait polls: its poll must not throw
        }
        return retrier.call("POST " + TASKS_PATH, () -> http.call("POST", TASKS_PATH, body, true).thenApply(envelope -> {
            TaskPage page = KlingJson.taskPage(envelope.data());
            seen.accept(page.tasks());
            return page;
        }));
    }

    /**
     * The new design takes an API key only (kling-api-2026.md §1): with an access key / secret key pair its requests
     * would be refused (401/1002), so they fail here, before any is sent.
     */
    void requireApiKey(String subject, String why) {
        if (!(credentials instanceof ApiKeyCredentials)) {
            throw new KlingValidationException(subject, "apiKey", "is required: " + why + ", which accepts only an API key;"
                    + " configure an API key (KlingClientConfig.Builder.apiKey, option apiKey) instead of the access key and secret key");
        }
    }
}
