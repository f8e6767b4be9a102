package dev.camelkling.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingWaitTimeoutException;
import dev.camelkling.client.transport.TransportErrors;
import dev.camelkling.client.wait.WaitPolicy;

/**
 * The one read that confirms a task a verified callback announced as final, shared with the waits of this account
 * ({@code waitForCompletion} producers) that wait for it: each client of the account hears of the callback
 * ({@link KlingClient#callbackReceived}), so its waits for that task read it now; when one of them waits for it, the
 * confirmation rides along that wait's read (a wait of its own for the same task, which the client reads with the
 * same GET) instead of reading the task a second time. Without such a wait it is a plain GET.
 */
final class ConfirmingRead {

    /**
     * The ride-along wait: never due by its own schedule (a day), so only the callback's round reads it, together with
     * the wait it joins; no time left after that read (timeout 0), so it ends there, final or not: a task not final
     * yet is the callback consumer's to read again later, on its own schedule.
     */
    private static final WaitPolicy ONE_READ = new WaitPolicy(Duration.ofDays(1), 1, Duration.ofDays(1), Duration.ZERO);

    private final KlingFeature feature;
    /** The callback consumer's client first, then the other clients of its account; read at each use. */
    private final Supplier<List<KlingClient>> accountClients;

    ConfirmingRead(KlingFeature feature, Supplier<List<KlingClient>> accountClients) {
        this.feature = feature;
        this.accountClients = accountClients;
    }

    /**
     * Tells every client of the account that a verified callback announced the task: their waits for it read it in
     * their next round when it is final, and the client that created it learns that callbacks reach it, whatever the
     * status.
     */
    void tellWaits(KlingTask claim) {
        accountClients.get().forEach(client -> client.callbackReceived(feature, claim));
    }

    private static KlingClient firstWaiting(List<KlingClient> clients, KlingTask claim) {
        return clients.stream().filter(client -> client.isWaiting(claim.taskId())).findFirst().orElse(null);
    }

    /** The task as the API shows it now, final or not; {@code claim} says which task and how to read it. */
    CompletableFuture<KlingTask> read(KlingTask claim) {
        List<KlingClient> clients = accountClients.get();
        if (clients.isEmpty()) {
            throw new IllegalStateException("the callback consumer's endpoint is not started");
        }
        KlingClient waiting = firstWaiting(clients, claim);
        if (waiting == null) {
            tellWaits(claim); // no wait reads it, but the callback still shows the clients that callbacks arrive
            return clients.get(0).get(feature, claim);
        }
        // joins before the waits are told, so that the round the callback starts reads them all with one GET
        CompletableFuture<KlingTask> rideAlong = waiting.awaitCompletion(feature, claim, ONE_READ);
        clients.forEach(client -> client.callbackReceived(feature, claim));
        KlingClient own = clients.get(0);
        return rideAlong.handle((task, failure) -> failure == null ? CompletableFuture.completedFuture(task)
                : afterRideAlongFailed(TransportErrors.unwrap(failure), own, claim)).thenCompose(read -> read);
    }

    /**
     * The ride-along's single read ended without a final task (the timeout carries the task as read), or the API
     * refused it; any other failure (the producer's client closed meanwhile) leaves the confirmation to a plain GET.
     */
    private CompletableFuture<KlingTask> afterRideAlongFailed(Throwable cause, KlingClient own, KlingTask claim) {
        if (cause instanceof KlingWaitTimeoutException notYet) {
            return CompletableFuture.completedFuture(notYet.lastSeen());
        }
        if (cause instanceof KlingApiException) {
            return CompletableFuture.failedFuture(cause);
        }
        return own.get(feature, claim);
    }
}
