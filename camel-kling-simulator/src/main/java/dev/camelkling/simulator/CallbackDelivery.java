package dev.camelkling.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One callback POST the simulator made.
 *
 * @param url            the task's {@code callback_url}
 * @param taskId         the task
 * @param taskStatus     the {@code task_status} the body reports
 * @param body           the exact bytes sent, as UTF-8 text (the bare task object, no envelope)
 * @param responseStatus the receiver's HTTP status, or -1 when no response arrived
 * @param error          why delivery failed without a response (connect refused, timeout), else {@code null}
 * @param time           when the attempt finished
 * @param headers        the signature headers sent ({@code webhook-id}, {@code webhook-timestamp},
 *                       {@code webhook-signature}); empty when callbacks are not signed
 */
public record CallbackDelivery(String url, String taskId, String taskStatus, String body,
                               int responseStatus, String error, Instant time, Map<String, String> headers) {

    public CallbackDelivery {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The original form, without signature headers. */
    public CallbackDelivery(String url, String taskId, String taskStatus, String body,
                            int responseStatus, String error, Instant time) {
        this(url, taskId, taskStatus, body, responseStatus, error, time, Map.of());
    }

    /** Whether the receiver answered 2xx. */
    public boolean delivered() {
        return error == null && responseStatus >= 200 && responseStatus < 300;
    }
}
