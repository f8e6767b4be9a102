package dev.camelkling.component;

import java.util.concurrent.CompletableFuture;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingTask;
import dev.camelkling.client.KlingTaskFailedException;
import dev.camelkling.client.KlingTaskStatus;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;

/**
 * What happens to a task once Kling has answered, the same for every feature: optionally wait until it is final,
 * publish it on the message, fail the exchange if it failed, and optionally stream its media into the body.
 */
final class TaskOutcomes {

    private final KlingEndpoint endpoint;

    TaskOutcomes(KlingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Publishes the task, after waiting for it to finish when the endpoint asks for that (or {@code forceWait}). */
    CompletableFuture<KlingTask> finish(CompletableFuture<KlingTask> call, Exchange exchange, boolean forceWait) {
        boolean wait = forceWait || endpoint.getConfiguration().isWaitForCompletion();
        CompletableFuture<KlingTask> task = wait ? call.thenCompose(this::awaitFinal) : call;
        CompletableFuture<KlingTask> published = task.thenApply(t -> {
            KlingTaskMessages.populate(exchange.getMessage(), t);
            if (wait && t.status() == KlingTaskStatus.FAILED) {
                throw new KlingTaskFailedException(t);
            }
            return t;
        });
        return wait ? downloadWhenAsked(published, exchange) : published;
    }

    CompletableFuture<KlingTask> awaitFinal(KlingTask task) {
        return task.isFinal()
                ? CompletableFuture.completedFuture(task)
                : client().awaitCompletion(endpoint.getKlingFeature(), task.taskId(), endpoint.waitPolicy());
    }

    /** Streams the first result into the body; the stream is closed when the exchange is done, whatever happens. */
    private CompletableFuture<KlingTask> downloadWhenAsked(CompletableFuture<KlingTask> task, Exchange exchange) {
        if (!endpoint.getConfiguration().isDownload()) {
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

    private KlingClient client() {
        return endpoint.getClient();
    }
}
