package dev.camelkling.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingTask;
import dev.camelkling.client.KlingTaskFailedException;
import dev.camelkling.client.KlingTaskStatus;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.FileUtil;

/**
 * What happens to a task once Kling has answered, the same for every feature: optionally wait until it is final,
 * publish it on the message, fail the exchange if it failed, and optionally put its media into the body.
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

    /**
     * Puts the first result into the body as a temporary file, deleted when the exchange is done. A file, not a stream:
     * Camel's stream caching would otherwise copy a whole video into the heap.
     */
    private CompletableFuture<KlingTask> downloadWhenAsked(CompletableFuture<KlingTask> task, Exchange exchange) {
        if (!endpoint.getConfiguration().isDownload()) {
            return task;
        }
        return task.thenCompose(t -> {
            if (t.resultUrls().isEmpty()) {
                return CompletableFuture.completedFuture(t);
            }
            String url = t.resultUrls().get(0);
            Path target;
            try {
                target = Files.createTempFile("kling-" + t.taskId() + "-", suffixOf(url));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    FileUtil.deleteFile(target.toFile());
                }
            });
            return client().download(url, target).thenApply(file -> {
                exchange.getMessage().setBody(file.toFile());
                return t;
            });
        });
    }

    private static String suffixOf(String url) {
        String path = URI.create(url).getPath();
        int dot = path == null ? -1 : path.lastIndexOf('.');
        return dot >= 0 && path.length() - dot <= 6 ? path.substring(dot) : ".bin";
    }

    private KlingClient client() {
        return endpoint.getClient();
    }
}
