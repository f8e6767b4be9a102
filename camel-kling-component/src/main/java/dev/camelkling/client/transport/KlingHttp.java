package dev.camelkling.client.transport;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One HTTP exchange with the Kling API (or a media CDN), asynchronously. Adds the credentials, maps the response
 * to the envelope or a typed error, and re-signs the token once when the server rejects its time window
 * (1003/1004: nothing was done, so even a create may be repeated). Never logs headers or bodies.
 *
 * <p>Both JDK clients run on the client's executor, and every stage that handles a response runs on it: the JDK
 * completes the future of {@code sendAsync} on {@code ForkJoinPool.commonPool()}, or on a new thread per response on
 * machines with two CPUs or fewer. API answers are taken where the JDK hands over their body (on the executor) rather
 * than from that future; media downloads are moved onto the executor right after it.
 */
public final class KlingHttp {

    private static final Logger LOG = LoggerFactory.getLogger(KlingHttp.class);

    private final HttpSettings config;
    private final ResponseClassifier classifier;
    /** For the API: never follows redirects, so the Authorization header cannot be carried to another host. */
    private final HttpClient api;
    /** For result media: follows CDN redirects; sends no credentials at all. */
    private final HttpClient media;
    /** Where responses are handled and the caller's work continues. */
    private final Executor executor;
    /**
     * The URIs of POST requests, parsed once: their paths are fixed (a feature's create path, identify-face, the new
     * design's task list), a handful per client, while reads name a task id in theirs.
     */
    private final Map<String, URI> postUris = new ConcurrentHashMap<>();

    public KlingHttp(HttpSettings config, Executor executor) {
        this.config = config;
        this.executor = executor;
        this.classifier = new ResponseClassifier(config.clock());
        this.api = newClient(config, executor, HttpClient.Redirect.NEVER);
        this.media = newClient(config, executor, HttpClient.Redirect.NORMAL);
    }

    private URI uri(String method, String pathAndQuery) {
        if ("POST".equals(method)) {
            return postUris.computeIfAbsent(pathAndQuery, path -> URI.create(config.baseUrl() + path));
        }
        return URI.create(config.baseUrl() + pathAndQuery);
    }

    private static HttpClient newClient(HttpSettings config, Executor executor, HttpClient.Redirect redirect) {
        HttpClient.Builder builder = HttpClient.newBuilder().executor(executor).connectTimeout(config.connectTimeout())
                .followRedirects(redirect);
        if (config.sslContext() != null) {
            builder.sslContext(config.sslContext());
        }
        return builder.build();
    }


    /**
     * Sends a JSON API request; {@code body} is {@code null} for GET.
     *
     * @param idempotent whether the call may be repeated safely (reads, identify-face); {@code false} for a create,
     *                   which makes its ambiguous errors non-retryable
     */
    public CompletableFuture<Envelope> call(String method, String pathAndQuery, byte[] body, boolean idempotent) {
        return call(method, pathAndQuery, body == null ? null : BodyPublishers.ofByteArray(body), idempotent, true);
    }

    /**
     * Sends a JSON API request with a streamed body. The publisher is subscribed again if the token is re-signed,
     * so it must be replayable (a {@link StreamingBody} is).
     */
    public CompletableFuture<Envelope> callStreaming(String method, String pathAndQuery, HttpRequest.BodyPublisher body, boolean idempotent) {
        return call(method, pathAndQuery, body, idempotent, true);
    }

