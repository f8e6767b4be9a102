package dev.camelkling.client;

import dev.camelkling.client.task.KlingTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who else wants the final tasks this client reads, whatever read them (a wait's round, a batch, a get): a polling
 * consumer that awaits the same tasks then need not read them itself. Listeners run on the thread that handled the
 * read (the client's executor), so they must be quick and must not block; one that throws does not disturb the read
 * nor the other listeners.
 */
final class FinalTaskListeners {

    private static final Logger LOG = LoggerFactory.getLogger(FinalTaskListeners.class);

    private final List<Consumer<List<KlingTask>>> listeners = new CopyOnWriteArrayList<>();

    KlingClient.Subscription add(Consumer<List<KlingTask>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Hands the final ones among {@code tasks} to every listener; nothing when none is final or none listens. */
    void read(List<KlingTask> tasks) {
        if (listeners.isEmpty()) {
            return;
        }
        List<KlingTask> finals = tasks.stream().filter(KlingTask::isFinal).toList();
        if (finals.isEmpty()) {
            return;
        }
        for (Consumer<List<KlingTask>> listener : listeners) {
            try {
                listener.accept(finals);
            } catch (RuntimeException e) {
                LOG.warn("A listener of the final tasks read failed; the read itself is not affected", e);
            }
        }
    }
}
