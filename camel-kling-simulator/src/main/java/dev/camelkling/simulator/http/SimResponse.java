package dev.camelkling.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response value; written to the wire by {@link SimulatorHttpHandler}. Usually a complete body in
 * memory; {@link #streamed} responses write a body of known length in chunks instead (large media),
 * and {@link #dropConnection()} is no response at all (the connection is closed).
 */
public final class SimResponse {
    public static final String JSON_UTF8 = "application/json; charset=utf-8";
    private static final byte[] NO_BYTES = new byte[0];

    /** Writes a streamed body of exactly the announced length. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers;
    private final long streamLength;
    private final BodyWriter writer;
    private final boolean dropConnection;

    private SimResponse(int status, String contentType, byte[] body, Map<String, String> headers,
                        long streamLength, BodyWriter writer, boolean dropConnection) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
        this.streamLength = streamLength;
        this.writer = writer;
        this.dropConnection = dropConnection;
    }

    public static SimResponse of(int status, String contentType, byte[] body) {
        return new SimResponse(status, contentType, body, new LinkedHashMap<>(), -1, null, false);
    }

    /**
     * A body of {@code length} bytes produced by {@code writer} while it is sent (with that
     * Content-Length), so that it never has to be held in memory as a whole.
     */
    public static SimResponse streamed(int status, String contentType, long length, BodyWriter writer) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0");
        }
        return new SimResponse(status, contentType, NO_BYTES, new LinkedHashMap<>(), length, writer, false);
    }

    /** No answer: the server closes the connection without sending a status line (fault injection). */
    public static SimResponse dropConnection() {
        return new SimResponse(0, null, NO_BYTES, new LinkedHashMap<>(), -1, null, true);
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

    /** The body in memory; empty for {@link #isStreamed() streamed} responses. */
    public byte[] body() {
        return body;
    }

    public boolean isStreamed() {
        return writer != null;
    }

    /** The length of a streamed body, or of the in-memory body. */
    public long contentLength() {
        return writer != null ? streamLength : body == null ? 0 : body.length;
    }

    /** The writer of a streamed body, or {@code null}. */
    public BodyWriter bodyWriter() {
        return writer;
    }

    /** Whether this "response" is a closed connection without any answer. */
    public boolean dropsConnection() {
        return dropConnection;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