    private CompletableFuture<Envelope> call(String method, String pathAndQuery, HttpRequest.BodyPublisher body, boolean idempotent,
            boolean mayRenewToken) {
        String operation = method + " " + pathAndQuery;
        String authorization;
        HttpRequest request;
        try {
            authorization = config.credentials().authorizationHeader(config.clock());
            request = HttpRequest.newBuilder(uri(method, pathAndQuery))
                    .timeout(config.requestTimeout())
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, body == null ? BodyPublishers.noBody() : body)
                    .build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new KlingException("Could not prepare " + operation + ": " + e.getMessage(), e));
        }
        long started = System.nanoTime();
        CompletableFuture<Envelope> answered = new CompletableFuture<>();
        // The answer is classified where the JDK hands over the whole body, on the client's executor: the future
        // sendAsync returns completes only after a further hop through the JDK's default async pool (a new thread
        // per response on two CPUs or fewer), and continuing from there would cost another hop back to the executor.
        api.sendAsync(request, info -> BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> {
                    if (isJdkHttpThread(Thread.currentThread())) {
                        onExecutor(() -> answer(answered, operation, idempotent, info, bytes, started));
                    } else {
                        answer(answered, operation, idempotent, info, bytes, started);
                    }
                    return null;
                }))
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        onExecutor(() -> answered.completeExceptionally(failure(operation, idempotent, error, started)));
                    }
                });
        return answered
                .exceptionallyCompose(error -> {
                    Throwable cause = TransportErrors.unwrap(error);
                    if (mayRenewToken && cause instanceof KlingApiException e && e.errorCode().isFixedByResigning()
                            && config.credentials().renewAfterRejection(authorization)) {
                        LOG.debug("{} -> token rejected with {}; re-signing once", operation, e.code());
                        return call(method, pathAndQuery, body, idempotent, false);
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private void answer(CompletableFuture<Envelope> answered, String operation, boolean idempotent, HttpResponse.ResponseInfo info,
            byte[] body, long started) {
        try {
            Envelope envelope = classifier.envelopeOrThrow(operation, idempotent, info.statusCode(), info.headers(), body);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} -> HTTP {} request_id={} in {} ms", operation, info.statusCode(), envelope.requestId(), millisSince(started));
            }
            answered.complete(envelope);
        } catch (KlingApiException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} -> HTTP {} code={} request_id={} in {} ms", operation, e.httpStatus(), e.code(), e.requestId(), millisSince(started));
            }
            answered.completeExceptionally(e);
        } catch (RuntimeException e) {
            answered.completeExceptionally(e);
        }
    }

    private static Throwable failure(String operation, boolean idempotent, Throwable error, long started) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> no response after {} ms: {}", operation, millisSince(started), error.toString());
        }
        StreamingBody.MediaReadException media = mediaFailure(error);
        if (media != null) {
            // the body was cut short, so the server cannot have acted on it
            return new KlingException("Could not send " + operation + ": " + media.getMessage(), media);
        }
        return TransportErrors.classify(operation, idempotent, error);
    }

    /**
     * Whether {@code thread} is one of the JDK HttpClient's own (its selector): what follows an answer never runs there.
     * The JDK delivers response bodies on the client's executor, but does not promise it.
     */
    private static boolean isJdkHttpThread(Thread thread) {
        return thread.getClass().getName().startsWith("jdk.internal.net.http.");
    }

    private void onExecutor(Runnable step) {
        try {
            executor.execute(step);
        } catch (RejectedExecutionException closing) {
            step.run(); // the client is closing: the answer still reaches its caller
        }
    }

    /** Downloads to {@code target}, replacing its content; a partial file is removed on failure. */
    public CompletableFuture<Path> download(String url, Path target) {
        return fetch(url, () -> BodySubscribers.ofFile(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING))
                .whenComplete((path, error) -> {
                    if (error != null) {
                        deleteQuietly(target);
                    }
                });
    }

    /** Opens the body as a stream once the status is known to be a success. */
    public CompletableFuture<InputStream> openStream(String url) {
        return fetch(url, BodySubscribers::ofInputStream);
    }

    private <T> CompletableFuture<T> fetch(String url, Supplier<BodySubscriber<T>> onSuccess) {
        String operation = "GET " + KlingMedia.withoutQuery(url);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(config.requestTimeout()).GET().build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new KlingValidationException("download", "url", "must be an absolute http or https URL"));
        }
        BodyHandler<Fetched<T>> handler = info -> ResponseClassifier.isSuccess(info.statusCode())
                ? BodySubscribers.mapping(onSuccess.get(), Fetched::success)
                : BodySubscribers.mapping(BodySubscribers.ofByteArray(),
                        bytes -> Fetched.failure(classifier.error(operation, true, info.statusCode(), info.headers(), bytes)));
        long started = System.nanoTime();
        return media.sendAsync(request, handler)
                .handleAsync((HttpResponse<Fetched<T>> response, Throwable error) -> {
                    if (error != null) {
                        LOG.debug("{} -> no response after {} ms: {}", operation, millisSince(started), error.toString());
                        throw new CompletionException(TransportErrors.classify(operation, true, error));
                    }
                    LOG.debug("{} -> HTTP {} in {} ms", operation, response.statusCode(), millisSince(started));
                    Fetched<T> fetched = response.body();
                    if (fetched.error() != null) {
                        throw fetched.error();
                    }
                    return fetched.body();
                }, executor);
    }

    private static StreamingBody.MediaReadException mediaFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamingBody.MediaReadException media) {
                return media;
            }
        }
        return null;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete partial download {}", file, e);
        }
    }

    private record Fetched<T>(T body, KlingApiException error) {
        static <T> Fetched<T> success(T body) {
            return new Fetched<>(body, null);
        }

        static <T> Fetched<T> failure(KlingApiException error) {
            return new Fetched<>(null, error);
        }
    }
}
