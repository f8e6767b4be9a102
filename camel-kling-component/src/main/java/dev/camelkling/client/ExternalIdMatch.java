package dev.camelkling.client;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.transport.Envelope;
import dev.camelkling.client.transport.KlingJson;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The query form of the external-id lookup is undocumented: a server may answer with the task or with a filtered
 * list. Either way the caller gets the one task carrying that external id, or a 404/1203 like the path form.
 */
final class ExternalIdMatch {

    private ExternalIdMatch() {
    }

    static KlingTask single(Envelope envelope, String externalTaskId, String operation) {
        JsonNode data = envelope.data();
        if (data.isObject()) {
            return KlingJson.task(data);
        }
        List<KlingTask> tasks = KlingJson.tasks(data);
        return tasks.stream()
                .filter(task -> externalTaskId.equals(task.externalTaskId()))
                .findFirst()
                .orElseThrow(() -> new KlingApiException(operation, 404, KlingErrorCode.RESOURCE_NOT_FOUND.code(),
                        "no task with this external_task_id", envelope.requestId(), false, null));
    }
}
