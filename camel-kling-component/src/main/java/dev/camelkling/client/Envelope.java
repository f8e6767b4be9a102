package dev.camelkling.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Kling's response envelope {@code {code, message, request_id, data}}; {@code data} may be a missing node. */
record Envelope(int code, String message, String requestId, JsonNode data) {
}
