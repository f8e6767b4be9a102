package dev.camelkling.simulator.callback;

import java.util.Map;

/** Told about every callback attempt the {@link CallbackDispatcher} finished, so the simulator can keep a record. */
@FunctionalInterface
public interface DeliveryListener {
    /**
     * @param body           the exact bytes sent
     * @param responseStatus the receiver's HTTP status, or -1 when no response arrived
     * @param error          why delivery failed without a response, else {@code null}
     * @param headers        the signature headers sent; empty when unsigned
     */
    void attempted(String url, String taskId, String taskStatus, byte[] body, int responseStatus, String error,
                   Map<String, String> headers);
}
