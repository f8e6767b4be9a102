package dev.camelkling.simulator;

import dev.camelkling.simulator.callback.CallbackSigner;
import dev.camelkling.simulator.callback.StandardWebhooksSigner;
import dev.camelkling.simulator.fault.FaultConfig;
import dev.camelkling.simulator.fault.FaultInjector;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a {@link KlingSimulator} ({@link KlingSimulator#builder()}); every option has a default suitable for
 * tests. The settings are package-private fields the simulator reads once, when it is built.
 */
public final class KlingSimulatorBuilder {
    int port;
    String accessKey = KlingSimulator.DEFAULT_ACCESS_KEY;
    String secretKey = KlingSimulator.DEFAULT_SECRET_KEY;
    String apiKey;
    boolean tls;
    SimulatorTiming timing = SimulatorTiming.FAST;
    int maxConcurrentTasks = 5;
    final Map<String, String> additionalAccounts = new LinkedHashMap<>();
    CallbackSigner callbackSigner = CallbackSigner.NONE;
    Clock clock = Clock.systemUTC();
    Duration sessionTtl = KlingSimulator.DEFAULT_SESSION_TTL;
    Duration videoRetention = KlingSimulator.DEFAULT_VIDEO_RETENTION;
    final Set<Long> elements = new LinkedHashSet<>();
    final Set<Long> videoCharacterElements = new LinkedHashSet<>();
    final Set<String> discontinuedModels = new LinkedHashSet<>();
    FaultConfig faults = FaultConfig.NONE;
    boolean admin;
    String webhookSecret;
    boolean duplicateCallbacks;
    boolean reorderCallbacks;
    long largeResultBytes;

    KlingSimulatorBuilder() {
    }

    /** Faults to inject from the start (rate rules, script, seed); none by default. See {@link FaultInjector}. */
    public KlingSimulatorBuilder faults(FaultConfig faults) {
        this.faults = Objects.requireNonNull(faults, "faults");
        return this;
    }

    /**
     * Serves the test-only admin API at {@code /__admin/faults} (GET/POST/DELETE, no Kling
     * authentication); off by default.
     */
    public KlingSimulatorBuilder admin(boolean admin) {
        this.admin = admin;
        return this;
    }

    /**
     * Signs every callback as the real service does once a webhook secret exists (Standard Webhooks,
     * §5.2): {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,...}.
     * {@code null} (default) = unsigned. Replaces a {@link #callbackSigner}.
     *
     * @param secret {@code whsec_} followed by the Base64 of the key
     */
    public KlingSimulatorBuilder webhookSecret(String secret) {
        if (secret != null) {
            StandardWebhooksSigner.decodeSecret(secret); // fail fast on a malformed secret
        }
        this.webhookSecret = secret;
        return this;
    }

    /** Delivers every callback twice (same {@code webhook-id}), for consumer deduplication tests. */
    public KlingSimulatorBuilder duplicateCallbacks(boolean duplicate) {
        this.duplicateCallbacks = duplicate;
        return this;
    }

    /**
     * Delivers the notification before a task's final one after the final one (e.g. submitted,
     * succeed, processing), for "never move a task backwards" tests.
     */
    public KlingSimulatorBuilder reorderCallbacks(boolean reorder) {
        this.reorderCallbacks = reorder;
        return this;
    }

    /**
     * Serves task results (videos and generated images) at least this big, padded but still valid and
     * streamed with a Content-Length, to test streaming downloads; 0 (default) = natural size.
     */
    public KlingSimulatorBuilder largeResultBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("largeResultBytes must be >= 0");
        }
        this.largeResultBytes = bytes;
        return this;
    }

    /**
     * The clock behind {@code created_at}/{@code updated_at}, identify-face session expiry and the age
     * of generated videos (video-extend, identify-face). Default: system UTC. JWT {@code exp}/{@code nbf}
     * are always checked against real time. Task delays ({@link SimulatorTiming}) stay real delays.
     */
    public KlingSimulatorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** How long an identify-face session can be used; default 24 h. */
    public KlingSimulatorBuilder sessionTtl(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("sessionTtl must be positive");
        }
        this.sessionTtl = ttl;
        return this;
    }

    /** How long generated videos can be extended or identified by id; default 30 days. */
    public KlingSimulatorBuilder videoRetention(Duration retention) {
        if (retention == null || retention.isNegative()) {
            throw new IllegalArgumentException("videoRetention must not be negative");
        }
        this.videoRetention = retention;
        return this;
    }

    /** Adds ids to the element library (on top of {@link KlingSimulator#DEFAULT_ELEMENT_IDS}). */
    public KlingSimulatorBuilder elements(long... elementIds) {
        for (long id : elementIds) {
            elements.add(id);
        }
        return this;
    }

    /**
     * Adds video-character elements to the library: omni-video (kling-api-2026.md §2.4) counts them apart from the
     * other (multi-image) elements, and kling-o1 refuses them.
     */
    public KlingSimulatorBuilder videoCharacterElements(long... elementIds) {
        for (long id : elementIds) {
            videoCharacterElements.add(id);
        }
        return this;
    }

    /** Models that answer "discontinued" (see {@link KlingSimulator#discontinuedModels(Set)}). */
    public KlingSimulatorBuilder discontinuedModels(String... models) {
        discontinuedModels.addAll(List.of(models));
        return this;
    }

    /** 0 (the default) picks a free port. */
    public KlingSimulatorBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        this.port = port;
        return this;
    }

    public KlingSimulatorBuilder accessKey(String accessKey) {
        this.accessKey = requireText(accessKey, "accessKey");
        return this;
    }

    public KlingSimulatorBuilder secretKey(String secretKey) {
        this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
        return this;
    }

    /** A static API key accepted as {@code Bearer <key>} for the same account; {@code null} (default) = none. */
    public KlingSimulatorBuilder apiKey(String apiKey) {
        if (apiKey != null && (apiKey.isEmpty() || apiKey.chars().filter(c -> c == '.').count() == 2)) {
            throw new IllegalArgumentException("apiKey must be non-empty and must not look like a JWT (two dots)");
        }
        this.apiKey = apiKey;
        return this;
    }

    public KlingSimulatorBuilder tls(boolean tls) {
        this.tls = tls;
        return this;
    }

    public KlingSimulatorBuilder timing(SimulatorTiming timing) {
        this.timing = Objects.requireNonNull(timing, "timing");
        return this;
    }

    /** Concurrent non-final tasks per (account, model_name, pack type); default 5. */
    public KlingSimulatorBuilder maxConcurrentTasks(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConcurrentTasks must be >= 1");
        }
        this.maxConcurrentTasks = max;
        return this;
    }

    /** Another account with its own access key, tasks and slots (to test account isolation). */
    public KlingSimulatorBuilder additionalAccount(String accessKey, String secretKey) {
        additionalAccounts.put(requireText(accessKey, "accessKey"), Objects.requireNonNull(secretKey, "secretKey"));
        return this;
    }

    /** Seam for signed callbacks; unsigned by default. {@link #webhookSecret} takes precedence. */
    public KlingSimulatorBuilder callbackSigner(CallbackSigner signer) {
        this.callbackSigner = Objects.requireNonNull(signer, "signer");
        return this;
    }

    public KlingSimulator build() {
        if (additionalAccounts.containsKey(accessKey)) {
            throw new IllegalArgumentException("additional account reuses the primary access key");
        }
        return new KlingSimulator(this);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }
}
