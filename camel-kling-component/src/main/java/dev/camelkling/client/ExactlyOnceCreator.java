package dev.camelkling.client;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.error.KlingTransportException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.transport.TransportErrors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Creates a task at most once, for requests that carry an {@code external_task_id}: when the answer to a create is
 * lost or ambiguous (a timeout or reset after sending, a 5xx), or Kling says the external id is taken, it looks the
 * task up by that id and carries on with it, and creates again only once Kling confirms there is no such task.
 * <p>
 * Lookup uses {@code GET /v1/<product>/{external_task_id}} where Kling documents it, and otherwise scans the newest
 * pages of the product's list; a new-design request is looked up with {@code GET /tasks?external_task_ids=}. Requests without an external id (and features that take none, like image generation)
 * are sent once and never retried after an ambiguous failure: there is nothing to reconcile by.
 */
public final class ExactlyOnceCreator {

    /** How many list pages a lookup scans on features without a documented lookup by external id. */
    static final int SCAN_PAGES = 5;
    static final int SCAN_PAGE_SIZE = 100;

    private final KlingClient client;
    private final int maxCreateAttempts;
    private final Duration settleDelay;
    private final ScheduledExecutorService scheduler;

    public ExactlyOnceCreator(KlingClient client, int maxCreateAttempts) {
        this(client, maxCreateAttempts, Duration.ZERO, null);
    }

    /**
     * @param settleDelay after a lost answer (timeout, reset), how long to give Kling to finish the request still in
     *                    flight before each of the two lookups that must both miss before a create is sent again
     * @param scheduler   times those delays (no thread is held)
     */
    public ExactlyOnceCreator(KlingClient client, int maxCreateAttempts, Duration settleDelay,
                              ScheduledExecutorService scheduler) {
        if (maxCreateAttempts < 1) {
            throw new IllegalArgumentException("maxCreateAttempts must be at least 1 (was " + maxCreateAttempts + ")");
        }
        if (!settleDelay.isZero() && scheduler == null) {
            throw new IllegalArgumentException("a settle delay needs a scheduler");
        }
        this.client = client;
        this.maxCreateAttempts = maxCreateAttempts;
        this.settleDelay = settleDelay;
        this.scheduler = scheduler;
    }

    public CompletableFuture<KlingTask> create(KlingRequest request) {
        if (request.externalTaskId() == null) {
            return client.create(request);
        }
        return attempt(request, 1);
    }

    private CompletableFuture<KlingTask> attempt(KlingRequest request, int attempt) {
        return client.create(request).handle((task, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(task);
            }
            Throwable cause = TransportErrors.unwrap(failure);
            if (isTakenExternalId(cause)) {
                return lookup(request).thenApply(found -> found.orElseThrow(() -> asRuntime(cause)));
            }
            if (isAmbiguous(cause)) {
                return lookupAfterAmbiguity(request, cause).thenCompose(found -> {
                    if (found.isPresent()) {
                        return CompletableFuture.completedFuture(found.get());
                    }
                    return attempt < maxCreateAttempts
                            ? attempt(request, attempt + 1)
                            : CompletableFuture.<KlingTask> failedFuture(cause);
                });
            }
            return CompletableFuture.<KlingTask> failedFuture(cause);
        }).thenCompose(Function.identity());
    }

    /**
     * A 5xx is Kling's last word on the request, so one lookup tells. A lost answer is not: the request may still be
     * running at Kling, so wait, look, and when it is not there yet, wait and look once more before re-creating.
     */
    private CompletableFuture<Optional<KlingTask>> lookupAfterAmbiguity(KlingRequest request, Throwable cause) {
        if (!(cause instanceof KlingTransportException) || settleDelay.isZero()) {
            return lookup(request);
        }
        return later().thenCompose(ignored -> lookup(request)).thenCompose(found -> found.isPresent()
                ? CompletableFuture.completedFuture(found)
                : later().thenCompose(ignored -> lookup(request)));
    }

    private CompletableFuture<Void> later() {
        CompletableFuture<Void> due = new CompletableFuture<>();
        scheduler.schedule(() -> due.complete(null), settleDelay.toMillis(), TimeUnit.MILLISECONDS);
        return due;
    }

    /** The task created with the request's external id, if Kling has one. */
    public CompletableFuture<Optional<KlingTask>> lookup(KlingRequest request) {
        KlingFeature feature = request.feature();
        String externalId = request.externalTaskId();
        if (request.design() == DesignStandard.NEW_DESIGN) {
            return client.getTasksByExternalIds(List.of(externalId)).thenApply(tasks -> tasks.stream().findFirst());
        }
        if (feature.supportsGetByExternalId()) {
            return client.getByExternalId(feature, externalId).handle((task, failure) -> {
                if (failure == null) {
                    return Optional.of(task);
                }
                Throwable cause = TransportErrors.unwrap(failure);
                if (cause instanceof KlingApiException api && api.code() == KlingErrorCode.RESOURCE_NOT_FOUND.code()) {
                    return Optional.<KlingTask> empty();
                }
                throw asRuntime(cause);
            });
        }
        return scan(feature, externalId, 1);
    }

    private CompletableFuture<Optional<KlingTask>> scan(KlingFeature feature, String externalId, int page) {
        return client.list(feature, page, SCAN_PAGE_SIZE).thenCompose(tasks -> {
            Optional<KlingTask> match = find(tasks, externalId);
            if (match.isPresent() || tasks.size() < SCAN_PAGE_SIZE || page >= SCAN_PAGES) {
                return CompletableFuture.completedFuture(match);
            }
            return scan(feature, externalId, page + 1);
        });
    }

    private static Optional<KlingTask> find(List<KlingTask> tasks, String externalId) {
        return tasks.stream().filter(t -> externalId.equals(t.externalTaskId())).findFirst();
    }

    /** Kling may have acted on the create: a lost answer or a server-side failure. */
    static boolean isAmbiguous(Throwable failure) {
        return failure instanceof KlingTransportException transport && transport.mayHaveReachedServer()
               || failure instanceof KlingApiException api && api.mayHaveTakenEffect();
    }

    /**
     * Kling refused the create because the external id is in use: typically our own earlier create whose answer was
     * lost. (Kling does not document this case; a 1201 that names the field is the reading the simulator follows.)
     */
    static boolean isTakenExternalId(Throwable failure) {
        return failure instanceof KlingApiException api && api.code() == KlingErrorCode.INVALID_PARAMETER.code()
               && api.klingMessage() != null && api.klingMessage().contains("external_task_id");
    }


    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException r ? r : new CompletionException(t);
    }
}
