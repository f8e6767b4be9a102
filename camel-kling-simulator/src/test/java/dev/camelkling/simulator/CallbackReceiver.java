package dev.camelkling.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JDK HttpServer that records callback POSTs and answers with a configurable status. */
final class CallbackReceiver implements AutoCloseable {
    /** @param rawBody the exact bytes received; {@code headers} keys are lower-case */
    record Received(String method, String contentType, String body, byte[] rawBody, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answerStatus = 200;

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(raw, StandardCharsets.UTF_8), raw, Map.copyOf(headers)));
            exchange.sendResponseHeaders(answerStatus, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answerWith(int status) {
        this.answerStatus = status;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
