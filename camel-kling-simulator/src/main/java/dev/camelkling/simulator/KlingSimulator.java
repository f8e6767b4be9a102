package dev.camelkling.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.camelkling.simulator.auth.Account;
import dev.camelkling.simulator.auth.Authenticator;
import dev.camelkling.simulator.auth.CredentialRegistry;
import dev.camelkling.simulator.auth.Hs256JwtVerifier;
import dev.camelkling.simulator.callback.CallbackDispatcher;
import dev.camelkling.simulator.callback.StandardWebhooksSigner;
import dev.camelkling.simulator.fault.FaultAdminRoutes;
import dev.camelkling.simulator.fault.FaultInjector;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.RequestPipeline;
import dev.camelkling.simulator.http.Router;
import dev.camelkling.simulator.http.SimulatorHttpHandler;
import dev.camelkling.simulator.media.MediaRoutes;
import dev.camelkling.simulator.media.MediaStore;
import dev.camelkling.simulator.newdesign.NewDesignEndpoints;
import dev.camelkling.simulator.newdesign.TaskQueries;
import dev.camelkling.simulator.product.FaceSessions;
import dev.camelkling.simulator.product.IdentifyFace;
import dev.camelkling.simulator.product.ProductCatalog;
import dev.camelkling.simulator.product.ProductDescriptor;
import dev.camelkling.simulator.product.ValidationContext;
import dev.camelkling.simulator.task.IdentifyFaceEndpoint;
import dev.camelkling.simulator.task.TaskEndpoints;
import dev.camelkling.simulator.task.TaskLifecycle;
import dev.camelkling.simulator.task.TaskStore;
import dev.camelkling.simulator.tls.SelfSignedCertificate;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An offline Kling API server on loopback: the same paths, JWT rules, validation and error codes,
 * task lifecycle, callbacks, and real media at the result URLs.
 *
 * <pre>{@code
 * try (KlingSimulator sim = KlingSimulator.builder().apiKey("k").build().start()) {
 *     String baseUrl = sim.baseUrl();
 *     ...
 * }
 * }</pre>
 */
public final class KlingSimulator implements AutoCloseable {

    /**
     * Connections waiting to be accepted: a benchmark bursts 1,000 creates at once over HTTP/1.1 (a connection each),
     * and with 128 some were refused ("header parser received no bytes") in long runs, where Kling would have answered.
     */
    private static final int CONNECTION_BACKLOG = 1_024;
    public static final String DEFAULT_ACCESS_KEY = "sim-access-key";
    public static final String DEFAULT_SECRET_KEY = "sim-secret-key";
    /** How long an identify-face session can be used (24 h on the real service). */
    public static final Duration DEFAULT_SESSION_TTL = FaceSessions.DEFAULT_TTL;
    /** How long generated videos can be extended or identified by id (30 days on the real service). */
    public static final Duration DEFAULT_VIDEO_RETENTION = Duration.ofDays(30);
    /** The element library every simulator starts with (omni-image and motion-control {@code element_list}). */
    public static final Set<Long> DEFAULT_ELEMENT_IDS = Set.of(829836802793406551L, 829836802793406552L, 829836802793406553L);

