package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;

import java.net.URI;
import java.net.URISyntaxException;

/** The fields every create accepts: {@code external_task_id}, {@code callback_url}, {@code watermark_info}. */
final class CommonFields {
    private CommonFields() {
    }

    static TaskOrder.Builder apply(RequestFields fields, TaskOrder.Builder order) {
        String externalTaskId = fields.string("external_task_id");
        if (externalTaskId != null && !externalTaskId.isEmpty()) {
            if (externalTaskId.length() > 256) {
                throw ApiException.invalidParameter(fields.path("external_task_id") + " must be at most 256 characters");
            }
            order.externalTaskId(externalTaskId);
        }
        String callbackUrl = fields.string("callback_url");
        if (callbackUrl != null && !callbackUrl.isEmpty()) {
            requireHttpUrl(fields.path("callback_url"), callbackUrl);
            order.callbackUrl(callbackUrl);
        }
        JsonNode watermark = fields.object("watermark_info");
        if (watermark != null) {
            JsonNode enabled = watermark.get("enabled");
            if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
                throw ApiException.invalidParameter(fields.path("watermark_info") + ".enabled must be a boolean");
            }
            order.watermarkEnabled(enabled != null && enabled.asBoolean());
        }
        return order;
    }

    static URI requireHttpUrl(String fieldPath, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ApiException.invalidParameter(fieldPath + " must be a valid http(s) URL");
    }
}
