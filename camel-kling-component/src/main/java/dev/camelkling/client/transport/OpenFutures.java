package dev.camelkling.client.transport;

import dev.camelkling.client.error.KlingException;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The futures the client has handed out and not yet completed, so that closing the client fails them instead of
 * leaving callers waiting for polls that will never run. Also hands out futures that complete with the plain
 * cause rather than a {@code CompletionException}, so callers see the typed Kling exceptions directly.
 */
public final class OpenFutures {

    private final Set<CompletableFuture<?>> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Starts {@code operation} unless the client is closed, and hands out a future tracking it. */
    public <T> CompletableFuture<T> track(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> handedOut = new CompletableFuture<>();
        if (closed) {
            handedOut.completeExceptionally(closedException());
            return handedOut;
        }
        CompletableFuture<T> source;
        try {
            source = operation.get();
        } catch (RuntimeException e) {
            source = CompletableFuture.failedFuture(e);
        }
        track(source, handedOut);
        return handedOut;
    }

    private <T> void track(CompletableFuture<T> source, CompletableFuture<T> handedOut) {
        open.add(handedOut);
        source.whenComplete((value, error) -> {
            if (error == null) {
                handedOut.complete(value);
            } else {
                handedOut.completeExceptionally(typed(TransportErrors.unwrap(error)));
            }
        });
        handedOut.whenComplete((value, error) -> {
            open.remove(handedOut);
            if (!source.isDone()) {
                source.cancel(false); // cancelled or closed: stops a retry loop or a wait at its next step
            }
        });
        if (closed) {
            handedOut.completeExceptionally(closedException());
        }
    }

    /** A task refused by the executor (closed, or a caller's saturated executor) is reported as a Kling error too. */
    private static Throwable typed(Throwable cause) {
        return cause instanceof RejectedExecutionException
                ? new KlingException("Kling client could not continue: its executor refused the work (" + cause.getMessage() + ")", cause)
                : cause;
    }

    public boolean isClosed() {
        return closed;
    }

    public void close() {
        closed = true;
        for (CompletableFuture<?> future : open) {
            future.completeExceptionally(closedException());
        }
    }

    private static KlingException closedException() {
        return new KlingException("Kling client is closed");
    }
}