    static {
        // The JDK server flushes response headers and body separately; without TCP_NODELAY, Nagle plus
        // the client's delayed ACK adds ~40 ms to every request. The JDK reads this property once, when
        // its first HttpServer is created, so it must be set before that (a user's value is kept).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final int requestedPort;
    private final String accessKey;
    private final String secretKey;
    private final String apiKey;
    private final boolean tls;
    private final Clock clock;
    private final Duration videoRetention;
    private final FaceSessions faceSessions;
    private final Set<Long> elements = ConcurrentHashMap.newKeySet();
    /** Library elements that are video-character elements (kling-api-2026.md §2.4); none unless configured. */
    private final Set<Long> videoCharacterElements = ConcurrentHashMap.newKeySet();
    /** Known models that answer "discontinued" (kling-api-2026.md §1); none unless configured. */
    private final Set<String> discontinuedModels = ConcurrentHashMap.newKeySet();
    private final CredentialRegistry credentials = new CredentialRegistry();
    private final TaskStore store;
    private final MediaStore media;
    private final CallbackLog callbackLog = new CallbackLog();
    private final CallbackDispatcher callbacks = new CallbackDispatcher(callbackLog);
    private final TaskLifecycle lifecycle;
    private final Router router;
    private final RequestPipeline pipeline;
    private final FaultInjector faults;
    private final boolean admin;
    private final String webhookSecret;
    private volatile long largeResultBytes;

    private HttpServer server;
    private ExecutorService httpExecutor;
    private SelfSignedCertificate certificate;
    private volatile String baseUrl;
    private volatile int maxConcurrentTasks;
    private volatile SimulatorTiming timing;
    private boolean closed;

    KlingSimulator(KlingSimulatorBuilder b) {
        this.requestedPort = b.port;
        this.accessKey = b.accessKey;
        this.secretKey = b.secretKey;
        this.apiKey = b.apiKey;
        this.tls = b.tls;
        this.maxConcurrentTasks = b.maxConcurrentTasks;
        this.clock = b.clock;
        this.videoRetention = b.videoRetention;
        this.admin = b.admin;
        this.webhookSecret = b.webhookSecret;
        this.largeResultBytes = b.largeResultBytes;
        this.faceSessions = new FaceSessions(clock, b.sessionTtl);
        elements.addAll(DEFAULT_ELEMENT_IDS);
        elements.addAll(b.elements);
        videoCharacterElements.addAll(b.videoCharacterElements);
        discontinuedModels.addAll(b.discontinuedModels);

        Account primary = new Account("primary");
        credentials.addAccessKey(accessKey, secretKey, primary);
        if (apiKey != null) {
            credentials.addApiKey(apiKey, primary);
        }
        b.additionalAccounts.forEach((ak, sk) -> credentials.addAccessKey(ak, sk, new Account("account:" + ak)));

        this.store = new TaskStore(clock, b.maxConcurrentTasks);
        this.media = new MediaStore(this::baseUrl);
        this.timing = b.timing;
        this.lifecycle = new TaskLifecycle(store, media, callbacks, b.timing);
        callbacks.signer(b.webhookSecret != null ? new StandardWebhooksSigner(b.webhookSecret) : b.callbackSigner);
        callbacks.duplicate(b.duplicateCallbacks);
        callbacks.reorder(b.reorderCallbacks);
        // JWTs are always checked against real time: clients sign them with their real clock, whatever clock drives tasks
        Authenticator authenticator = new Authenticator(credentials, new Hs256JwtVerifier(credentials, Clock.systemUTC()));
        this.router = new Router(authenticator);
        this.pipeline = new RequestPipeline(router);
        // outermost filter: "before" faults pre-empt everything, "after" faults see the final answer
        this.faults = new FaultInjector(b.faults);
        pipeline.addFilter(faults);
        if (admin) {
            new FaultAdminRoutes(faults, new AdminTasksReport(store)).routes().forEach(router::add);
        }
        new MediaRoutes(media, () -> largeResultBytes).routes().forEach(router::add);
        ValidationContext validationContext = new SimulatorValidationContext(clock, videoRetention, media, faceSessions,
                elements, videoCharacterElements, discontinuedModels);
        for (ProductDescriptor product : ProductCatalog.all()) {
            new TaskEndpoints(product, store, lifecycle, validationContext).routes().forEach(router::add);
        }
        new IdentifyFaceEndpoint(new IdentifyFace(faceSessions, media), validationContext).routes().forEach(router::add);
        // the 2026 new design: the same store and lifecycle, another wire view, API keys only
        new NewDesignEndpoints(store, lifecycle, validationContext, authenticator.apiKeyOnly()).routes().forEach(router::add);
        new TaskQueries(store, authenticator.apiKeyOnly()).routes().forEach(router::add);
    }

    public static KlingSimulatorBuilder builder() {
        return new KlingSimulatorBuilder();
    }

    /** Binds the port (loopback only) and starts serving. */
    public synchronized KlingSimulator start() {
        if (closed) {
            throw new IllegalStateException("the simulator was closed; build a new one");
        }
        if (server != null) {
            return this;
        }
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort);
            if (tls) {
                certificate = SelfSignedCertificate.generate();
                HttpsServer https = HttpsServer.create(address, CONNECTION_BACKLOG);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
                server = https;
            } else {
                server = HttpServer.create(address, CONNECTION_BACKLOG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulator to port " + requestedPort, e);
        }
        AtomicInteger threads = new AtomicInteger();
        httpExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kling-sim-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(httpExecutor);
        server.createContext("/", new SimulatorHttpHandler(pipeline));
        server.start();
        int port = server.getAddress().getPort();
        // The host name must match the certificate's SAN; localhost and 127.0.0.1 are both in it.
        baseUrl = (tls ? "https://localhost:" : "http://127.0.0.1:") + port;
        return this;
    }

    /** e.g. {@code http://127.0.0.1:41234} or {@code https://localhost:41234}; no trailing slash. */
    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return url;
    }

