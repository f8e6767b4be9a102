package dev.camelkling.client.callback;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.transport.KlingJson;

/**
 * What Kling posts to a {@code callback_url}: the task object itself, without the response envelope. Both designs'
 * bodies are read: the legacy one ({@code task_id}, {@code task_status}, {@code task_result}) and the new design's
 * (kling-api-2026.md §6: {@code id}, {@code status}, {@code outputs[]}, {@code billing[]}); both are signed alike
 * ({@link StandardWebhookVerifier}).
 */
public final class CallbackBody {

    private CallbackBody() {
    }

    /**
     * Parses a task object of either design, e.g. the body of a callback; {@link KlingTask#design()} tells which it was.
     * Unknown fields are ignored.
     */
    public static KlingTask task(String json) {
        return KlingJson.parseTask(json);
    }
}
