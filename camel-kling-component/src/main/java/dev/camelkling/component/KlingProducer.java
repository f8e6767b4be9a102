package dev.camelkling.component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingWaitTimeoutException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;

/**
 * Creates, reads and lists Kling tasks without blocking the route thread: every HTTP call and every re-poll of
 * {@code waitForCompletion} completes the exchange from a callback.
 */
public class KlingProducer extends DefaultAsyncProducer {

    private final KlingEndpoint endpoint;
    private final CreateFlow createFlow;
    private final TaskOutcomes outcomes;

    public KlingProducer(KlingEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.createFlow = CreateFlow.forEndpoint(endpoint);
        this.outcomes = new TaskOutcomes(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> outcome;
        try {
            outcome = switch (operation(exchange)) {
                case create -> createFlow.create(exchange);
                case get -> get(exchange);
                case list -> list(exchange);
            };
        } catch (Exception e) {
            // Bad input is refused before anything is sent, on the caller's thread.
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        outcome.whenComplete((ignored, failure) -> handBack(exchange, callback, failure));
        return false;
    }

    /** Continues the route on the worker pool, or right here once the pool refuses work (the context is stopping). */
    private void handBack(Exchange exchange, AsyncCallback callback, Throwable failure) {
        Runnable done = () -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof KlingWaitTimeoutException timeout && timeout.lastSeen() != null) {
                    KlingTaskMessages.populate(exchange.getMessage(), timeout.lastSeen());
                }
                exchange.setException(cause);
            }
            callback.done(false);
        };
        try {
            endpoint.getComponent().getWorker().execute(done);
        } catch (RejectedExecutionException stopping) {
            done.run();
        }
    }

    private KlingOperation operation(Exchange exchange) {
        return HeaderValues.read(exchange.getMessage(), KlingConstants.OPERATION, KlingOperation.class,
                endpoint.getConfiguration().getOperation(), "operation");
    }

    private CompletableFuture<KlingTask> get(Exchange exchange) {
        Message in = exchange.getMessage();
        String taskId = in.getHeader(KlingConstants.TASK_ID, String.class);
        String externalTaskId = in.getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class);
        CompletableFuture<KlingTask> read;
        if (taskId != null) {
            read = client().get(feature(), taskId);
        } else if (externalTaskId != null) {
            read = client().getByExternalId(feature(), externalTaskId);
        } else if (in.getBody() instanceof String body && !body.isBlank()) {
            read = client().get(feature(), body.trim());
        } else {
            throw new IllegalArgumentException("Operation get needs the header " + KlingConstants.TASK_ID + " or "
                                               + KlingConstants.EXTERNAL_TASK_ID + ", or a task id as the String body");
        }
        return outcomes.finish(read, exchange, false);
    }

    private CompletableFuture<List<KlingTask>> list(Exchange exchange) {
        Message in = exchange.getMessage();
        int pageNum = HeaderValues.read(in, KlingConstants.PAGE_NUM, Integer.class, 1, null);
        int pageSize = HeaderValues.read(in, KlingConstants.PAGE_SIZE, Integer.class, endpoint.getConfiguration().getPageSize(),
                "pageSize");
        return client().list(feature(), pageNum, pageSize).thenApply(tasks -> {
            exchange.getMessage().setBody(tasks);
            return tasks;
        });
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private KlingClient client() {
        return endpoint.getClient();
    }

    private KlingFeature feature() {
        return endpoint.getKlingFeature();
    }

    @Override
    public String toString() {
        return "KlingProducer[" + URISupport.sanitizeUri(endpoint.getEndpointUri()) + "]";
    }
}
