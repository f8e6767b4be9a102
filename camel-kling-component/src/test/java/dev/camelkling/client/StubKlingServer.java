package dev.camelkling.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/** A tiny scripted HTTP server on loopback: answers queued responses in order, then the fallback, and records requests. */
public final class StubKlingServer implements AutoCloseable {

    public record Recorded(String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public record Reply(int status, String body, Map<String, String> headers, CountDownLatch holdUntil) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"), null);
        }

        static Reply text(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "text/html"), null);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, holdUntil);
        }

        /** Does not answer until the latch opens (to provoke client timeouts). */
        Reply heldUntil(CountDownLatch latch) {
            return new Reply(status, body, headers, latch);
        }
    }

    static final String TASK_PROCESSING = task("processing");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Reply fallback = Reply.json(200, envelope(TASK_PROCESSING));
    private volatile Consumer<Integer> onRequest = number -> { };

    public StubKlingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static String envelope(String data) {
        return "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"req-ok\",\"data\":" + data + "}";
    }

    public static String error(int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"req-" + code + "\"}";
    }

    public static String task(String status) {
        return "{\"task_id\":\"866889456698785798\",\"task_status\":\"" + status + "\",\"created_at\":1,\"updated_at\":2}";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubKlingServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    StubKlingServer otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    /** Runs {@code hook} with the request's number (1 = first) when a request arrives, before it is answered. */
    StubKlingServer onRequest(Consumer<Integer> hook) {
        onRequest = hook;
        return this;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    int requestCount() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int number;
            synchronized (requests) {
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                number = requests.size();
            }
            onRequest.accept(number);
            Reply reply = script.poll();
            if (reply == null) {
                reply = fallback;
            }
            if (reply.holdUntil() != null) {
                try {
                    reply.holdUntil().await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
