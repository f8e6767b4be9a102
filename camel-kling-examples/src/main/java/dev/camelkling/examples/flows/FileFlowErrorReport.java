package dev.camelkling.examples.flows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Makes the body the error report of a failed job, as a Map for camel-jackson: why (the exception's message), which
 * field broke which rule when the input was invalid, and the task when one was made (a task that ended
 * {@code failed}).
 */
public class FileFlowErrorReport implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("input", message.getHeader(Exchange.FILE_NAME, String.class));
        record.put("reason", cause == null ? null : cause.getMessage());
        record.put("error", cause == null ? null : cause.getClass().getSimpleName());
        if (cause instanceof KlingValidationException invalid) {
            record.put("field", invalid.field());
            record.put("rule", invalid.rule());
        } else if (cause instanceof JsonProcessingException unreadable) {
            record.put("field", "body");
            record.put("rule", "must be a JSON object of prompt and options (" + unreadable.getOriginalMessage() + ")");
        }
        FileFlowSidecar.putTask(record, message);
        record.put("failedAt", Instant.now().toString());
        message.setBody(FileFlowSidecar.withoutNulls(record));
    }
}
