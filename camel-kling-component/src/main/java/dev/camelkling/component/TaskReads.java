package dev.camelkling.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import org.apache.camel.Message;

/**
 * Operation {@code get}: reads one task the way its design reads it. A task id alone does not say its design, so the
 * message does: header {@code CamelKlingDesign} (set on every task result), else the model of the request that made it
 * (header {@code CamelKlingModelName}, then the endpoint's {@code modelName}). Legacy tasks are read from the feature's
 * path, new-design tasks from {@code GET /tasks}.
 */
final class TaskReads {

    private final KlingClient client;
    private final KlingFeature feature;

    TaskReads(KlingClient client, KlingFeature feature) {
        this.client = client;
        this.feature = feature;
    }

    static DesignStandard design(Message message, KlingFeature feature, String endpointModel) {
        if (message.getHeader(KlingConstants.DESIGN) != null) {
            return HeaderValues.read(message, KlingConstants.DESIGN, DesignStandard.class, DesignStandard.LEGACY, null);
        }
        String model = message.getHeader(KlingConstants.MODEL_NAME, endpointModel, String.class);
        return model == null ? DesignStandard.LEGACY : feature.schema().design(Map.of("model_name", model));
    }

    CompletableFuture<KlingTask> byId(String taskId, DesignStandard design) {
        return design == DesignStandard.NEW_DESIGN ? client.get(feature, knownOnlyById(taskId)) : client.get(feature, taskId);
    }

    CompletableFuture<KlingTask> byExternalId(String externalTaskId, DesignStandard design) {
        if (design == DesignStandard.LEGACY) {
            return client.getByExternalId(feature, externalTaskId);
        }
        return client.getTasksByExternalIds(List.of(externalTaskId)).thenApply(tasks -> tasks.stream().findFirst()
                .orElseThrow(() -> new KlingApiException("GET /tasks", KlingErrorCode.RESOURCE_NOT_FOUND.httpStatus(),
                        KlingErrorCode.RESOURCE_NOT_FOUND.code(), "GET /tasks returned no task with external id "
                        + externalTaskId, null, false, null)));
    }

    /** A new-design task of which only the id is known: enough for the client to read it from {@code GET /tasks}. */
    private static KlingTask knownOnlyById(String taskId) {
        return new KlingTask(taskId, KlingTaskStatus.SUBMITTED, null, null, null, null, null, 0, 0, null, null, null, null,
                DesignStandard.NEW_DESIGN);
    }
}
