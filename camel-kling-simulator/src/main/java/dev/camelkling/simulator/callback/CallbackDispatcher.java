package dev.camelkling.simulator.callback;

import dev.camelkling.simulator.CallbackDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * POSTs task objects to callback URLs off the request and lifecycle threads. A single sender thread
 * keeps each task's notifications in transition order, and every attempt is recorded.
 */
public final class CallbackDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kling-sim-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final List<CallbackDelivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile CallbackSigner signer = CallbackSigner.NONE;

    public void signer(CallbackSigner signer) {
        this.signer = signer == null ? CallbackSigner.NONE : signer;
    }

    /** Queues one delivery; the body is fixed now so it reports the status at this transition. */
    public void send(String url, String taskId, String taskStatus, byte[] body) {
        try {
            sender.execute(() -> deliver(url, taskId, taskStatus, body));
        } catch (RejectedExecutionException e) {
            LOG.debug("simulator closed; callback for task {} dropped", taskId);
        }
    }

    private void deliver(String url, String taskId, String taskStatus, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        int status = -1;
        String error = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            signer.headers(body).forEach(request::header);
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.debug("callback to {} for task {} failed: {}", url, taskId, error);
        }
        deliveries.add(new CallbackDelivery(url, taskId, taskStatus, text, status, error, Instant.now()));
    }

    public List<CallbackDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public void clear() {
        deliveries.clear();
    }

    @Override
    public void close() {
        sender.shutdownNow();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
