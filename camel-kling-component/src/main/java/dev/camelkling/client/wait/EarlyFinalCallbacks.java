package dev.camelkling.client.wait;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tasks a verified callback announced as final while no wait of this client was waiting for them. Kling makes a task
 * before it answers its create, and a short task can end (and its final callback come and go) before that answer
 * reaches the client, or before the caller starts waiting: such a wait would otherwise sit out the whole
 * callbackGracePeriod for a callback that already came. Bounded: forged or foreign ids only push out old ones, and
 * an id here costs at most one early read of its task.
 */
final class EarlyFinalCallbacks {

    static final int REMEMBERED = 1_000;

    private final Map<String, Boolean> ids = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized void announced(String taskId) {
        ids.put(taskId, Boolean.TRUE);
    }

    /** Whether a final callback for the task came before its wait began; forgets it, so only the first wait reads early. */
    synchronized boolean take(String taskId) {
        return ids.remove(taskId) != null;
    }
}