    public int port() {
        return URI.create(baseUrl()).getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The accepted static API key, or {@code null} when none is configured. */
    public String apiKey() {
        return apiKey;
    }

    public boolean isTls() {
        return tls;
    }

    /** An SSLContext that trusts exactly this simulator's self-signed certificate (TLS only). */
    public SSLContext clientSslContext() {
        return requireCertificate().clientContext();
    }

    /** The simulator's certificate in PEM form (TLS only). */
    public String certificatePem() {
        return requireCertificate().pem();
    }

    private synchronized SelfSignedCertificate requireCertificate() {
        if (!tls) {
            throw new IllegalStateException("the simulator runs without TLS; build it with tls(true)");
        }
        if (certificate == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return certificate;
    }

    /** Every callback POST made so far, in the order they finished. */
    public List<CallbackDelivery> callbackDeliveries() {
        return callbackLog.deliveries();
    }

    /** Tasks created since start (or the last {@link #reset()}); rejected creates do not count. */
    public int createdTaskCount() {
        return store.createdCount();
    }

    /** How many existing tasks, over all accounts and products, carry this {@code external_task_id}. */
    public int tasksByExternalId(String externalTaskId) {
        return store.countByExternalId(externalTaskId);
    }

    /**
     * Tasks per {@code external_task_id}, over all accounts and products (tasks without one are left
     * out). After a run where every create carried a distinct id, every value should be 1.
     */
    public Map<String, Integer> externalIdCounts() {
        return Map.copyOf(store.externalIdCounts());
    }

    /** {@link #externalIdCounts()} summed up: tasks, distinct ids, the maximum per id and the duplicates. */
    public ExternalIdSummary externalIdSummary() {
        return ExternalIdSummary.of(store.externalIdCounts());
    }

    /**
     * The fault injector: configure faults at run time (rate rules, script), read its counters. Always
     * present; it injects nothing until configured (builder {@code faults(...)}, this object or the
     * admin API).
     */
    public FaultInjector faults() {
        return faults;
    }

    /** Whether the admin API ({@code /__admin/faults}) is served. */
    public boolean isAdminEnabled() {
        return admin;
    }

    /** The configured webhook secret ({@code whsec_...}), or {@code null} when callbacks are unsigned by it. */
    public String webhookSecret() {
        return webhookSecret;
    }

    /** Whether every callback is delivered twice. */
    public boolean duplicateCallbacks() {
        return callbacks.duplicate();
    }

    public KlingSimulator duplicateCallbacks(boolean duplicate) {
        callbacks.duplicate(duplicate);
        return this;
    }

    /** Whether the notification before a task's final one is delivered after it. */
    public boolean reorderCallbacks() {
        return callbacks.reorder();
    }

    public KlingSimulator reorderCallbacks(boolean reorder) {
        callbacks.reorder(reorder);
        return this;
    }

    /** The minimum size of served task results (videos, generated images); 0 = their natural size. */
    public long largeResultBytes() {
        return largeResultBytes;
    }

    /** Changes the minimum size of served task results from the next download on; 0 = natural size. */
    public KlingSimulator largeResultBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("largeResultBytes must be >= 0");
        }
        largeResultBytes = bytes;
        return this;
    }

    /** The {@code task_status} of a task, for assertions that do not want to go through HTTP. */
    public Optional<String> taskStatus(String taskId) {
        return store.byTaskId(taskId).map(t -> t.status().wire());
    }

    /**
     * Moves a running task to its final state now ({@code succeed}, or {@code failed} when its input
     * asks for it), notifying callbacks as usual. Lets tests hold tasks open with a long timing and
     * finish them on cue.
     *
     * @return {@code false} when the task is unknown or already final
     */
    public boolean completeTask(String taskId) {
        return store.byTaskId(taskId).map(lifecycle::completeNow).orElse(false);
    }

    public SimulatorTiming timing() {
        return timing;
    }

    /** Changes the timing for tasks created from now on. */
    public KlingSimulator timing(SimulatorTiming timing) {
        this.timing = Objects.requireNonNull(timing, "timing");
        lifecycle.timing(timing);
        return this;
    }

