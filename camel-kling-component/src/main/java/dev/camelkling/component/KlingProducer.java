package dev.camelkling.component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingFeature;
import dev.camelkling.client.KlingTask;
import dev.camelkling.client.KlingTaskFailedException;
import dev.camelkling.client.KlingTaskStatus;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;
import org.apache.camel.util.URISupport;

/**
 * Creates, reads and lists Kling tasks without blocking the route thread: every HTTP call and every re-poll of
 * {@code waitForCompletion} completes the exchange from a callback.
 */
public class KlingProducer extends DefaultAsyncProducer {

    private final KlingEndpoint endpoint;
    private final KlingRequestAssembler assembler;

    public KlingProducer(KlingEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.assembler = new KlingRequestAssembler(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> outcome;
        try {
            outcome = switch (operation(exchange)) {
                case create -> create(exchange);
                case get -> get(exchange);
                case list -> list(exchange);
            };
        } catch (Exception e) {
            // Bad input is refused before anything is sent, on the caller's thread.
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        outcome.whenComplete((ignored, failure) -> {
            if (failure != null) {
                exchange.setException(unwrap(failure));
            }
            callback.done(false);
        });
        return false;
    }

    private KlingOperation operation(Exchange exchange) {
        KlingOperation fromHeader = exchange.getMessage().getHeader(KlingConstants.OPERATION, KlingOperation.class);
        return fromHeader != null ? fromHeader : endpoint.getConfiguration().getOperation();
    }

    private CompletableFuture<KlingTask> create(Exchange exchange) {
        var request = assembler.assemble(exchange);
        return downloadWhenAsked(completeWhenAsked(client().create(request), exchange), exchange);
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
        return downloadWhenAsked(completeWhenAsked(read, exchange), exchange);
    }

    private CompletableFuture<List<KlingTask>> list(Exchange exchange) {
        Message in = exchange.getMessage();
        int pageNum = in.getHeader(KlingConstants.PAGE_NUM, 1, Integer.class);
        int pageSize = in.getHeader(KlingConstants.PAGE_SIZE, endpoint.getConfiguration().getPageSize(), Integer.class);
        return client().list(feature(), pageNum, pageSize).thenApply(tasks -> {
            exchange.getMessage().setBody(tasks);
            return tasks;
        });
    }

    /** Publishes the task on the exchange, first waiting for it to finish when the endpoint asks for that. */
    private CompletableFuture<KlingTask> completeWhenAsked(CompletableFuture<KlingTask> call, Exchange exchange) {
        CompletableFuture<KlingTask> task = call;
        if (endpoint.getConfiguration().isWaitForCompletion()) {
            task = call.thenCompose(t -> t.isFinal()
                    ? CompletableFuture.completedFuture(t)
                    : client().awaitCompletion(feature(), t.taskId(), endpoint.waitPolicy()));
        }
        return task.thenApply(t -> {
            KlingTaskMessages.populate(exchange.getMessage(), t);
            if (endpoint.getConfiguration().isWaitForCompletion() && t.status() == KlingTaskStatus.FAILED) {
                throw new KlingTaskFailedException(t);
            }
            return t;
        });
    }

    /** Streams the first result into the body; the stream is closed when the exchange is done, whatever happens. */
    private CompletableFuture<KlingTask> downloadWhenAsked(CompletableFuture<KlingTask> task, Exchange exchange) {
        KlingConfiguration c = endpoint.getConfiguration();
        if (!c.isDownload() || !c.isWaitForCompletion()) {
            return task;
        }
        return task.thenCompose(t -> {
            if (t.resultUrls().isEmpty()) {
                return CompletableFuture.completedFuture(t);
            }
            return client().openStream(t.resultUrls().get(0)).thenApply(stream -> {
                exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                    @Override
                    public void onDone(Exchange done) {
                        IOHelper.close(stream);
                    }
                });
                exchange.getMessage().setBody(stream);
                return t;
            });
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
