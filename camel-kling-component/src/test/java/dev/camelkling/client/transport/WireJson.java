package dev.camelkling.client.transport;

import dev.camelkling.client.request.KlingRequest;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The client's own JSON, for tests that compare what is sent with what they expect. */
public final class WireJson {

    /** The mapper the client reads and writes with. */
    public static final ObjectMapper MAPPER = WireJson.MAPPER;

    private WireJson() {
    }

    /** The JSON body of a create request, in memory (the client itself streams it). */
    public static byte[] request(KlingRequest request) {
        return KlingJson.requestBody(request).toByteArray();
    }
}
