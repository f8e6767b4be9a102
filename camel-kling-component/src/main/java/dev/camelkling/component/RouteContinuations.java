package dev.camelkling.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.AsyncProcessorAwaitManager;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an exchange continues once Kling has answered: a thread of the {@code KlingWorker} pool, never the HTTP thread
 * that parsed the answer.
 * <p>
 * A step after a kling step may call kling synchronously (a {@code ProducerTemplate} in a processor), which blocks its
 * worker thread until that call is handed back in turn. Once every worker thread is blocked so, nothing queued for
 * the pool could ever run, and the calls they wait for would never end. Then continuations go to overflow threads
 * instead ({@code KlingOverflow}, made only then and ended after a minute idle): new ones as they come, and those
 * already queued, which a check on the component's scheduler moves over.
 */
final class RouteContinuations implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(RouteContinuations.class);
    static final long RESCUE_CHECK_MILLIS = 100;
    private static final ThreadLocal<Boolean> ON_OVERFLOW = new ThreadLocal<>();

    private final CamelContext context;
    private final Object source;
    private final ExecutorService workers;
    private final int workerCount;
    /** The worker pool's threads, as they run continuations: the ones a blocked call may hold. */
    private final Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> rescueCheck;
    private ExecutorService overflow;

    RouteContinuations(CamelContext context, Object source, ExecutorService workers, int workerCount,
                       ScheduledExecutorService scheduler) {
        this.context = context;
        this.source = source;
        this.workers = workers;
        this.workerCount = workerCount;
        this.rescueCheck = scheduler.scheduleWithFixedDelay(this::rescueQueued, RESCUE_CHECK_MILLIS, RESCUE_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Runs {@code continuation} on a worker thread, or on an overflow thread while every worker is blocked. */
    @Override
    public void execute(Runnable continuation) {
        if (workersBlocked()) {
            overflow().execute(onOverflow(continuation));
        } else {
            workers.execute(() -> {
                Thread current = Thread.currentThread();
                if (ON_OVERFLOW.get() == null && !workerThreads.contains(current)) {
                    workerThreads.add(current);
                }
                continuation.run();
            });
        }
    }

    /** Whether every worker thread waits for a synchronous call (Camel's await manager holds them). */
    boolean workersBlocked() {
        AsyncProcessorAwaitManager awaits = PluginHelper.getAsyncProcessorAwaitManager(context);
        if (awaits.size() < workerCount) {
            return false;
        }
        int blocked = 0;
        for (AsyncProcessorAwaitManager.AwaitThread waiting : awaits.browse()) {
            if (workerThreads.contains(waiting.getBlockedThread())) {
                blocked++;
            }
        }
        return blocked >= workerCount;
    }

    /** Moves the continuations queued for a pool whose every thread is blocked to overflow threads. */
    private void rescueQueued() {
        try {
            if (!(workers instanceof ThreadPoolExecutor pool) || pool.getQueue().isEmpty() || !workersBlocked()) {
                return;
            }
            List<Runnable> queued = new ArrayList<>();
            pool.getQueue().drainTo(queued);
            LOG.warn("All {} KlingWorker threads wait for synchronous calls (a route calling kling through a ProducerTemplate"
                     + " after a kling step?): {} queued exchanges continue on overflow threads; raise workerPoolSize or call"
                     + " kling with to() or enrich()", workerCount, queued.size());
            queued.forEach(task -> overflow().execute(onOverflow(task)));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not moving queued continuations: the component is stopping");
        }
    }

    private static Runnable onOverflow(Runnable task) {
        return () -> {
            ON_OVERFLOW.set(Boolean.TRUE);
            try {
                task.run();
            } finally {
                ON_OVERFLOW.remove();
            }
        };
    }

    private synchronized ExecutorService overflow() {
        if (overflow == null) {
            overflow = context.getExecutorServiceManager().newCachedThreadPool(source, "KlingOverflow");
        }
        return overflow;
    }

    synchronized void shutdown() {
        rescueCheck.cancel(false);
        context.getExecutorServiceManager().shutdown(workers);
        if (overflow != null) {
            context.getExecutorServiceManager().shutdown(overflow);
            overflow = null;
        }
    }
}
