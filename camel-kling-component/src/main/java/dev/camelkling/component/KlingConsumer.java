package dev.camelkling.component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.util.URISupport;

/**
 * Polls the feature's task list and emits every task once, when it has reached a final state with a wanted status,
 * oldest first. A task counts as emitted only once its exchange completes (then it is in the idempotent repository);
 * a failed exchange leaves it to be emitted again by a later poll.
 * <p>
 * Legacy design: the feature's {@code /v1} list, newest first, down to the oldest task still awaited. New design:
 * {@code POST /tasks} from a position kept across polls ({@link TaskListCursor}); the tasks it passed before they could
 * be emitted are read again, by id or by listing their span again, whichever costs less ({@link AwaitedTasks}). A poll
 * then costs at most {@code maxPagesPerPoll} list pages plus {@code maxPagesPerPoll} re-reads; once the window is read,
 * one page plus what the running tasks need, however many tasks were listed before. That listing holds every
 * feature's tasks of a product type, so only the tasks of this consumer's feature are emitted ({@link TaskOrigin}).
 * <p>
 * The waits of the account's clients spare reads: on the new design, a task awaited here that a wait is waiting for is
 * left to it and taken from its final read ({@link AccountSightings}); on the legacy design, page 1 is taken as their
 * rounds have just read it ({@link #firstPage}).
 */
public class KlingConsumer extends ScheduledBatchPollingConsumer {

    private final KlingEndpoint endpoint;
    /** Tasks whose exchange is still being routed: a poll must not emit them a second time meanwhile. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final EmissionFilter filter;
    private final EmittedTasks emitted;
    /** The new design's listing, its passed tasks not emitted yet, and its feature rule; {@code null} on the legacy path. */
    private final TaskListCursor taskList;
    private final AwaitedTasks awaited;
    private final TaskOrigin origin;
    /** Tasks created before this (epoch ms) were all settled at the last poll; Long.MIN_VALUE = read everything. */
    private volatile long settledBefore = Long.MIN_VALUE;
    /** When the last poll finished (epoch ms, 0 = none yet) and how many tasks it emitted: for the dev console. */
    private volatile long lastPollAt;
    private volatile int lastPollEmitted;
    /** Polls made since the start: with a count of requests, the cost of one poll. */
    private final AtomicLong polls = new AtomicLong();
    /** The clients of this consumer's account, as of the current poll (read once a poll, asked for every awaited task). */
    private volatile List<KlingClient> accountClients = List.of();
    /** New design: what the account's clients read of awaited tasks for other reasons (waits, gets) spares our reads. */
    private final AccountSightings sightings;

    public KlingConsumer(KlingEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.filter = new EmissionFilter(endpoint.getStatuses(), endpoint.getExternalTaskIdPrefix());
        this.emitted = new EmittedTasks(endpoint::getIdempotentRepository, this);
        boolean newDesign = endpoint.usesNewDesign();
        this.taskList = newDesign
                ? new TaskListCursor(endpoint::getClient, endpoint.getKlingFeature().resultKind(), filter.statuses(),
                        endpoint.getConfiguration().getPageSize(), endpoint.getMaxPagesPerPoll(), readBudgetMillis())
                : null;
        this.awaited = newDesign
                ? new AwaitedTasks(endpoint::getClient, this::waitedFor, endpoint.getKlingFeature().resultKind(), filter.statuses(),
                        endpoint.getConfiguration().getPageSize(), endpoint.getMaxPagesPerPoll(), readBudgetMillis())
                : null;
        this.sightings = newDesign ? new AccountSightings(awaited::sighted) : null;
        this.origin = newDesign
                ? new TaskOrigin(endpoint.getKlingFeature(), endpoint::getClient, endpoint::emitsUnknownOrigin)
                : null;
    }

