package dev.camelkling.client;

import dev.camelkling.client.auth.KlingCredentials;
import dev.camelkling.client.schema.CommonFields;
import dev.camelkling.client.transport.RetryPolicy;
import dev.camelkling.client.wait.WaitSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;

/** Immutable settings of a {@link KlingClient}. {@code toString()} does not reveal credentials. */
public final class KlingClientConfig {

    public static final String DEFAULT_BASE_URL = "https://api-singapore.klingai.com";

    private final String baseUrl;
    private final KlingCredentials credentials;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final SSLContext sslContext;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Clock clock;
    private final ExternalIdLookup externalIdLookup;
    private final int maxConcurrentTasks;
    private final Duration concurrencyCheckInterval;
    private final Duration detectionTarget;
    private final Duration maxPollInterval;
    private final Duration callbackGracePeriod;

    private KlingClientConfig(Builder b) {
        this.baseUrl = normalizeBaseUrl(b.baseUrl);
        this.credentials = Objects.requireNonNull(b.credentials, "credentials are required");
        this.connectTimeout = requirePositive(b.connectTimeout, "connectTimeout");
        this.requestTimeout = requirePositive(b.requestTimeout, "requestTimeout");
        this.sslContext = b.sslContext;
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        this.scheduler = b.scheduler;
        this.executor = b.executor;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.externalIdLookup = Objects.requireNonNull(b.externalIdLookup, "externalIdLookup");
        if (b.maxConcurrentTasks < 0) {
            throw new IllegalArgumentException("maxConcurrentTasks must be 0 (unlimited) or positive (was " + b.maxConcurrentTasks + ")");
        }
        this.maxConcurrentTasks = b.maxConcurrentTasks;
        this.concurrencyCheckInterval = requirePositive(b.concurrencyCheckInterval, "concurrencyCheckInterval");
        this.detectionTarget = requirePositive(b.detectionTarget, "detectionTarget");
        this.maxPollInterval = requirePositive(b.maxPollInterval, "maxPollInterval");
        if (maxPollInterval.compareTo(detectionTarget) < 0) {
            throw new IllegalArgumentException("maxPollInterval must be >= detectionTarget (was " + maxPollInterval
                    + ", detectionTarget " + detectionTarget + ")");
        }
        Objects.requireNonNull(b.callbackGracePeriod, "callbackGracePeriod");
        if (b.callbackGracePeriod.isNegative()) {
            throw new IllegalArgumentException("callbackGracePeriod must not be negative (was " + b.callbackGracePeriod + ")");
        }
        this.callbackGracePeriod = b.callbackGracePeriod;
    }

    private static String normalizeBaseUrl(String url) {
        Objects.requireNonNull(url, "baseUrl");
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        requireHttpUrl("baseUrl", trimmed);
        return trimmed;
    }

