package dev.camelkling.component;

import dev.camelkling.client.task.KlingTask;
import org.apache.camel.Message;

/** Writes a task onto a message the same way for producers and consumers: the task as body, its key facts as headers. */
final class KlingTaskMessages {

    private KlingTaskMessages() {
    }

    static void populate(Message message, KlingTask task) {
        message.setBody(task);
        message.setHeader(KlingConstants.TASK_ID, task.taskId());
        message.setHeader(KlingConstants.TASK_STATUS, task.status() == null ? null : task.status().wireValue());
        message.setHeader(KlingConstants.TASK_STATUS_MESSAGE, task.statusMessage() == null ? "" : task.statusMessage());
        message.setHeader(KlingConstants.EXTERNAL_TASK_ID, task.externalTaskId());
        message.setHeader(KlingConstants.RESULT_URLS, task.resultUrls());
        message.setHeader(KlingConstants.VIDEO_ID, task.firstVideoId());
        message.setHeader(KlingConstants.BILLING, task.billing());
        message.setHeader(KlingConstants.DESIGN, task.design());
        message.setHeader(KlingConstants.CREATED_AT, task.createdAt());
        message.setHeader(KlingConstants.UPDATED_AT, task.updatedAt());
    }
}
