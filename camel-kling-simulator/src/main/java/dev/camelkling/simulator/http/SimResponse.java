package dev.camelkling.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete response value; written to the wire by {@link SimulatorHttpHandler}. */
public final class SimResponse {
    public static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers;

    private SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    public static SimResponse of(int status, String contentType, byte[] body) {
        return new SimResponse(status, contentType, body, new LinkedHashMap<>());
    }

    public static SimResponse json(int status, byte[] body) {
        return of(status, JSON_UTF8, body);
    }

    /** The answer for paths the API does not have: a bare 404 without a Kling envelope (§7). */
    public static SimResponse plainNotFound() {
        return of(404, "text/plain; charset=utf-8", "404 page not found".getBytes(StandardCharsets.UTF_8));
    }

    public SimResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
