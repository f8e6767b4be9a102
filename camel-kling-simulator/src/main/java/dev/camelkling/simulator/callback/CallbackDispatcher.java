package dev.camelkling.simulator.callback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * POSTs task objects to callback URLs off the request and lifecycle threads. A single sender thread
 * keeps each task's notifications in transition order, and every attempt is reported to a {@link DeliveryListener}.
 *
 * <p>For consumer tests, deliveries can be duplicated (each message is POSTed twice in a row, with the
 * same {@code webhook-id} when signed) and reordered (the notification before a task's final one is
 * held back and delivered right after the final one, e.g. submitted, succeed, processing).
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
    private final DeliveryListener listener;
    /** Reordering: the last non-final message per task, waiting for the task's next one. */
    private final Map<String, Message> held = new ConcurrentHashMap<>();
    private volatile CallbackSigner signer = CallbackSigner.NONE;
    private volatile boolean duplicate;
    private volatile boolean reorder;

    private record Message(String id, String url, String taskId, String taskStatus, byte[] body) {
        boolean isFinal() {
            // succeed: the legacy design's word; succeeded: the 2026 new design's
            return "succeed".equals(taskStatus) || "succeeded".equals(taskStatus) || "failed".equals(taskStatus);
        }
    }

    /** @param listener told about every finished attempt */
    public CallbackDispatcher(DeliveryListener listener) {
        this.listener = listener;
    }

    public void signer(CallbackSigner signer) {
        this.signer = signer == null ? CallbackSigner.NONE : signer;
    }

    /** Whether every message is delivered twice. */
    public void duplicate(boolean duplicate) {
        this.duplicate = duplicate;
    }

    public boolean duplicate() {
        return duplicate;
    }

    /** Whether the notification before a task's final one is delivered after the final one. */
    public void reorder(boolean reorder) {
        this.reorder = reorder;
    }

    public boolean reorder() {
        return reorder;
    }

    /** Queues one delivery; the body is fixed now so it reports the status at this transition. */
    public void send(String url, String taskId, String taskStatus, byte[] body) {
        Message message = new Message(StandardWebhooksSigner.newMessageId(), url, taskId, taskStatus, body);
        try {
            sender.execute(() -> dispatch(message));
        } catch (RejectedExecutionException e) {
            LOG.debug("simulator closed; callback for task {} dropped", taskId);
        }
    }

    /** On the sender thread. */
    private void dispatch(Message message) {
        if (!reorder) {
            Message stale = held.remove(message.taskId());
            if (stale != null) {
                deliverAll(stale); // reordering was switched off meanwhile
            }
            deliverAll(message);
            return;
        }
        Message previous = held.remove(message.taskId());
        if (message.isFinal()) {
            deliverAll(message);
            if (previous != null) {
                deliverAll(previous);
            }
        } else {
            if (previous != null) {
                deliverAll(previous);
            }
            held.put(message.taskId(), message);
        }
    }

    private void deliverAll(Message message) {
        deliver(message);
        if (duplicate) {
            deliver(message);
        }
    }

    private void deliver(Message message) {
        String url = message.url();
        String taskId = message.taskId();
        String taskStatus = message.taskStatus();
        byte[] body = message.body();
        int status = -1;
        String error = null;
        Map<String, String> signature = Map.of();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            signature = signer.headers(message.id(), body);
            signature.forEach(request::header);
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.debug("callback to {} for task {} failed: {}", url, taskId, error);
        }
        listener.attempted(url, taskId, taskStatus, body, status, error, signature);
    }

    /** Drops held-back (reordered) messages. */
    public void clear() {
        held.clear();
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
