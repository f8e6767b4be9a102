package dev.camelkling.examples.flows;

import java.util.List;

import dev.camelkling.component.KlingConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * One job's result, as the JSON value of its record on the results topic: the job's key, the final Kling status
 * ({@code succeed} or {@code failed}) with Kling's message, the task and the result URLs. A job Kling never accepted
 * (refused locally or by Kling: nothing was created) is {@code failed} without a task id.
 */
public record KafkaFlowResult(String key, String status, String statusMessage, String taskId, String externalTaskId,
                              List<String> resultUrls) {

    static final String FAILED = "failed";

    /** The result of a finished task, from the headers the Kling consumer sets (and the key the route recovered). */
    public static KafkaFlowResult ofTask(@Header(KafkaConstants.KEY) String key,
                                         @Header(KlingConstants.TASK_STATUS) String status,
                                         @Header(KlingConstants.TASK_STATUS_MESSAGE) String statusMessage,
                                         @Header(KlingConstants.TASK_ID) String taskId,
                                         @Header(KlingConstants.EXTERNAL_TASK_ID) String externalTaskId,
                                         @Header(KlingConstants.RESULT_URLS) List<String> resultUrls) {
        return new KafkaFlowResult(key, status, statusMessage == null ? "" : statusMessage, taskId, externalTaskId,
                resultUrls == null ? List.of() : resultUrls);
    }

    /** The result of a job refused before any task existed, with the refusal's message (which names the rule). */
    public static KafkaFlowResult refused(@Header(KafkaConstants.KEY) String key,
                                          @Header(KlingConstants.EXTERNAL_TASK_ID) String externalTaskId,
                                          @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable refusal) {
        return new KafkaFlowResult(key, FAILED, refusal.getMessage(), null, externalTaskId, List.of());
    }
}
