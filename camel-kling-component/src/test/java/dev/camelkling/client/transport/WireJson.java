package dev.camelkling.client.transport;

import dev.camelkling.client.request.KlingRequest;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The client's own JSON, for tests that compare what is sent with what they expect. */
public final class WireJson {

    /** The mapper the client reads and writes with. */
    public static final ObjectMapper MAPPER = KlingJson.MAPPER;

    private WireJson() {
    }

    /** The JSON body of a create request, in memory (the client itself streams it). */
    public static byte[] request(KlingRequest request) {
        try (InputStream body = KlingJson.requestBody(request).open()) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
