package dev.camelkling.component;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.task.KlingTask;

/**
 * A consumer's subscriptions to the final tasks that the clients of its account read ({@link KlingClient#onFinalTasksRead}):
 * its own client and those of endpoints with other settings (a producer with a concurrency limit of its own, say),
 * which come and go with their routes, so the set is brought up to date at each poll.
 */
final class AccountSightings {

    private final Consumer<List<KlingTask>> listener;
    private final Map<KlingClient, KlingClient.Subscription> subscriptions = new IdentityHashMap<>();

    AccountSightings(Consumer<List<KlingTask>> listener) {
        this.listener = listener;
    }

    /** Listens to exactly these clients from now on. */
    synchronized void follow(List<KlingClient> clients) {
        subscriptions.entrySet().removeIf(entry -> {
            boolean gone = clients.stream().noneMatch(client -> client == entry.getKey());
            if (gone) {
                entry.getValue().close();
            }
            return gone;
        });
        clients.forEach(client -> subscriptions.computeIfAbsent(client, c -> c.onFinalTasksRead(listener)));
    }

    synchronized void close() {
        subscriptions.values().forEach(KlingClient.Subscription::close);
        subscriptions.clear();
    }
}
