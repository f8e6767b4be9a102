package dev.camelkling.simulator;

import dev.camelkling.simulator.callback.DeliveryListener;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every callback attempt as a {@link CallbackDelivery} for {@link KlingSimulator#callbackDeliveries()}. */
final class CallbackLog implements DeliveryListener {
    private final List<CallbackDelivery> deliveries = new CopyOnWriteArrayList<>();

    @Override
    public void attempted(String url, String taskId, String taskStatus, byte[] body, int responseStatus, String error,
                          Map<String, String> headers) {
        deliveries.add(new CallbackDelivery(url, taskId, taskStatus, new String(body, StandardCharsets.UTF_8),
                responseStatus, error, Instant.now(), headers));
    }

    List<CallbackDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    void clear() {
        deliveries.clear();
    }
}
