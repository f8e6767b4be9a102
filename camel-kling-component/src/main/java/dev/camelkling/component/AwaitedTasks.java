package dev.camelkling.component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.task.KlingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The new-design consumer's tasks that its position ({@link TaskListCursor}) has passed but that are not emitted yet:
 * listed before they were final (the listing never shows them again), or final but their exchange has not completed
 * (it failed, is still routing, or the poll left it over). The running ones are read again by id, {@code GET
 * /tasks?task_ids=} ({@value KlingClient#TASKS_PER_READ} a request), at most {@code maxReads} requests a poll, those read
 * longest ago first; so a poll's cost follows the tasks still running, not the tasks listed before. In memory only:
 * after a restart the listing's first window finds them again.
 */
final class AwaitedTasks {

    private static final Logger LOG = LoggerFactory.getLogger(AwaitedTasks.class);

    private final Supplier<KlingClient> client;
    private final int maxReads;
    private final long readBudgetMillis;
    /** By task id, least recently read first. Touched by the consumer's scheduler thread only. */
    private final Map<String, KlingTask> tasks = new LinkedHashMap<>();

    AwaitedTasks(Supplier<KlingClient> client, int maxReads, long readBudgetMillis) {
        this.client = client;
        this.maxReads = maxReads;
        this.readBudgetMillis = readBudgetMillis;
    }

    /**
     * Takes in what the listing showed, reads the running tasks again, and answers the final tasks still to emit.
     *
     * @param listed    tasks the position just passed, the consumer's own only
     * @param toEmit    whether a final task is still to be emitted (a wanted status, not in the repository)
     */
    List<KlingTask> due(Collection<KlingTask> listed, Predicate<KlingTask> toEmit) throws Exception {
        // a task listed again (the first millisecond of a window) keeps what was read of it, unless it is final now
        listed.forEach(task -> tasks.merge(task.taskId(), task, (known, fresh) -> fresh.isFinal() ? fresh : known));
        readRunning();
        tasks.values().removeIf(task -> task.isFinal() && !toEmit.test(task));
        return tasks.values().stream().filter(KlingTask::isFinal).toList();
    }

    private void readRunning() throws Exception {
        List<String> running = tasks.values().stream().filter(task -> !task.isFinal()).map(KlingTask::taskId)
                .limit((long) maxReads * KlingClient.TASKS_PER_READ).toList();
        if (running.isEmpty()) {
            return;
        }
        // Blocking is fine here: this is the consumer's own scheduler thread, not a routing thread.
        List<KlingTask> read = client.get().getTasks(running).get(readBudgetMillis, TimeUnit.MILLISECONDS);
        List<String> missing = new ArrayList<>(running);
        for (KlingTask task : read) {
            missing.remove(task.taskId());
            tasks.remove(task.taskId());
            tasks.put(task.taskId(), task); // to the end: read most recently
        }
        for (String taskId : missing) {
            LOG.warn("Kling no longer knows task {}: it is not awaited any more", taskId);
            tasks.remove(taskId);
        }
    }

    int size() {
        return tasks.size();
    }
}
