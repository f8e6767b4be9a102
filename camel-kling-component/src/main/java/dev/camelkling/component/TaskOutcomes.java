package dev.camelkling.component;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskFailedException;
import dev.camelkling.client.task.KlingTaskStatus;
import org.apache.camel.Exchange;

/**
 * What happens to a task once Kling has answered, the same for every feature: optionally wait until it is final,
 * publish it on the message, fail the exchange if it failed, and optionally put its media into the body.
 */
final class TaskOutcomes {

    private final ProducerSetup setup;

    TaskOutcomes(ProducerSetup setup) {
        this.setup = setup;
    }

    /** Publishes the task Kling answered with, after waiting for it to finish when the endpoint asks for that. */
    CompletableFuture<KlingTask> finish(CompletableFuture<KlingTask> call, Exchange exchange) {
        return setup.configuration().isWaitForCompletion()
                ? published(call.thenCompose(this::awaitFinal), exchange)
                : call.thenApply(task -> {
                    KlingTaskMessages.populate(exchange.getMessage(), task);
                    return task;
                });
    }

    /** Publishes a task that is final already, as a wait would: failing the exchange if it failed, downloading if asked. */
    CompletableFuture<KlingTask> finishFinal(KlingTask task, Exchange exchange) {
        return published(CompletableFuture.completedFuture(task), exchange);
    }

    private CompletableFuture<KlingTask> published(CompletableFuture<KlingTask> finished, Exchange exchange) {
        return downloadWhenAsked(finished.thenApply(task -> {
            KlingTaskMessages.populate(exchange.getMessage(), task);
            if (task.status() == KlingTaskStatus.FAILED) {
                throw new KlingTaskFailedException(task);
            }
            return task;
        }), exchange);
    }

    CompletableFuture<KlingTask> awaitFinal(KlingTask task) {
        return task.isFinal()
                ? CompletableFuture.completedFuture(task)
                : client().awaitCompletion(setup.feature(), task, setup.waitPolicy()); // read as its design reads it
    }

    /**
     * Puts the chosen result (or all of them) into the body as files: temporary ones deleted once no exchange in flight
     * carries them any more ({@link TemporaryResultFiles}), or kept ones in the download directory. Files, not streams: Camel's stream caching would otherwise copy a whole
     * video into the heap.
     */
    private CompletableFuture<KlingTask> downloadWhenAsked(CompletableFuture<KlingTask> task, Exchange exchange) {
        KlingConfiguration c = setup.configuration();
        if (!c.isDownload()) {
            return task;
        }
        return task.thenCompose(t -> {
            List<String> urls = t.resultUrls();
            if (urls.isEmpty()) {
                return CompletableFuture.completedFuture(t);
            }
            if (!c.isDownloadAll() && c.getResultIndex() >= urls.size()) {
                throw new IllegalArgumentException("resultIndex " + c.getResultIndex() + " is beyond the " + urls.size()
                                                   + " results of task " + t.taskId());
            }
            List<Integer> indexes = c.isDownloadAll()
                    ? IntStream.range(0, urls.size()).boxed().toList() : List.of(c.getResultIndex());
            List<CompletableFuture<File>> files = new ArrayList<>();
            for (int index : indexes) {
                Path target = target(t, index, urls.get(index), exchange);
                files.add(client().download(urls.get(index), target).thenApply(Path::toFile));
            }
            return CompletableFuture.allOf(files.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<File> downloaded = files.stream().map(CompletableFuture::join).toList();
                exchange.getMessage().setBody(c.isDownloadAll() ? downloaded : downloaded.get(0));
                return t;
            });
        });
    }

    private Path target(KlingTask task, int index, String url, Exchange exchange) {
        String suffix = suffixOf(url);
        try {
            String directory = setup.configuration().getDownloadDirectory();
            if (directory != null) {
                Path dir = Files.createDirectories(Path.of(directory));
                return dir.resolve(task.taskId() + "-" + index + suffix);
            }
            return setup.temporaryFiles()
                    .create(exchange, "kling-" + task.taskId() + "-" + index + "-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String suffixOf(String url) {
        String path = URI.create(url).getPath();
        int dot = path == null ? -1 : path.lastIndexOf('.');
        return dot >= 0 && path.length() - dot <= 6 ? path.substring(dot) : ".bin";
    }

    private KlingClient client() {
        return setup.client();
    }
}
