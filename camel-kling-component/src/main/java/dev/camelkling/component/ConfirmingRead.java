package dev.camelkling.component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;

/**
 * The one read that confirms a task a verified callback announced, shared with the waits of this account
 * ({@code waitForCompletion} producers) that wait for it: the client whose wait waits for the task confirms it with
 * that wait's own read ({@link KlingClient#confirm}), the other clients of the account hear of the callback
 * ({@link KlingClient#callbackReceived}). Without such a wait, the callback consumer's own client reads it.
 */
final class ConfirmingRead {

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

    /** The task as the API shows it now, final or not; {@code claim} says which task and how to read it. */
    CompletableFuture<KlingTask> read(KlingTask claim) {
        List<KlingClient> clients = accountClients.get();
        if (clients.isEmpty()) {
            throw new IllegalStateException("the callback consumer's endpoint is not started");
        }
        KlingClient reader = clients.stream().filter(client -> client.isWaiting(claim.taskId())).findFirst().orElse(clients.get(0));
        CompletableFuture<KlingTask> read = reader.confirm(feature, claim); // joins its wait before the others start rounds
        clients.stream().filter(client -> client != reader).forEach(client -> client.callbackReceived(feature, claim));
        return read;
    }
}
