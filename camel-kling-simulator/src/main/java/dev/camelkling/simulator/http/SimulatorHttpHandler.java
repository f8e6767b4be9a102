package dev.camelkling.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Adapts the JDK HTTP server to the simulator's value-based pipeline. */
public final class SimulatorHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHttpHandler.class);

    /**
     * Large enough for a 50 MB image in Base64 (the 2026 new design's limit, ~67 MB encoded) with the rest of a body,
     * or two 10 MB images plus masks on the legacy design.
     */
    static final int MAX_BODY_BYTES = 96 * 1024 * 1024;

    private final RequestHandler pipeline;

    public SimulatorHttpHandler(RequestHandler pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            SimResponse response;
            SimRequest request = null;
            try {
                request = toRequest(exchange);
                response = pipeline.handle(request);
            } catch (ApiException e) {
                response = Envelope.error(e);
            } catch (BodyTooLargeException e) {
                response = Envelope.error(ErrorCode.INVALID_REQUEST, "request body exceeds " + MAX_BODY_BYTES + " bytes");
            } catch (RuntimeException e) {
                LOG.warn("unexpected failure on {}", exchange.getRequestURI(), e);
                response = Envelope.error(ErrorCode.INTERNAL_ERROR, "internal error");
            }
            write(exchange, request, response);
        } finally {
            exchange.close();
        }
    }

    private static SimRequest toRequest(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        return new SimRequest(method, exchange.getRequestURI().getRawPath(),
                parseQuery(exchange.getRequestURI().getRawQuery()), Map.copyOf(headers),
                readBody(exchange.getRequestBody()));
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void write(HttpExchange exchange, SimRequest request, SimResponse response) throws IOException {
        if (response.dropsConnection()) {
            // Closing an exchange before its response headers were sent makes the JDK server close the
            // connection: the client gets no status line at all (an injected connection reset).
            return;
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        long length = response.contentLength();
        boolean head = request != null && "HEAD".equals(request.method());
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
        if (length == 0) {
            return;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            if (response.isStreamed()) {
                response.bodyWriter().writeTo(out);
            } else {
                out.write(response.body());
            }
        }
    }

    private static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super(null, null, false, false);
        }
    }
}
