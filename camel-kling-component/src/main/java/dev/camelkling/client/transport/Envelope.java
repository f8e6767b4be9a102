package dev.camelkling.client.transport;

import com.fasterxml.jackson.databind.JsonNode;

/** Kling's response envelope {@code {code, message, request_id, data}}; {@code data} may be a missing node. */
public record Envelope(int code, String message, String requestId, JsonNode data) {
}
