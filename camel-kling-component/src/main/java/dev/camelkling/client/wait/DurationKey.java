package dev.camelkling.client.wait;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;

import java.util.Map;

/**
 * What makes tasks take about as long as each other: the product, and the request's model, mode and duration (a
 * {@code null} part was not given). A task the client did not create itself is known by its feature alone.
 */
public record DurationKey(KlingFeature feature, String model, String mode, String duration) {

    public static DurationKey of(KlingRequest request) {
        Map<String, Object> fields = request.effectiveFields();
        return new DurationKey(request.feature(), text(fields.get("model_name")), text(fields.get("mode")),
                text(fields.get("duration")));
    }

    public static DurationKey of(KlingFeature feature) {
        return new DurationKey(feature, null, null, null);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