    @Override
    protected void doStart() throws Exception {
        if (sightings != null) {
            sightings.follow(endpoint.accountClients());
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (sightings != null) {
            sightings.close();
        }
    }

    @Override
    protected int poll() throws Exception {
        Queue<Object> exchanges = new ArrayDeque<>();
        for (KlingTask task : finishedTasks()) {
            // Claim before checking the repository: an exchange completing in between then cannot slip through.
            if (!inFlight.add(task.taskId())) {
                continue;
            }
            if (emitted.contains(task.taskId())) {
                inFlight.remove(task.taskId());
                continue;
            }
            Exchange exchange = createExchange(true);
            KlingTaskMessages.populate(exchange.getMessage(), task);
            exchanges.add(exchange);
        }
        int emittedNow = processBatch(exchanges);
        lastPollEmitted = emittedNow;
        lastPollAt = System.currentTimeMillis();
        polls.incrementAndGet();
        return emittedNow;
    }

    long getPollCount() {
        return polls.get();
    }

    long getLastPollAt() {
        return lastPollAt;
    }

    int getLastPollEmitted() {
        return lastPollEmitted;
    }

    /**
     * The list position (epoch ms; MIN_VALUE = none): on the legacy design, where the next poll stops, tasks created
     * before it were settled; on the new design, where the next window starts (tasks passed are in {@link AwaitedTasks}).
     */
    long getSettledBefore() {
        if (taskList != null) {
            return taskList.windowStart() == null ? Long.MIN_VALUE : taskList.windowStart().toEpochMilli();
        }
        return settledBefore;
    }

    /**
     * New design: the tasks the position has passed that are not emitted yet (still running, or final with an exchange
     * to complete, or of an origin not known yet), as of the last poll; -1 on the legacy design, which keeps no such set.
     */
    int getAwaitedCount() {
        return awaited == null ? -1 : awaited.size();
    }

    /** Tasks emitted whose exchange is still being routed. */
    int getInFlightCount() {
        return inFlight.size();
    }

    /** The final tasks of this application and partition with a wanted status, by when they finished. */
    private List<KlingTask> finishedTasks() throws Exception {
        accountClients = endpoint.accountClients(); // endpoints with clients of their own come and go with their routes
        if (sightings != null) {
            sightings.follow(accountClients);
        }
        List<KlingTask> found = new ArrayList<>(taskList != null
                // whose a task is was decided when it was listed: the client may have forgotten it by the time it ends
                ? awaited.due(taskList.next(), this::ownership, task -> !isEmitted(task))
                : listedNewestFirst().stream().filter(task -> isOurs(task) && filter.hasWantedStatus(task)).toList());
        found.sort(Comparator.comparingLong(KlingTask::updatedAt).thenComparing(KlingTask::taskId));
        return found;
    }

    /**
     * Reads the legacy list newest first. Once a page holds a task older than every task still awaited at the last poll
     * (not final, or final but not yet emitted), everything further down was settled already and paging stops.
     */
    private List<KlingTask> listedNewestFirst() throws Exception {
        int pageSize = endpoint.getConfiguration().getPageSize();
        long boundary = endpoint.isStopAtSeenTasks() ? settledBefore : Long.MIN_VALUE;
        long oldestAwaited = Long.MAX_VALUE;
        long newestSeen = Long.MIN_VALUE;
        List<KlingTask> listed = new ArrayList<>();
        for (int page = 1; page <= endpoint.getMaxPagesPerPoll(); page++) {
            // Blocking is fine here: this is the consumer's own scheduler thread, not a routing thread.
            List<KlingTask> tasks = page == 1 ? firstPage(pageSize)
                    : endpoint.getClient().list(endpoint.getKlingFeature(), page, pageSize).get(readBudgetMillis(), TimeUnit.MILLISECONDS);
            boolean reachedSettled = false;
            for (KlingTask task : tasks) {
                newestSeen = Math.max(newestSeen, task.createdAt());
                if (!isOurs(task)) {
                    continue;
                }
                if (!task.isFinal() || !isEmitted(task)) {
                    oldestAwaited = Math.min(oldestAwaited, task.createdAt());
                }
                listed.add(task);
                reachedSettled |= task.createdAt() < boundary;
            }
            if (tasks.size() < pageSize || reachedSettled) {
                break;
            }
        }
        // Next time, stop below the oldest task still awaited; with none awaited, below the newest one seen.
        settledBefore = oldestAwaited != Long.MAX_VALUE ? oldestAwaited : newestSeen;
        return listed;
    }

    /**
     * Page 1 as a wait round of a client of the account has just read it, if one did (KlingClient#recentFirstPage),
     * else read now. The pages below it are read later, but they only take in older tasks as new ones are created, so
     * nothing is missed; a task the page shows running although it has finished since is still awaited, and read again
     * next poll.
     */
    private List<KlingTask> firstPage(int pageSize) throws Exception {
        for (KlingClient client : accountClients) {
            Optional<List<KlingTask>> shared = client.recentFirstPage(endpoint.getKlingFeature(), pageSize);
            if (shared.isPresent()) {
                return shared.get();
            }
        }
        return endpoint.getClient().list(endpoint.getKlingFeature(), 1, pageSize).get(readBudgetMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a wait of a client of the account (a producer's, an awaitCompletion) is waiting for the task now. */
    private boolean waitedFor(String taskId) {
        return accountClients.stream().anyMatch(client -> client.isWaiting(taskId));
    }

    /** Tasks of this application (external id prefix) and of this instance's partition, on the legacy design. */
    private boolean isOurs(KlingTask task) {
        return filter.isOurs(task) && Math.floorMod(task.taskId().hashCode(), endpoint.getPartitionCount()) == endpoint.getPartitionIndex();
    }

    /** On the new design, the task must also be of this consumer's feature, which may be known only at a later poll. */
    private TaskOrigin.Verdict ownership(KlingTask task) {
        return isOurs(task) ? origin.of(task) : TaskOrigin.Verdict.NOT_OURS;
    }

    private boolean isEmitted(KlingTask task) {
        return !filter.hasWantedStatus(task) || emitted.contains(task.taskId());
    }

    /**
     * Graceful shutdown waits while this is above zero: a task counts until its exchange has recorded it in the
     * repository, so a stopping application never drops a task it already emitted (it would be emitted again after a
     * restart).
     */
    @Override
    public int getPendingExchangesSize() {
        return Math.max(super.getPendingExchangesSize(), inFlight.size());
    }

    /** Long enough for every attempt the client may make, so a poll never gives up on a read still in progress. */
    private long readBudgetMillis() {
        KlingConfiguration c = endpoint.getConfiguration();
        return (c.getRequestTimeout() + 30_000L) * Math.max(1, c.getMaxReadAttempts());
    }

    @Override
    public int processBatch(Queue<Object> exchanges) {
        int total = exchanges.size();
        int limit = maxMessagesPerPoll > 0 ? Math.min(total, maxMessagesPerPoll) : total;
        for (int index = 0; index < total; index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            String taskId = exchange.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
            if (index >= limit || !isBatchAllowed()) {
                inFlight.remove(taskId); // left for the next poll
                continue;
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, limit);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == limit - 1);
            pendingExchanges = limit - index - 1;
            emitted.emit(exchange, taskId, () -> inFlight.remove(taskId));
        }
        return limit;
    }

    @Override
    public String toString() {
        return "KlingConsumer[" + URISupport.sanitizeUri(endpoint.getEndpointUri()) + "]";
    }
}
