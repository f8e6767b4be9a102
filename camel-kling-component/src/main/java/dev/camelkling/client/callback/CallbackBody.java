package dev.camelkling.client.callback;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.transport.KlingJson;

/** What Kling posts to a {@code callback_url}: the task object itself, without the response envelope. */
public final class CallbackBody {

    private CallbackBody() {
    }

    /** Parses a task object, e.g. the body of a callback. Unknown fields are ignored. */
    public static KlingTask task(String json) {
        return KlingJson.parseTask(json);
    }
}
