package dev.camelkling.simulator.fault;

import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.http.ErrorCode;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.RequestHandler;
import dev.camelkling.simulator.http.SimRequest;
import dev.camelkling.simulator.http.SimResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Injects faults into requests (§3, §7): Kling errors, connection resets, slow and malformed answers,
 * each before the handler (nothing created) or after it (the task was created), by rate or by script.
 * It is the outermost request filter of a simulator ({@code KlingSimulator.faults()}); the admin path
 * ({@value #ADMIN_PREFIX}) is never faulted or counted.
 *
 * <p>Per request, under one lock: every script entry whose match fits counts the request, and the
 * first entry (in script order) reaching its {@code nth} fires; otherwise the first rate rule whose
 * match fits draws {@code rng.nextDouble() < rate} and, on a hit, picks its fault with
 * {@code rng.nextInt(faults.size())} (no second draw when it has one fault). With a fixed seed and
 * sequential requests the outcome is exactly repeatable; concurrent requests take the draws in arrival
 * order. Any delay is then slept outside the lock.
 *
 * <p>Every injected answer (not a reset) carries the header {@value #FAULT_HEADER} with the fault,
 * e.g. {@code 5000/after}, for debugging; clients ignore it.
 */
public final class FaultInjector implements RequestFilter {
    /** Paths under this prefix (the admin API) are never faulted. */
    public static final String ADMIN_PREFIX = "/__admin/";
    /** Response header naming the injected fault. */
    public static final String FAULT_HEADER = "X-Kling-Sim-Fault";

    private long seed;
    private Random rng;
    private final List<FaultRule> rules = new ArrayList<>();
    private final List<ScriptState> script = new ArrayList<>();
    private long requests;
    private long injected;
    private final Map<String, Long> byFault = new LinkedHashMap<>();
    private final Map<String, Long> byKind = new LinkedHashMap<>();

    /** A script entry with its progress: requests matched so far and whether it fired. */
    public record ScriptProgress(ScriptedFault entry, int seen, boolean fired) {
    }

    private static final class ScriptState {
        final ScriptedFault entry;
        int seen;
        boolean fired;

        ScriptState(ScriptedFault entry) {
            this.entry = entry;
        }
    }

    public FaultInjector() {
        configure(FaultConfig.NONE);
    }

    public FaultInjector(FaultConfig config) {
        configure(config);
    }

    /**
     * Replaces the whole setup: rules and script (script progress restarts at 0), and the RNG is
     * re-seeded (with a random seed when the config has none). Counters are kept.
     */
    public synchronized FaultInjector configure(FaultConfig config) {
        FaultConfig c = config == null ? FaultConfig.NONE : config;
        reseed(c.seed() == null ? ThreadLocalRandom.current().nextLong() : c.seed());
        rules.clear();
        rules.addAll(c.rules());
        script.clear();
        c.script().forEach(entry -> script.add(new ScriptState(entry)));
        return this;
    }

    /** The current setup, with the effective seed. */
    public synchronized FaultConfig config() {
        return new FaultConfig(seed, rules, script.stream().map(s -> s.entry).toList());
    }

    /** Re-seeds the RNG of the rate rules. */
    public synchronized FaultInjector seed(long seed) {
        reseed(seed);
        return this;
    }

    private void reseed(long newSeed) {
        this.seed = newSeed;
        this.rng = new Random(newSeed);
    }

    /** Adds a rate rule: matching requests get one of {@code faults} (all but slow if none) with probability {@code rate}. */
    public FaultInjector rate(double rate, FaultMatch match, Fault... faults) {
        return addRule(new FaultRule(match, rate, faults.length == 0 ? Fault.all() : List.of(faults)));
    }

    public synchronized FaultInjector addRule(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    /** Adds a script entry: the {@code nth} request matching from now on gets {@code fault}. */
    public FaultInjector script(FaultMatch match, int nth, Fault fault) {
        return addScript(new ScriptedFault(match, nth, fault));
    }

    public synchronized FaultInjector addScript(ScriptedFault entry) {
        script.add(new ScriptState(entry));
        return this;
    }

    /** The next request matching {@code match} gets {@code fault} (a script entry with {@code nth = 1}). */
    public FaultInjector next(FaultMatch match, Fault fault) {
        return script(match, 1, fault);
    }

    /** Removes all rules and script entries and zeroes the counters; the seed is kept. */
    public synchronized FaultInjector clear() {
        rules.clear();
        script.clear();
        resetCounters();
        return this;
    }

    /** Zeroes the counters; the setup is kept. */
    public synchronized void resetCounters() {
        requests = 0;
        injected = 0;
        byFault.clear();
        byKind.clear();
    }

    public synchronized FaultStats stats() {
        return new FaultStats(requests, injected, byFault, byKind);
    }

    public synchronized List<ScriptProgress> scriptProgress() {
        return script.stream().map(s -> new ScriptProgress(s.entry, s.seen, s.fired)).toList();
    }

    /** Decides (and counts) the fault for one request, or {@code null}; exposed for unit tests of the draws. */
    public synchronized Fault decide(String method, String path) {
        if (path.startsWith(ADMIN_PREFIX)) {
            return null;
        }
        requests++;
        Fault chosen = null;
        for (ScriptState s : script) {
            if (s.entry.match().matches(method, path)) {
                s.seen++;
                if (chosen == null && !s.fired && s.seen == s.entry.nth()) {
                    s.fired = true;
                    chosen = s.entry.fault();
                }
            }
        }
        if (chosen == null) {
            for (FaultRule rule : rules) {
                if (rule.match().matches(method, path)) {
                    if (rng.nextDouble() < rule.rate()) {
                        List<Fault> faults = rule.faults();
                        chosen = faults.size() == 1 ? faults.get(0) : faults.get(rng.nextInt(faults.size()));
                    }
                    break;
                }
            }
        }
        if (chosen != null) {
            injected++;
            byFault.merge(chosen.label(), 1L, Long::sum);
            byKind.merge(chosen.kind().wireName(), 1L, Long::sum);
        }
        return chosen;
    }

    @Override
    public SimResponse filter(SimRequest request, RequestHandler next) {
        Fault fault = decide(request.method(), request.path());
        if (fault == null) {
            return next.handle(request);
        }
        SimResponse handled = fault.timing() == FaultTiming.AFTER ? next.handle(request) : null;
        SimResponse answer = answer(fault, handled);
        sleep(fault.delay());
        return answer.dropsConnection() ? answer : answer.withHeader(FAULT_HEADER, fault.toString());
    }

    private static SimResponse answer(Fault fault, SimResponse handled) {
        ErrorCode code = fault.kind().errorCode();
        if (code != null) {
            return Envelope.error(code, code.defaultMessage());
        }
        return switch (fault.kind()) {
            case CONNECTION_RESET -> SimResponse.dropConnection();
            case SLOW_RESPONSE -> handled != null ? handled
                    : Envelope.error(ErrorCode.INTERNAL_TIMEOUT, ErrorCode.INTERNAL_TIMEOUT.defaultMessage());
            case MALFORMED_JSON -> SimResponse.json(200, truncated(handled));
            default -> throw new IllegalStateException("unhandled fault kind " + fault.kind());
        };
    }

    /** The first half of the real JSON answer (an unclosed object is never valid JSON), or a canned fragment. */
    static byte[] truncated(SimResponse handled) {
        byte[] body = handled == null || handled.isStreamed() ? null : handled.body();
        if (body != null && body.length >= 8 && body[0] == '{') {
            return Arrays.copyOf(body, body.length / 2);
        }
        return ("{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"" + UUID.randomUUID() + "\",\"data\":{\"task_")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the simulator is closing
        }
    }
}
