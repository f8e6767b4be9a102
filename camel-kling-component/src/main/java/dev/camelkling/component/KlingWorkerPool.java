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
 * The component's {@code KlingWorker} threads: the Kling clients' HTTP answers are read on them, and the exchanges
 * those answers complete continue on them.
 * <p>
 * An exchange continues on the thread that read its answer, once that thread is done with the answer, as Camel's
 * other asynchronous components continue on their client's threads: handing every exchange to another thread cost
 * about 7 % of a create's CPU (docs/benchmarks.md, "Create overhead"). Only the client's own work (reading answers, which never blocks) keeps an
 * exchange for its thread: when one answer completes several exchanges (a page of tasks answering many waits), the
 * first continues there and the others on other threads of the pool, so that no route waits for another's; and an
 * exchange completed while a thread runs a route (which may block, e.g. on the very exchange it just sent) goes to
 * another thread too. Work from outside the pool (the scheduler, a callback's HTTP server) always goes to the pool.
 * <p>
 * Since routes run where answers are read, a step that blocks holds a thread that answers also need; the pool must stay
 * live whatever the routes do. When every thread waits for a synchronous call (Camel's await manager holds them: a
 * {@code ProducerTemplate} calling kling in a step after a kling step), the answers those calls wait for could never
 * be read: work goes to overflow threads instead ({@code KlingOverflow}, made only then and ended after a minute idle),
 * new work as it comes and queued work moved by a check on the component's scheduler. The same happens while every
 * thread has been busy for about a second without finishing anything (steps that block otherwise, e.g. a processor
 * joining a Kling client's future), until one finishes.
 */
final class KlingWorkerPool implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(KlingWorkerPool.class);
    static final long RESCUE_CHECK_MILLIS = 100;
    /**
     * Checks in a row with every worker busy and nothing finished before the pool counts as stuck: about a second, as
     * on a loaded machine a burst of long reads (a page answering hundreds of waits, code not yet compiled) can keep
     * every worker busy for a tenth of one; a pool that is really stuck stays so.
     */
    static final int STUCK_CHECKS = 10;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** The exchange waiting to continue on this thread once the client's task it runs is done; unset while routes run. */
    private static final ThreadLocal<Continuation> AFTER_TASK = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> ON_OVERFLOW = new ThreadLocal<>();

    private final CamelContext context;
    private final Object source;
    private final ExecutorService workers;
    private final int workerCount;
    /** The pool's threads, as they run tasks: the ones a blocked call may hold. */
    private final Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> rescueCheck;
    private final Executor clientWork = task -> submit(task, true);
    private AsyncProcessorAwaitManager awaits;
    private ExecutorService overflow;
    private long completedAtLastCheck = -1;
    private int busyChecks;
    /** Set by the check while every worker has been busy for {@link #STUCK_CHECKS} checks without finishing anything. */
    private volatile boolean stuck;
    private long lastWarnNanos;

    KlingWorkerPool(CamelContext context, Object source, ExecutorService workers, int workerCount,
                    ScheduledExecutorService scheduler) {
        this.context = context;
        this.source = source;
        this.workers = workers;
        this.workerCount = workerCount;
        this.rescueCheck = scheduler.scheduleWithFixedDelay(this::rescueQueued, RESCUE_CHECK_MILLIS, RESCUE_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Where the component's Kling clients (and their JDK HttpClients) run: they read answers, and never block. */
    Executor clientExecutor() {
        return clientWork;
    }

    /** Runs route work (an exchange, a callback's task) on a worker thread, or on an overflow thread while every worker is blocked. */
    @Override
    public void execute(Runnable routeWork) {
        submit(routeWork, false);
    }

    private void submit(Runnable task, boolean readsAnswers) {
        if (stuck || workersBlocked()) {
            overflow().execute(onOverflow(() -> run(task, readsAnswers)));
        } else {
            workers.execute(() -> run(task, readsAnswers));
        }
    }

    /**
     * Continues an exchange Kling has answered: on this thread once the client's task it runs is done, when it has no
     * other exchange to continue; otherwise on another thread of the pool.
     */
    void continueExchange(Runnable continuation) {
        Continuation after = AFTER_TASK.get();
        if (after != null && after.next == null) {
            after.next = continuation;
        } else {
            execute(continuation);
        }
    }

    private void run(Runnable task, boolean readsAnswers) {
        Thread current = Thread.currentThread();
        if (ON_OVERFLOW.get() == null && !workerThreads.contains(current)) {
            workerThreads.add(current);
        }
        Continuation outer = AFTER_TASK.get();
        Continuation after = readsAnswers ? new Continuation() : null;
        AFTER_TASK.set(after);
        try {
            task.run();
        } finally {
            // the exchange is a route: should it block, nothing may be waiting to run after it on this thread
            AFTER_TASK.set(null);
            try {
                if (after != null && after.next != null) {
                    runContinuation(after.next);
                }
            } finally {
                AFTER_TASK.set(outer);
            }
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

    private static void runContinuation(Runnable continuation) {
        try {
            continuation.run();
        } catch (RuntimeException | Error e) {
            LOG.warn("An exchange's continuation failed on a KlingWorker thread", e);
        }
    }

    /** Whether every worker thread waits for a synchronous call (Camel's await manager holds them). */
    boolean workersBlocked() {
        AsyncProcessorAwaitManager manager = awaitManager();
        if (manager.size() < workerCount) {
            return false;
        }
        int blocked = 0;
        for (AsyncProcessorAwaitManager.AwaitThread waiting : manager.browse()) {
            if (workerThreads.contains(waiting.getBlockedThread())) {
                blocked++;
            }
        }
        return blocked >= workerCount;
    }

    private AsyncProcessorAwaitManager awaitManager() {
        AsyncProcessorAwaitManager manager = awaits;
        if (manager == null) {
            manager = PluginHelper.getAsyncProcessorAwaitManager(context);
            awaits = manager;
        }
        return manager;
    }

    /** Moves work queued for a pool whose every thread is blocked, or busy without finishing anything, to overflow threads. */
    private void rescueQueued() {
        try {
            if (!(workers instanceof ThreadPoolExecutor pool)) {
                return;
            }
            long completed = pool.getCompletedTaskCount();
            boolean busyWithoutProgress = completed == completedAtLastCheck && pool.getActiveCount() >= workerCount;
            completedAtLastCheck = completed;
            busyChecks = busyWithoutProgress ? busyChecks + 1 : 0;
            stuck = busyChecks >= STUCK_CHECKS;
            if (pool.getQueue().isEmpty()) {
                return;
            }
            List<Runnable> queued = new ArrayList<>();
            if (workersBlocked()) {
                pool.getQueue().drainTo(queued);
                warn("All {} KlingWorker threads wait for synchronous calls (a route calling kling through a ProducerTemplate"
                     + " after a kling step?): {} queued tasks go on overflow threads; raise workerPoolSize or call kling"
                     + " with to() or enrich()", workerCount, queued.size());
            } else if (stuck) {
                pool.getQueue().drainTo(queued);
                warn("All {} KlingWorker threads have been busy for {} ms without finishing anything (route steps that"
                     + " block?): {} queued tasks and new ones go on overflow threads until one finishes; raise"
                     + " workerPoolSize or keep blocking work off the thread a kling step continues on", workerCount,
                     busyChecks * RESCUE_CHECK_MILLIS, queued.size());
            }
            queued.forEach(task -> overflow().execute(onOverflow(task)));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not moving queued tasks: the component is stopping");
        }
    }

    private void warn(String message, Object... arguments) {
        long now = System.nanoTime();
        if (lastWarnNanos == 0 || now - lastWarnNanos >= WARN_EVERY_NANOS) {
            lastWarnNanos = now;
            LOG.warn(message, arguments);
        } else {
            LOG.debug(message, arguments);
        }
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

    /** The one exchange a client task's thread continues once the task is done. */
    private static final class Continuation {
        private Runnable next;
    }
}