    /**
     * Checks a URL the caller configured, before anything parses it on its own and fails with a message that does not
     * say which setting was wrong.
     *
     * @throws IllegalArgumentException naming {@code option}, unless {@code url} is an absolute http(s) URL
     */
    public static void requireHttpUrl(String option, String url) {
        if (url == null || !CommonFields.isAbsoluteHttpUrl(url.trim())) {
            throw new IllegalArgumentException("Option " + option + ": must be an absolute http(s) URL (was \"" + url + "\")");
        }
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive (was " + d + ")");
        }
        return d;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().baseUrl(baseUrl).credentials(credentials).connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout).sslContext(sslContext).retryPolicy(retryPolicy).scheduler(scheduler)
                .executor(executor).clock(clock).externalIdLookup(externalIdLookup).maxConcurrentTasks(maxConcurrentTasks)
                .concurrencyCheckInterval(concurrencyCheckInterval).detectionTarget(detectionTarget)
                .maxPollInterval(maxPollInterval).callbackGracePeriod(callbackGracePeriod);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public KlingCredentials credentials() {
        return credentials;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** {@code null} means the JDK default. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** {@code null} means the client creates (and on close shuts down) its own single daemon thread. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Where the client handles responses and completes its futures; {@code null} means the client creates (and on close
     * shuts down) its own small pool of daemon threads named {@code kling-client-N}. See {@link Builder#executor}.
     */
    public Executor executor() {
        return executor;
    }

    public Clock clock() {
        return clock;
    }

    public ExternalIdLookup externalIdLookup() {
        return externalIdLookup;
    }

    /** Slots this client's unfinished tasks may hold at once; 0 means no client-side limit. See {@link Builder#maxConcurrentTasks}. */
    public int maxConcurrentTasks() {
        return maxConcurrentTasks;
    }

    /** How often, while creates wait for a slot, the client re-reads its unfinished tasks. */
    public Duration concurrencyCheckInterval() {
        return concurrencyCheckInterval;
    }

    /** How late, at most, a wait learns that a task finished once tasks like it are known. See {@link Builder#detectionTarget}. */
    public Duration detectionTarget() {
        return detectionTarget;
    }

    /** The longest gap between two reads of a waited task. See {@link Builder#maxPollInterval}. */
    public Duration maxPollInterval() {
        return maxPollInterval;
    }

    /** How long a task created with a callback URL is left to its callback. See {@link Builder#callbackGracePeriod}. */
    public Duration callbackGracePeriod() {
        return callbackGracePeriod;
    }

    @Override
    public String toString() {
        return "KlingClientConfig[baseUrl=" + baseUrl + ", credentials=" + credentials + ", connectTimeout="
                + connectTimeout + ", requestTimeout=" + requestTimeout + ", customSsl=" + (sslContext != null)
                + ", retryPolicy=" + retryPolicy + ", customExecutor=" + (executor != null) + ", externalIdLookup=" + externalIdLookup
                + ", maxConcurrentTasks=" + maxConcurrentTasks + ", detectionTarget=" + detectionTarget
                + ", maxPollInterval=" + maxPollInterval + ", callbackGracePeriod=" + callbackGracePeriod + "]";
    }

    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private KlingCredentials credentials;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private SSLContext sslContext;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ScheduledExecutorService scheduler;
        private Executor executor;
        private Clock clock = Clock.systemUTC();
        private ExternalIdLookup externalIdLookup = ExternalIdLookup.PATH;
        private int maxConcurrentTasks;
        private Duration concurrencyCheckInterval = Duration.ofSeconds(5);
        private Duration detectionTarget = WaitSettings.DEFAULT_DETECTION_TARGET;
        private Duration maxPollInterval = WaitSettings.DEFAULT_MAX_POLL_INTERVAL;
        private Duration callbackGracePeriod = Duration.ZERO;

        private Builder() {
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder credentials(KlingCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder accessKey(String accessKey, String secretKey) {
            return credentials(KlingCredentials.accessKey(accessKey, secretKey));
        }

        public Builder apiKey(String apiKey) {
            return credentials(KlingCredentials.apiKey(apiKey));
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /**
         * The executor the client runs its work on: the JDK {@code HttpClient} is built with it, and every stage that
         * handles a response, retries a read or polls a task runs on it, so the futures the client hands out complete
         * on its threads (the JDK would otherwise use {@code ForkJoinPool.commonPool()}, or a new thread per response
         * on machines with two CPUs or fewer). The client never shuts it down. When not set (or {@code null}), the
         * client owns a small bounded pool of daemon threads named {@code kling-client-N}, shut down by
         * {@link KlingClient#close()}. Work on it does not block, but callers' dependent stages may run on it too.
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder externalIdLookup(ExternalIdLookup externalIdLookup) {
            this.externalIdLookup = externalIdLookup;
            return this;
        }

        /**
         * The account's concurrency quota as this client may use it (reference §4): with {@code n > 0}, at most
         * {@code n} slots are held at once by tasks this client created and has not yet seen final (a video task
         * holds 1, an image task its {@code n}). Further creates wait, in FIFO order and without holding a thread,
         * until one of those tasks is seen final: by {@link KlingClient#awaitCompletion}, any get or list, or a light
         * background check (one get per unfinished task every {@link #concurrencyCheckInterval}, only while creates
         * wait). A 1303 that still comes back (other clients share the account) is retried with exponential backoff
         * from 1 s, up to {@value TaskCreation#CONCURRENCY_RETRIES} times: a 429 means nothing was created. {@code 0}
         * (the default) means no client-side limit, and a 1303 is reported to the caller.
         */
        public Builder maxConcurrentTasks(int maxConcurrentTasks) {
            this.maxConcurrentTasks = maxConcurrentTasks;
            return this;
        }

        /** How often the background check runs while creates wait for a slot (default 5 s). */
        public Builder concurrencyCheckInterval(Duration concurrencyCheckInterval) {
            this.concurrencyCheckInterval = concurrencyCheckInterval;
            return this;
        }

        /**
         * Once the client has seen tasks of the same feature, model, mode and duration finish, a waited task is read
         * every {@code detectionTarget} between the shortest and the longest duration seen, so that its end is seen at
         * most about that late (default 1.5 s; each wait's {@link dev.camelkling.client.wait.WaitPolicy#maxInterval()} caps it). Before that
         * window reads are sparse, and while nothing is learned the wait's policy decides. Shorter means faster
         * detection and, for waits read one by one, more reads; waits read together share a list page per round.
         */
        public Builder detectionTarget(Duration detectionTarget) {
            this.detectionTarget = detectionTarget;
            return this;
        }

        /** The longest gap between two reads of a waited task, learned schedule or not (default 15 s). */
        public Builder maxPollInterval(Duration maxPollInterval) {
            this.maxPollInterval = maxPollInterval;
            return this;
        }

        /**
         * For tasks created with a {@code callback_url} whose callbacks reach {@link KlingClient#callbackReceived}: how
         * long past their expected end (past their create while nothing is learned) their waits read nothing and let
         * the callback complete them, before falling back to polling; only while callbacks of the task's feature are
         * seen to reach {@link KlingClient#callbackReceived} (one for a task this client created, within the last 10
         * minutes or twice the longest duration seen), so that a callback URL Kling cannot reach delays nothing.
         * Default {@link Duration#ZERO} (the Camel component's is 1 minute): the caller opts in, as the one who verifies
         * the callbacks it reports; such tasks are then polled like any other, and a callback only makes the wait see
         * the end sooner.
         */
        public Builder callbackGracePeriod(Duration callbackGracePeriod) {
            this.callbackGracePeriod = callbackGracePeriod;
            return this;
        }

        public KlingClientConfig build() {
            return new KlingClientConfig(this);
        }
    }
}
