package dev.camelkling.examples.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A server that costs almost nothing: every request gets the same create answer, without looking at it (no
 * signature check, no validation, no task kept), so that what a create costs on the client side is what shows.
 */
final class MinimalStub implements AutoCloseable {

    private static final byte[] CREATED = ("{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"stub\",\"data\":"
            + "{\"task_id\":\"1\",\"task_status\":\"submitted\",\"created_at\":1722769557708,\"updated_at\":1722769557708}}")
            .getBytes(StandardCharsets.UTF_8);

    static {
        // as the simulator does: without it the JDK HttpServer waits for delayed ACKs, ~40 ms per answer
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "kling-sim-minimal-stub"); // counted with the simulator's threads, not ours
        thread.setDaemon(true);
        return thread;
    });

    MinimalStub() throws java.io.IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, CREATED.length);
            exchange.getResponseBody().write(CREATED);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
