package dev.camelkling.examples.flows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelkling.component.KlingConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Makes the body the sidecar of a finished job, as a Map for camel-jackson: the input, the video written, and the task
 * as Kling reported it (read from the {@code CamelKling*} headers the producer set).
 */
public class FileFlowSidecar implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("input", message.getHeader(Exchange.FILE_NAME, String.class));
        String video = message.getHeader(Exchange.FILE_NAME_PRODUCED, String.class); // the MP4 just written
        record.put("video", video == null ? null : Path.of(video).getFileName().toString());
        putTask(record, message);
        message.setBody(withoutNulls(record));
    }

    /** The task fields both the sidecar and the error report carry; only the external id when no task was made. */
    static void putTask(Map<String, Object> record, Message message) {
        record.put("taskId", message.getHeader(KlingConstants.TASK_ID, String.class));
        record.put("externalTaskId", message.getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class));
        if (message.getHeader(KlingConstants.TASK_ID) == null) {
            return;
        }
        record.put("status", message.getHeader(KlingConstants.TASK_STATUS, String.class));
        record.put("statusMessage", message.getHeader(KlingConstants.TASK_STATUS_MESSAGE, String.class));
        record.put("resultUrls", message.getHeader(KlingConstants.RESULT_URLS));
        record.put("videoId", message.getHeader(KlingConstants.VIDEO_ID, String.class));
        Long created = message.getHeader(KlingConstants.CREATED_AT, Long.class);
        Long updated = message.getHeader(KlingConstants.UPDATED_AT, Long.class);
        record.put("createdAt", created == null ? null : Instant.ofEpochMilli(created).toString());
        record.put("updatedAt", updated == null ? null : Instant.ofEpochMilli(updated).toString());
        record.put("generationMillis", created == null || updated == null ? null : updated - created);
    }

    static Map<String, Object> withoutNulls(Map<String, Object> record) {
        record.values().removeIf(value -> value == null);
        return record;
    }
}
