package dev.camelkling.client;

import dev.camelkling.client.auth.KlingAccount;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.error.KlingTransportException;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.IdentifyFaceRequest;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.FaceIdentification;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.KlingWaitTimeoutException;
import dev.camelkling.client.task.TaskPage;
import dev.camelkling.client.transport.HttpSettings;
import dev.camelkling.client.transport.KlingHttp;
import dev.camelkling.client.transport.KlingJson;
import dev.camelkling.client.transport.OpenFutures;
import dev.camelkling.client.transport.Retrier;
import dev.camelkling.client.transport.RetryPolicy;
import dev.camelkling.client.transport.TransportErrors;
import dev.camelkling.client.wait.TaskReads;
import dev.camelkling.client.wait.TaskSlots;
import dev.camelkling.client.wait.TaskWaiter;
import dev.camelkling.client.wait.WaitPolicy;
import dev.camelkling.client.wait.WaitSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asynchronous client of the Kling API. Every method returns at once; no method blocks a thread on I/O or waits.
 * Futures complete exceptionally with the typed {@link KlingException}s themselves (not wrapped).
 *
 * <p>Reads are retried per the {@link RetryPolicy}. A create is sent once: it is validated first (an invalid
 * request fails with {@link KlingValidationException} and makes no HTTP call), and is only repeated when the
 * server refused the token's time window (1003/1004), because then nothing was created. Any other failure of a
 * create is reported; a {@link KlingTransportException#mayHaveReachedServer()} or a 5xx
 * {@link KlingApiException#mayHaveTakenEffect()} means a task may exist and should be looked up by
 * {@code external_task_id} before creating again; {@link KlingException#isRetryable()} is {@code false} for them.
 * With {@link KlingClientConfig#maxConcurrentTasks()} set, creates also wait for a free slot, and a 1303 (HTTP 429:
 * nothing was created) is re-sent after a backoff. The body of a create is streamed: local media is Base64-encoded
 * from its source while sending, so a large file never sits in memory.
 *
 * <p>Threads: responses are handled, and the returned futures completed, on the client's executor, never on the
 * JDK's shared pools: {@link KlingClientConfig#executor()} when configured, otherwise a small pool the client owns
 * ({@value #OWN_POOL_THREADS} daemon threads named {@code kling-client-N}, shut down by {@link #close()}). Dependent
 * stages a caller attaches without an executor of its own run on those threads, so they must not block; use the
 * {@code ...Async(..., executor)} variants for blocking work. A scheduler only measures retry and poll delays.
 */
public final class KlingClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KlingClient.class);

    static final int MAX_PAGE_NUM = 1000;
    static final int MAX_PAGE_SIZE = 500;
    /** Ids per {@code GET /tasks} call: what the vendor's client author's library sends (kling-api-2026.md §4.1). */
    public static final int TASKS_PER_READ = TaskReads.IDS_PER_BATCH;
    /** Threads of the pool the client owns when no executor is configured. */
    static final int OWN_POOL_THREADS = 4;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final KlingClientConfig config;
    private final KlingHttp http;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Executor executor;
    private final boolean ownsExecutor;
    private final Retrier retrier;
    /** GET /tasks batches and POST /tasks pages. */
    private final NewDesignReads newDesign;
    private final TaskWaiter waiter;
    private final OpenFutures open = new OpenFutures();
    private final FinalTaskListeners finalTaskListeners = new FinalTaskListeners();
    /** Page 1 of each legacy feature as the waits' rounds last read it, for consumers of the feature. */
    private final RecentFirstPages recentFirstPages;
    private final TaskCreation creation;
    /**
     * The wait {@link #confirm} joins: never due by its own schedule (a day), so only the callback's round reads it,
     * together with the wait it joins; no time left after that read (timeout 0), so it ends there, final or not.
     */
    private static final WaitPolicy ONE_READ = new WaitPolicy(Duration.ofDays(1), 1, Duration.ofDays(1), Duration.ZERO);
    /** {@code null} without a client-side concurrency limit. */
    private final TaskSlots slots;

    private KlingClient(KlingClientConfig config) {
        this.config = config;
        this.ownsExecutor = config.executor() == null;
        this.executor = ownsExecutor ? newDaemonPool() : config.executor();
        this.http = new KlingHttp(new HttpSettings(config.baseUrl(), config.credentials(), config.connectTimeout(),
                config.requestTimeout(), config.sslContext(), config.clock()), executor);
        this.ownsScheduler = config.scheduler() == null;
        this.scheduler = ownsScheduler ? newDaemonScheduler() : config.scheduler();
        this.retrier = new Retrier(config.retryPolicy(), scheduler, executor, () -> ThreadLocalRandom.current().nextDouble());
        this.recentFirstPages = new RecentFirstPages(config.clock());
        this.newDesign = new NewDesignReads(http, retrier, config.credentials(), this::seen);
        TaskReads reads = new TaskReads() {
            @Override
            public CompletableFuture<KlingTask> get(KlingFeature feature, DesignStandard design, String taskId) {
                return getUntracked(feature, design, taskId);
            }

            @Override
            public CompletableFuture<List<KlingTask>> list(KlingFeature feature, int pageNum, int pageSize) {
                if (pageNum != 1) {
                    return listUntracked(feature, pageNum, pageSize);
                }
                long sent = recentFirstPages.sending();
                return listUntracked(feature, pageNum, pageSize).thenApply(tasks -> {
                    recentFirstPages.read(feature, pageSize, tasks, sent);
                    return tasks;
                });
            }

            @Override
            public CompletableFuture<List<KlingTask>> getBatch(List<String> taskIds) {
                return newDesign.byIds(NewDesignReads.TASK_IDS, taskIds);
            }

            @Override
            public CompletableFuture<TaskPage> listFinished(long createdFromMillis, String cursor) {
                TaskQuery finished = TaskQuery.all().withStatuses(KlingTaskStatus.SUCCEED, KlingTaskStatus.FAILED)
                        .withLimit(TaskQuery.MAX_LIMIT);
                return newDesign.list(cursor != null ? finished.withCursor(cursor)
                        : finished.withWindow(Instant.ofEpochMilli(createdFromMillis), null));
            }
        };
        this.waiter = new TaskWaiter(scheduler, executor, config.clock(), reads,
                new WaitSettings(config.detectionTarget(), config.maxPollInterval(), config.callbackGracePeriod()));
        this.slots = config.maxConcurrentTasks() > 0
                ? new TaskSlots(config.maxConcurrentTasks(), config.concurrencyCheckInterval(), scheduler, executor,
                        reads, waiter::isWaited)
                : null;
        this.creation = new TaskCreation(http, newDesign, waiter, slots, scheduler, executor);
    }

    public static KlingClient create(KlingClientConfig config) {
        return new KlingClient(Objects.requireNonNull(config, "config"));
    }

    private static ScheduledExecutorService newDaemonScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("kling-client-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** A bounded pool of daemon threads named {@code kling-client-N}; idle threads end after a minute. */
    private static ExecutorService newDaemonPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(OWN_POOL_THREADS, OWN_POOL_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = Executors.defaultThreadFactory().newThread(runnable);
                    thread.setName("kling-client-" + THREAD_NUMBER.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public KlingClientConfig config() {
        return config;
    }

    /** The account this client reaches, as it may be shown. */
    public KlingAccount account() {
        return new KlingAccount(config.baseUrl(), config.credentials());
    }

    /** The client's load now: concurrency slots, creates waiting for one, waits in flight. */
    public KlingClientStats stats() {
        return slots == null
                ? new KlingClientStats(0, 0, 0, waiter.inFlight())
                : new KlingClientStats(config.maxConcurrentTasks(), slots.used(), slots.waiting(), waiter.inFlight());
    }

    /** Creates a task. See the class comment for why this is never retried blindly. */
    public CompletableFuture<KlingTask> create(KlingRequest request) {
        Objects.requireNonNull(request, "request");
        return open.track(() -> creation.create(request));
    }

    /** Lets the concurrency queue and the waits see tasks that are final, whatever read them. */
    private KlingTask seen(KlingTask task) {
        seen(List.of(task));
        return task;
    }

    private void seen(List<KlingTask> tasks) {
        // the listeners first: a consumer that leaves a task to a wait finds its final state once the wait has ended
        finalTaskListeners.read(tasks);
        if (slots != null) {
            tasks.forEach(slots::observed);
        }
        waiter.seen(tasks);
    }

    /** Ends a subscription ({@link #onFinalTasksRead}); closing it again is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Hands {@code listener} the final tasks among those every read of this client returns from now on, whatever made
     * the read (a wait's round or batch, a get, a page): a polling consumer that awaits tasks a wait also awaits uses
     * them instead of reading the tasks again. The listener runs on the client's executor threads, right after the
     * read: it must be quick and must not block. Close the subscription to stop.
     */
    public Subscription onFinalTasksRead(Consumer<List<KlingTask>> listener) {
        return finalTaskListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Identify-face, the synchronous first step of lip sync: finds the faces of a video and opens a session (valid
     * 24 hours). Validated first (an invalid request makes no HTTP call). It creates no task and costs nothing, so it
     * is retried per policy like a read.
     */
    public CompletableFuture<FaceIdentification> identifyFace(IdentifyFaceRequest request) {
        Objects.requireNonNull(request, "request");
        return open.track(() -> {
            request.validate();
            byte[] body = KlingJson.write(request.fields(), "identify-face request");
            String path = IdentifyFaceRequest.PATH;
            return read("POST " + path, () -> http.call("POST", path, body, true)
                    .thenApply(envelope -> KlingJson.faceIdentification(envelope.data())));
        });
    }

    /** Gets one task by its {@code task_id}; retried per policy. */
    public CompletableFuture<KlingTask> get(KlingFeature feature, String taskId) {
        return open.track(() -> getUntracked(feature, taskId));
    }

    private CompletableFuture<KlingTask> getUntracked(KlingFeature feature, String taskId) {
        Objects.requireNonNull(feature, "feature");
        if (taskId == null || taskId.isBlank()) {
            return CompletableFuture.failedFuture(new KlingValidationException(feature.uriName() + " get", "task_id", "must not be blank"));
        }
        String path = feature.path() + "/" + TaskBatches.encode(taskId);
        return read("GET " + path, () -> http.call("GET", path, null, true).thenApply(envelope -> seen(KlingJson.task(envelope.data()))));
    }

    /**
     * Reads a task again the way its design reads it: a legacy task from {@code GET <feature path>/{task_id}}, a
     * new-design task ({@link KlingTask#design()}) from {@code GET /tasks?task_ids=}. Retried per policy.
     */
    public CompletableFuture<KlingTask> get(KlingFeature feature, KlingTask task) {
        Objects.requireNonNull(task, "task");
        return open.track(() -> getUntracked(feature, task));
    }

    private CompletableFuture<KlingTask> getUntracked(KlingFeature feature, KlingTask task) {
        return getUntracked(feature, task.design(), task.taskId());
    }

    private CompletableFuture<KlingTask> getUntracked(KlingFeature feature, DesignStandard design, String taskId) {
        return design == DesignStandard.NEW_DESIGN ? newDesign.one(taskId) : getUntracked(feature, taskId);
    }

    /**
     * Waits for a task like {@link #awaitCompletion(KlingFeature, String, WaitPolicy)}, reading it the way its design
     * does ({@link #get(KlingFeature, KlingTask)}).
     */
    public CompletableFuture<KlingTask> awaitCompletion(KlingFeature feature, KlingTask task, WaitPolicy policy) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(policy, "policy");
        return open.track(() -> waiter.await(feature, task, policy));
    }

    /**
     * The feature this client created the task with, if it did so recently (the last
     * {@value CreatedTaskFeatures#REMEMBERED} creates): the new design's listing does not say which feature made a task.
     */
    public Optional<KlingFeature> createdFeature(String taskId) {
        return creation.createdFeature(taskId);
    }

    /**
     * A mark of the creates this client has sent so far. Kling makes a task before it answers its create, so a task
     * listed while a create is still awaiting its answer may be that create's: {@link #createsAnswered} with a mark
     * taken when the task was listed tells when {@link #createdFeature} has its final word on it.
     */
    public long createsSent() {
        return creation.createsSent();
    }

    /** Whether every create sent up to the mark ({@link #createsSent}) has been answered or has failed. */
    public boolean createsAnswered(long mark) {
        return creation.createsAnswered(mark);
    }

    /**
     * Reads tasks of the new design (and, where Kling answers for them, legacy ones) in batches: {@code GET
     * /tasks?task_ids=a,b,...}, at most {@value #TASKS_PER_READ} ids per call, the calls made together. The answer
     * holds the tasks Kling returned, in the order asked, each once; unknown ids are left out. Needs an API key.
     */
    public CompletableFuture<List<KlingTask>> getTasks(Collection<String> taskIds) {
        return open.track(() -> newDesign.byIds(NewDesignReads.TASK_IDS, taskIds));
    }

    /** Like {@link #getTasks}, by the {@code external_task_id}s the tasks were created with ({@code ?external_task_ids=}). */
    public CompletableFuture<List<KlingTask>> getTasksByExternalIds(Collection<String> externalTaskIds) {
        return open.track(() -> newDesign.byIds(NewDesignReads.EXTERNAL_TASK_IDS, externalTaskIds));
    }

    /**
     * One page of the account's tasks of both designs from {@code POST /tasks} (kling-api-2026.md §4.2): a time window
     * or a cursor, filters on status and product type. Oldest first; keep {@link TaskPage#nextCursor()} to go on.
     * Needs an API key; retried per policy like any read.
     */
    public CompletableFuture<TaskPage> listTasks(TaskQuery query) {
        Objects.requireNonNull(query, "query");
        return open.track(() -> newDesign.list(query));
    }

    /**
     * Looks a task up by the {@code external_task_id} it was created with, in the configured
     * {@link ExternalIdLookup} form. An unknown id fails with {@link KlingApiException} code 1203 (HTTP 404).
     */
    public CompletableFuture<KlingTask> getByExternalId(KlingFeature feature, String externalTaskId) {
        Objects.requireNonNull(feature, "feature");
        String subject = feature.uriName() + " lookup";
        return open.track(() -> {
            if (!feature.supportsGetByExternalId()) {
                throw new KlingValidationException(subject, "external_task_id", "lookup is not supported by " + feature.uriName());
            }
            if (externalTaskId == null || externalTaskId.isBlank()) {
                throw new KlingValidationException(subject, "external_task_id", "must not be blank");
            }
            if (config.externalIdLookup() == ExternalIdLookup.PATH) {
                return getUntracked(feature, externalTaskId);
            }
            String path = feature.path() + "?external_task_id=" + TaskBatches.encode(externalTaskId);
            return read("GET " + path, () -> http.call("GET", path, null, true)
                    .thenApply(envelope -> seen(ExternalIdMatch.single(envelope, externalTaskId, "GET " + path))));
        });
    }

    /**
     * One page of the feature's tasks. Kling returns no total: a page shorter than {@code pageSize} is the last.
     *
     * @param pageNum  1–1000
     * @param pageSize 1–500
     */
    public CompletableFuture<List<KlingTask>> list(KlingFeature feature, int pageNum, int pageSize) {
        Objects.requireNonNull(feature, "feature");
        return open.track(() -> listUntracked(feature, pageNum, pageSize));
    }

    /**
     * Page 1 of the feature's tasks, newest first, like {@code list(feature, 1, pageSize)}; but when a wait round of
     * this client read page 1 of the same feature, with pages at least as large, no longer than
     * {@link KlingClientConfig#detectionTarget()} ago (as old as the waits' own news of a task about to finish), that
     * page answers, cut to {@code pageSize}, and nothing is sent. Only the waits' reads are kept, so without waits on
     * the feature every call reads.
     *
     * @param pageSize 1–500
     */
    public CompletableFuture<List<KlingTask>> firstPage(KlingFeature feature, int pageSize) {
        Objects.requireNonNull(feature, "feature");
        return open.track(() -> {
            requireValidPage(feature, 1, pageSize);
            return recentFirstPage(feature, pageSize).map(CompletableFuture::completedFuture)
                    .orElseGet(() -> listUntracked(feature, 1, pageSize));
        });
    }

    /**
     * The page 1 that {@link #firstPage} would answer without a request, if there is one: for a reader that may take
     * it from any of several clients of the account. Sends nothing.
     */
    public Optional<List<KlingTask>> recentFirstPage(KlingFeature feature, int pageSize) {
        Objects.requireNonNull(feature, "feature");
        return pageSize < 1 ? Optional.empty() : recentFirstPages.recent(feature, pageSize, config.detectionTarget());
    }

    private static void requireValidPage(KlingFeature feature, int pageNum, int pageSize) {
        String subject = feature.uriName() + " list";
        if (pageNum < 1 || pageNum > MAX_PAGE_NUM) {
            throw new KlingValidationException(subject, "pageNum", "must be between 1 and " + MAX_PAGE_NUM + " (was " + pageNum + ")");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new KlingValidationException(subject, "pageSize", "must be between 1 and " + MAX_PAGE_SIZE + " (was " + pageSize + ")");
        }
    }

    private CompletableFuture<List<KlingTask>> listUntracked(KlingFeature feature, int pageNum, int pageSize) {
        requireValidPage(feature, pageNum, pageSize);
        String path = feature.path() + "?pageNum=" + pageNum + "&pageSize=" + pageSize;
        return read("GET " + path, () -> http.call("GET", path, null, true).thenApply(envelope -> {
            List<KlingTask> tasks = KlingJson.tasks(envelope.data());
            seen(tasks);
            return tasks;
        }));
    }

    /**
     * Completes when the task is final. A {@code failed} task completes the future normally (see
     * {@link KlingTask#requireNotFailed()}); the future fails with {@link KlingWaitTimeoutException} after the
     * policy's timeout, or with the error of a poll that failed even after retries.
     *
     * <p>How it reads (docs/architecture.md, "Waiting"): a task this client created is first read
     * {@link WaitPolicy#initialInterval()} after its create, any other task at once. The waits of one feature share
     * poll rounds: from three waits on, list pages answer for all of them (a task the pages miss gets its own
     * GET); new-design waits of all features share theirs, read in {@code GET /tasks} batches or from the
     * {@code POST /tasks} pages of finished tasks. Any read of this client that shows a waited task final
     * (a consumer's page, {@link #getTasks}) completes its waits. Gaps follow the policy until the client has seen tasks of the same feature, model, mode and duration
     * finish; then reads are sparse until the shortest duration seen and every
     * {@link KlingClientConfig#detectionTarget()} until the longest, never more than
     * {@link KlingClientConfig#maxPollInterval()} apart.
     */
    public CompletableFuture<KlingTask> awaitCompletion(KlingFeature feature, String taskId, WaitPolicy policy) {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(policy, "policy");
        return open.track(() -> waiter.await(feature, taskId, policy));
    }

    /**
     * Lets a callback complete a wait: call it with the task a callback carried, <b>after verifying the callback</b>
     * (its signature, or that it came to a URL only Kling knows). When the callback says the task is final, the waits
     * for it read the task once from the API in their next round and complete if the API confirms it; the callback's
     * own content never completes a wait, so a forged or replayed callback costs one read at most. A callback that
     * says the task is still running changes nothing.
     *
     * <p>With {@link KlingClientConfig#callbackGracePeriod()} set, tasks created with a {@code callback_url} are not
     * polled at all until that long past their expected end, while callbacks (of any status) for tasks this client
     * created are seen to arrive; a wait whose callback never comes falls back to polling then. Report every verified
     * callback, not only final ones: a {@code processing} callback is what shows, seconds after a create, that
     * callbacks reach this client.
     *
     * @return whether a wait of this client was waiting for that task
     */
    public boolean callbackReceived(KlingFeature feature, KlingTask verifiedTask) {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(verifiedTask, "verifiedTask");
        return waiter.callbackReceived(feature, verifiedTask);
    }

    /**
     * Reports a verified callback ({@link #callbackReceived}) and reads its task once to confirm it, final or not. When
     * a wait of this client waits for that task, the read is the one the callback makes that wait's round do now, so
     * one GET answers both; otherwise it is a plain {@link #get(KlingFeature, KlingTask)}. A callback consumer
     * confirms this way what a callback claims before it emits anything.
     */
    public CompletableFuture<KlingTask> confirm(KlingFeature feature, KlingTask verifiedTask) {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(verifiedTask, "verifiedTask");
        return open.track(() -> {
            if (!waiter.isWaited(verifiedTask.taskId())) {
                waiter.callbackReceived(feature, verifiedTask);
                return getUntracked(feature, verifiedTask);
            }
            // joins before the callback starts the round, so that the round reads both with one GET
            CompletableFuture<KlingTask> joined = waiter.await(feature, verifiedTask, ONE_READ);
            waiter.callbackReceived(feature, verifiedTask);
            return joined.handle((task, failure) -> failure == null ? CompletableFuture.completedFuture(task)
                    : afterJoinedRead(TransportErrors.unwrap(failure), feature, verifiedTask)).thenCompose(read -> read);
        });
    }

    /**
     * The joined read ended without a final task (the timeout carries the task as read), or the API refused it; any
     * other failure (the wait's client closing meanwhile) leaves the confirmation to a plain GET.
     */
    private CompletableFuture<KlingTask> afterJoinedRead(Throwable cause, KlingFeature feature, KlingTask claim) {
        if (cause instanceof KlingWaitTimeoutException notYet) {
            return CompletableFuture.completedFuture(notYet.lastSeen());
        }
        if (cause instanceof KlingApiException) {
            return CompletableFuture.failedFuture(cause);
        }
        return getUntracked(feature, claim);
    }

    /** Whether a wait of this client ({@link #awaitCompletion}) is waiting for the task with this id. */
    public boolean isWaiting(String taskId) {
        return waiter.isWaited(taskId);
    }

    /** Creates a task and waits for it: {@link #create} then {@link #awaitCompletion}. */
    public CompletableFuture<KlingTask> createAndAwait(KlingRequest request, WaitPolicy policy) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(policy, "policy");
        return open.track(() -> {
            CompletableFuture<KlingTask> outcome = new CompletableFuture<>();
            creation.create(request).whenComplete((task, error) -> {
                if (error != null) {
                    outcome.completeExceptionally(error);
                } else if (task.isFinal()) {
                    outcome.complete(task);
                } else {
                    CompletableFuture<KlingTask> waiting = waiter.await(request.feature(), task, policy);
                    outcome.whenComplete((value, failure) -> waiting.cancel(false)); // the caller gave up: stop polling
                    waiting.whenComplete((value, failure) -> {
                        if (failure != null) {
                            outcome.completeExceptionally(failure);
                        } else {
                            outcome.complete(value);
                        }
                    });
                }
            });
            return outcome;
        });
    }

    /**
     * Streams a result URL into {@code target} (replacing it) without holding the media in memory. No credentials
     * are sent: result URLs are public CDN links. Retried per policy; a partial file is removed on failure.
     */
    public CompletableFuture<Path> download(String url, Path target) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(target, "target");
        Path directory = target.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return open.track(() -> CompletableFuture.failedFuture(
                    new KlingValidationException("download", "target", "must be in an existing directory (" + directory + ")")));
        }
        return open.track(() -> read("GET " + KlingMedia.withoutQuery(url), () -> http.download(url, target)));
    }

    /** Opens a result URL as a stream once its status is known to be a success; the caller closes the stream. */
    public CompletableFuture<InputStream> openStream(String url) {
        Objects.requireNonNull(url, "url");
        return open.track(() -> read("GET " + KlingMedia.withoutQuery(url), () -> http.openStream(url)));
    }

    private <T> CompletableFuture<T> read(String operation, Supplier<CompletableFuture<T>> attempt) {
        return retrier.call(operation, attempt);
    }


    /**
     * Fails every pending future with a {@link KlingException} and shuts down the scheduler and the executor the
     * client owns (a configured scheduler or executor is left running).
     */
    @Override
    public void close() {
        if (open.isClosed()) {
            return;
        }
        open.close();
        waiter.close();
        if (slots != null) {
            slots.close();
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (ownsExecutor) {
            // graceful: handlers already queued still run (a partial download is still removed), then the threads end
            ((ExecutorService) executor).shutdown();
        }
        LOG.debug("Kling client for {} closed", config.baseUrl());
    }

    @Override
    public String toString() {
        return "KlingClient[" + config + "]";
    }
}
