package dev.camelkling.client;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.transport.KlingHttp;
import dev.camelkling.client.transport.KlingJson;
import dev.camelkling.client.transport.Scheduling;
import dev.camelkling.client.transport.StreamingBody;
import dev.camelkling.client.transport.TransportErrors;
import dev.camelkling.client.wait.TaskSlots;
import dev.camelkling.client.wait.TaskWaiter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the client's creates go out: validated, refused before anything is sent when a new-design model has no API key,
 * the body written once, then sent once ({@link KlingClient} says why a create is never retried blindly); with a
 * client-side concurrency limit, after a free slot, and a 1303 (429: nothing was created) is sent again after a
 * backoff. Every answer tells the waits ({@link TaskWaiter#created}) and which feature made the task
 * ({@link CreatedTaskFeatures}).
 */
final class TaskCreation {

    private static final Logger LOG = LoggerFactory.getLogger(TaskCreation.class);

    /** How often a 1303 is retried when a concurrency limit is configured; the backoff starts at 1 s. */
    static final int CONCURRENCY_RETRIES = 8;
    static final Duration CONCURRENCY_FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration CONCURRENCY_MAX_DELAY = Duration.ofSeconds(30);

    private final KlingHttp http;
    private final NewDesignReads newDesign;
    private final TaskWaiter waiter;
    /** {@code null} without a client-side concurrency limit. */
    private final TaskSlots slots;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final CreatedTaskFeatures createdFeatures = new CreatedTaskFeatures();

    TaskCreation(KlingHttp http, NewDesignReads newDesign, TaskWaiter waiter, TaskSlots slots,
            ScheduledExecutorService scheduler, Executor executor) {
        this.http = http;
        this.newDesign = newDesign;
        this.waiter = waiter;
        this.slots = slots;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    CompletableFuture<KlingTask> create(KlingRequest request) {
        request.validate();
        if (request.design() == DesignStandard.NEW_DESIGN) {
            newDesign.requireApiKey(request.feature().requestSubject(), "model_name " + request.field("model_name") + " is served by the new design");
        }
        StreamingBody body = KlingJson.requestBody(request);
        if (slots == null) {
            return send(request, body);
        }
        int needed = TaskSlots.slotsOf(request);
        CompletableFuture<Void> granted = slots.acquire(needed);
        CompletableFuture<KlingTask> outcome = new CompletableFuture<>();
        outcome.whenComplete((task, error) -> granted.cancel(false)); // leaves the queue if still waiting
        granted.thenCompose(ignored -> sendHoldingSlots(request, body, 1, outcome)).whenComplete((task, error) -> {
            boolean holding = granted.isDone() && !granted.isCompletedExceptionally();
            if (error == null) {
                slots.created(request.feature(), task, needed);
                outcome.complete(task);
            } else {
                if (holding) {
                    slots.release(needed);
                }
                outcome.completeExceptionally(TransportErrors.unwrap(error));
            }
        });
        return outcome;
    }

    /** See {@link KlingClient#createdFeature}. */
    Optional<KlingFeature> createdFeature(String taskId) {
        return createdFeatures.featureOf(taskId);
    }

    /** See {@link KlingClient#createsSent}. */
    long createsSent() {
        return createdFeatures.sentSoFar();
    }

    /** See {@link KlingClient#createsAnswered}. */
    boolean createsAnswered(long mark) {
        return createdFeatures.answeredUpTo(mark);
    }

    private CompletableFuture<KlingTask> send(KlingRequest request, StreamingBody body) {
        long create = createdFeatures.sending();
        return http.callStreaming("POST", request.path(), body.publisher(), false)
                .thenApply(envelope -> {
                    KlingTask task = KlingJson.task(envelope.data());
                    createdFeatures.answered(create, task.taskId(), request.feature());
                    waiter.created(request, task);
                    return task;
                })
                .whenComplete((task, error) -> {
                    if (error != null) {
                        createdFeatures.answered(create, null, request.feature());
                    }
                });
    }

    /** Sends while holding slots; a 1303 (429: nothing was created) is re-sent after a backoff from 1 s. */
    private CompletableFuture<KlingTask> sendHoldingSlots(KlingRequest request, StreamingBody body, int attempt,
            CompletableFuture<KlingTask> outcome) {
        return send(request, body).exceptionallyCompose(error -> {
            Throwable cause = TransportErrors.unwrap(error);
            if (!(cause instanceof KlingApiException api && api.code() == KlingErrorCode.CONCURRENCY_LIMIT.code())
                    || attempt >= CONCURRENCY_RETRIES || outcome.isDone()) {
                return CompletableFuture.failedFuture(cause);
            }
            Duration delay = concurrencyDelay(attempt, api.retryAfter().orElse(Duration.ZERO));
            LOG.debug("{} -> 1303 although within the client's limit (the account is shared?); attempt {} of {} in {} ms",
                    request.feature().path(), attempt + 1, CONCURRENCY_RETRIES, delay.toMillis());
            CompletableFuture<KlingTask> next = new CompletableFuture<>();
            Scheduling.later(scheduler, executor, delay, () -> sendHoldingSlots(request, body, attempt + 1, outcome).whenComplete((task, failure) -> {
                if (failure == null) {
                    next.complete(task);
                } else {
                    next.completeExceptionally(TransportErrors.unwrap(failure));
                }
            }), () -> next.completeExceptionally(cause));
            return next;
        });
    }

    /** 1 s, 2 s, 4 s … up to 30 s, plus up to 25 % jitter, and never less than a Retry-After. */
    static Duration concurrencyDelay(int attempt, Duration retryAfter) {
        long base = Math.min(CONCURRENCY_FIRST_DELAY.toMillis() << Math.min(attempt - 1, 20), CONCURRENCY_MAX_DELAY.toMillis());
        long jittered = base + (long) (base * 0.25 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.max(jittered, retryAfter.toMillis()));
    }
}