    public int maxConcurrentTasks() {
        return maxConcurrentTasks;
    }

    /** Changes the concurrency limit per (account, model, pack type) for creates from now on. */
    public KlingSimulator maxConcurrentTasks(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConcurrentTasks must be >= 1");
        }
        maxConcurrentTasks = max;
        store.maxConcurrentTasks(max);
        return this;
    }

    /**
     * Serves the given jpg or png bytes without authentication and returns their URL. Image fields that
     * carry such a URL are validated against the real bytes, which lets tests exercise the URL form.
     */
    public String hostImage(byte[] imageBytes) {
        boolean jpeg = imageBytes.length > 2 && (imageBytes[0] & 0xFF) == 0xFF && (imageBytes[1] & 0xFF) == 0xD8;
        return media.hostImage(imageBytes, jpeg ? "image/jpeg" : "image/png");
    }

    /**
     * Serves the given mp3, wav or m4a bytes without authentication and returns their URL, so tests can
     * send {@code sound_file} as a URL; such URLs are validated against the real bytes.
     */
    public String hostAudio(byte[] audioBytes) {
        String extension = audioExtension(audioBytes);
        String type = switch (extension) {
            case "wav" -> "audio/wav";
            case "m4a" -> "audio/mp4";
            default -> "audio/mpeg";
        };
        return media.hostAudio(audioBytes, extension, type);
    }

    private static String audioExtension(byte[] b) {
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F') {
            return "wav";
        }
        if (b.length >= 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "m4a";
        }
        return "mp3";
    }

    /** The element library: ids accepted in {@code element_list} (the defaults plus any added). */
    public Set<Long> elements() {
        return Set.copyOf(elements);
    }

    /** The models that answer "discontinued", e.g. kling-v1 as the real service did on 2026-09-20. */
    public Set<String> discontinuedModels() {
        return Set.copyOf(discontinuedModels);
    }

    /**
     * Replaces the models that answer "discontinued". Off by default: kling-api-2026.md §1 records one such answer
     * (kling-v1, 2026-09-20) without its code or region, and callers of the simulator still use kling-v1.
     */
    public KlingSimulator discontinuedModels(Set<String> models) {
        discontinuedModels.clear();
        discontinuedModels.addAll(models);
        return this;
    }

    /** Adds ids to the element library. */
    public KlingSimulator addElements(long... elementIds) {
        for (long id : elementIds) {
            elements.add(id);
        }
        return this;
    }

    /** The library elements that are video-character elements. */
    public Set<Long> videoCharacterElements() {
        return Set.copyOf(videoCharacterElements);
    }

    /** Adds video-character elements to the library (counted apart from multi-image elements on omni-video). */
    public KlingSimulator addVideoCharacterElements(long... elementIds) {
        for (long id : elementIds) {
            videoCharacterElements.add(id);
        }
        return this;
    }

    /** How long identify-face sessions last. */
    public Duration sessionTtl() {
        return faceSessions.ttl();
    }

    /** How long generated videos can be used by video-extend and identify-face. */
    public Duration videoRetention() {
        return videoRetention;
    }

    /** The clock that drives task timestamps, session expiry and video age. */
    public Clock clock() {
        return clock;
    }

    /** How many MP4s were encoded so far (each video is encoded once, on its first download). */
    public int videoEncodeCount() {
        return media.videoEncodeCount();
    }

    /**
     * Adds a stage in front of all request handling: the seam for fault injection (injected errors,
     * delays, answers after the task was made). A filter may answer with a response or throw an
     * {@link dev.camelkling.simulator.http.ApiException}, which becomes that code's error envelope and
     * HTTP status, as in handlers.
     */
    public KlingSimulator addRequestFilter(RequestFilter filter) {
        pipeline.addFilter(filter);
        return this;
    }

    public KlingSimulator removeRequestFilter(RequestFilter filter) {
        pipeline.removeFilter(filter);
        return this;
    }

    /**
     * Forgets all tasks, held slots, media and recorded callbacks, and zeroes the fault counters; keeps
     * the server running and the fault setup (use {@code faults().clear()} to remove it).
     */
    public void reset() {
        store.clear();
        media.clear();
        faceSessions.clear();
        callbacks.clear();
        callbackLog.clear();
        faults.resetCounters();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop(0);
            httpExecutor.shutdownNow();
        }
        lifecycle.close();
        callbacks.close();
    }
}
