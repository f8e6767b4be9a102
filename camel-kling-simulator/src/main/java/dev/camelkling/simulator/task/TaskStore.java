package dev.camelkling.simulator.task;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.http.ErrorCode;
import dev.camelkling.simulator.product.PackType;
import dev.camelkling.simulator.product.ProductDescriptor;
import dev.camelkling.simulator.product.TaskOrder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * All tasks plus the concurrency slots they hold. One lock guards both, so that "check the external
 * id, check the slots, create" and "reach a final state, free the slots" are each atomic.
 */
public final class TaskStore {

    private record SlotKey(String accountId, String modelName, PackType packType) {
    }

    /** External ids are unique per account across all products (§2.3). */
    private record ExternalKey(String accountId, String externalTaskId) {
    }

    private final Clock clock;
    private final TaskIdGenerator ids = new TaskIdGenerator();
    private final Map<String, SimTask> byTaskId = new LinkedHashMap<>();
    private final Map<ExternalKey, SimTask> byExternalId = new HashMap<>();
    private final Map<SlotKey, Integer> slotsInUse = new HashMap<>();
    private volatile int maxConcurrentTasks;
    private long sequence;
    private int createdCount;

    public TaskStore(Clock clock, int maxConcurrentTasks) {
        this.clock = clock;
        this.maxConcurrentTasks = maxConcurrentTasks;
    }

    /**
     * Creates a task or throws: a duplicate {@code external_task_id} in the account is 400/1201, no free
     * slot is 429/1303; in both cases nothing is created.
     */
    public synchronized SimTask create(String accountId, ProductDescriptor product, TaskOrder order, TaskView view) {
        ExternalKey externalKey = order.externalTaskId() == null ? null : new ExternalKey(accountId, order.externalTaskId());
        if (externalKey != null && byExternalId.containsKey(externalKey)) {
            throw ApiException.invalidParameter("external_task_id " + order.externalTaskId() + " already exists");
        }
        SlotKey key = new SlotKey(accountId, order.modelName(), product.packType());
        int inUse = slotsInUse.getOrDefault(key, 0);
        if (inUse + order.slots() > maxConcurrentTasks) {
            throw new ApiException(ErrorCode.CONCURRENCY_LIMIT);
        }
        slotsInUse.put(key, inUse + order.slots());
        SimTask task = new SimTask(++sequence, ids.next(), product, accountId, order, clock.millis(), view);
        byTaskId.put(task.taskId(), task);
        if (externalKey != null) {
            byExternalId.put(externalKey, task);
        }
        createdCount++;
        return task;
    }

    /** get-one: the value as a task id first, then (where the product allows it) as an external id. */
    public synchronized Optional<SimTask> find(String accountId, ProductDescriptor product, String id) {
        SimTask task = byTaskId.get(id);
        if (task != null && task.accountId().equals(accountId) && task.product().equals(product)) {
            return Optional.of(task);
        }
        return product.externalIdLookup() ? findByExternalId(accountId, product, id) : Optional.empty();
    }

    public synchronized Optional<SimTask> findByExternalId(String accountId, ProductDescriptor product, String externalTaskId) {
        SimTask task = byExternalId.get(new ExternalKey(accountId, externalTaskId));
        return task != null && task.product().equals(product) ? Optional.of(task) : Optional.empty();
    }

    /** The account's tasks among these ids, in the order asked, each once; unknown ids are left out. */
    public synchronized List<SimTask> byIds(String accountId, Collection<String> taskIds) {
        List<SimTask> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(taskIds)) {
            SimTask task = byTaskId.get(id);
            if (task != null && task.accountId().equals(accountId)) {
                found.add(task);
            }
        }
        return found;
    }

    /** The account's tasks carrying these external ids, in the order asked; unknown ids are left out. */
    public synchronized List<SimTask> byExternalIds(String accountId, Collection<String> externalTaskIds) {
        List<SimTask> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(externalTaskIds)) {
            SimTask task = byExternalId.get(new ExternalKey(accountId, id));
            if (task != null) {
                found.add(task);
            }
        }
        return found;
    }

    /**
     * The account's tasks (all products, both designs) created in {@code [from, to]} that pass the filter, oldest
     * first (creation time, then creation order): a stable order in which a cursor can resume.
     */
    public synchronized List<SimTask> createdBetween(String accountId, long from, long to, Predicate<SimTask> filter) {
        return byTaskId.values().stream()
                .filter(t -> t.accountId().equals(accountId) && t.createdAt() >= from && t.createdAt() <= to)
                .filter(filter)
                .sorted(Comparator.comparingLong(SimTask::createdAt).thenComparingLong(SimTask::sequence))
                .toList();
    }

    /** One page of the account's tasks of one product, newest first. */
    public synchronized List<SimTask> page(String accountId, ProductDescriptor product, int pageNum, int pageSize) {
        List<SimTask> mine = new ArrayList<>();
        for (SimTask t : byTaskId.values()) {
            if (t.accountId().equals(accountId) && t.product().equals(product)) {
                mine.add(t);
            }
        }
        mine.sort(Comparator.comparingLong(SimTask::sequence).reversed());
        long from = (long) (pageNum - 1) * pageSize;
        if (from >= mine.size()) {
            return List.of();
        }
        return List.copyOf(mine.subList((int) from, (int) Math.min(mine.size(), from + pageSize)));
    }

    /**
     * Applies a state change if the task still exists (a {@link #clear()} may have dropped it) and frees
     * its slots when the change made it final.
     *
     * @return whether the change was applied
     */
    public synchronized boolean update(SimTask task, Consumer<SimTask> change) {
        if (byTaskId.get(task.taskId()) != task || task.status().isFinal()) {
            return false;
        }
        change.accept(task);
        if (task.status().isFinal()) {
            SlotKey key = new SlotKey(task.accountId(), task.order().modelName(), task.product().packType());
            slotsInUse.computeIfPresent(key, (k, used) -> used - task.order().slots() <= 0 ? null : used - task.order().slots());
        }
        return true;
    }

    public long now() {
        return clock.millis();
    }

    public synchronized int createdCount() {
        return createdCount;
    }

    public synchronized int countByExternalId(String externalTaskId) {
        return (int) byTaskId.values().stream().filter(t -> externalTaskId.equals(t.order().externalTaskId())).count();
    }

    /** Tasks per {@code external_task_id} over all accounts and products (tasks without one are left out). */
    public synchronized Map<String, Integer> externalIdCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (SimTask t : byTaskId.values()) {
            String externalTaskId = t.order().externalTaskId();
            if (externalTaskId != null) {
                counts.merge(externalTaskId, 1, Integer::sum);
            }
        }
        return counts;
    }

    public synchronized Optional<SimTask> byTaskId(String taskId) {
        return Optional.ofNullable(byTaskId.get(taskId));
    }

    public synchronized List<SimTask> all() {
        return List.copyOf(byTaskId.values());
    }

    public void maxConcurrentTasks(int max) {
        this.maxConcurrentTasks = max;
    }

    public synchronized void clear() {
        byTaskId.clear();
        byExternalId.clear();
        slotsInUse.clear();
        createdCount = 0;
    }
}
