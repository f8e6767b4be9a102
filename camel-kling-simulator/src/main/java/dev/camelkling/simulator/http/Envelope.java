package dev.camelkling.simulator.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** Builds the {@code {code, message, request_id, data}} answer every JSON endpoint uses (§2.4). */
public final class Envelope {
    /**
     * Also parses request bodies. Base64 images reach ~14 M characters per field, beyond which the
     * size rules (not Jackson's default 20 M string cap) must decide, so the cap follows the body limit.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(SimulatorHttpHandler.MAX_BODY_BYTES).build())
            .build());
    public static final String SUCCESS_MESSAGE = "SUCCEED";

    private Envelope() {
    }

    public static SimResponse success(JsonNode data) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("code", 0);
        root.put("message", SUCCESS_MESSAGE);
        root.put("request_id", UUID.randomUUID().toString());
        root.set("data", data);
        return SimResponse.json(200, bytes(root));
    }

    public static SimResponse error(ErrorCode code, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("code", code.code());
        root.put("message", message == null ? code.defaultMessage() : message);
        root.put("request_id", UUID.randomUUID().toString());
        return SimResponse.json(code.httpStatus(), bytes(root));
    }

    public static SimResponse error(ApiException e) {
        return error(e.errorCode(), e.getMessage());
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }
}
