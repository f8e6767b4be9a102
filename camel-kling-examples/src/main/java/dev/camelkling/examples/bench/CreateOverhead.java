package dev.camelkling.examples.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.camelkling.component.KlingComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The same creates through a bare JDK HttpClient (a pre-signed JWT, a fixed JSON body, the status checked), through
 * the {@code kling:text2video} producer as a route calls it, and through a {@code ProducerTemplate}, one at a time and
 * 32 in flight.
 * <p>
 * Both sides share one JVM (and the server, when it runs in-process) on a machine that other work may share, so a
 * single timed run says little: both are warmed up, then measured in alternating rounds (which side goes first
 * alternates too), and every figure is the median over the rounds with its range. Besides wall time, each round counts
 * the process CPU time and the bytes allocated by all threads per create: those depend far less on what else the
 * machine runs than wall time does. The figures of the raw loop include the server's own cost when it runs in this JVM,
 * so the producer's overhead is the difference between the two.
 * <p>
 * Run alone against a {@link MinimalStub}: {@code java -cp ... dev.camelkling.examples.bench.CreateOverhead [creates
 * per round, 10,000] [rounds, 9]}.
 */
final class CreateOverhead {

    static final int IN_FLIGHT = 32;
    static final int DEFAULT_ROUNDS = 7;
    private static final String BODY = "{\"prompt\":\"A benchmark fox\"}";

    /** A pool of its own (four threads; the component reads answers on its eight workers), named for the CPU by thread. */
    private final HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "bench-raw-client");
        thread.setDaemon(true);
        return thread;
    })).build();
    private final HttpRequest.Builder raw;
    private final Endpoint endpoint;
    private final AsyncProducer producer;
    private final ProducerTemplate template;
    private final int rounds;

    /** @param context a started context whose kling component reaches {@code baseUrl} */
    CreateOverhead(String baseUrl, String accessKey, String secretKey, CamelContext context) throws Exception {
        this(baseUrl, accessKey, secretKey, context, DEFAULT_ROUNDS);
    }

    CreateOverhead(String baseUrl, String accessKey, String secretKey, CamelContext context, int rounds) throws Exception {
        String token = JWT.create().withHeader(Map.of("alg", "HS256", "typ", "JWT")).withIssuer(accessKey)
                .withExpiresAt(Date.from(Instant.now().plusSeconds(1800)))
                .withNotBefore(Date.from(Instant.now().minusSeconds(5)))
                .sign(Algorithm.HMAC256(secretKey));
        this.raw = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/videos/text2video"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        this.endpoint = context.getEndpoint("kling:text2video");
        this.producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
        this.template = context.createProducerTemplate();
        this.rounds = rounds;
    }

    /** {@code CreateOverhead [creates per round] [rounds]}: against a {@link MinimalStub}, printed as a table. */
    public static void main(String[] args) throws Exception {
        // rounds of 10,000 (about 2 s a side at 32 in flight): with rounds of 1,000 a single stall of the machine moves a
        // round's ratio by a fifth either way
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Map<String, String> results = new LinkedHashMap<>();
        try (MinimalStub stub = new MinimalStub()) {
            CamelContext context = new DefaultCamelContext();
            KlingComponent kling = new KlingComponent();
            kling.getConfiguration().setBaseUrl(stub.baseUrl());
            kling.getConfiguration().setAccessKey("bench-access-key");
            kling.getConfiguration().setSecretKey("bench-secret-key");
            context.addComponent("kling", kling);
            context.start();
            try {
                new CreateOverhead(stub.baseUrl(), "bench-access-key", "bench-secret-key", context, rounds)
                        .measure("minimal stub", n, results);
            } finally {
                context.stop();
            }
        }
        results.forEach((k, v) -> System.out.printf("%-110s %s%n", k, v));
        System.out.printf("%njava %s, %d cores%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.exit(0);
    }

    private CompletableFuture<?> rawCreate() {
        return http.sendAsync(raw.POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString())
                .thenAccept(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("raw create answered " + r.statusCode());
                    }
                });
    }

    /** What a route's {@code to("kling:text2video")} calls, without the template's own thread pool in between. */
    private CompletableFuture<?> producerCreate() {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody("A benchmark fox");
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        producer.process(exchange, sync -> {
            if (exchange.getException() != null) {
                done.completeExceptionally(exchange.getException());
            } else {
                done.complete(exchange);
            }
        });
        return done;
    }

    /** {@code ProducerTemplate.asyncRequestBody} hands every call to the template's thread pool first. */
    private CompletableFuture<?> templateCreate() {
        return template.asyncRequestBody(endpoint, "A benchmark fox");
    }

    /** Adds rows named after {@code where} to {@code results}. */
    void measure(String where, int n, Map<String, String> results) throws Exception {
        Map<String, Supplier<CompletableFuture<?>>> sides = new LinkedHashMap<>();
        sides.put("raw", this::rawCreate);
        sides.put("producer", this::producerCreate);
        sides.put("template", this::templateCreate);
        for (int i = 0; i < Math.max(2_000, n); i++) { // warm up every side, so that all are compiled alike
            sides.values().forEach(side -> side.get().join());
        }
        for (Supplier<CompletableFuture<?>> side : sides.values()) {
            inFlight(side, n);
        }
        Map<String, List<Round>> one = new LinkedHashMap<>();
        Map<String, List<Round>> many = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(sides.keySet());
        for (int r = 0; r < rounds; r++) {
            for (String side : order) {
                one.computeIfAbsent(side, s -> new ArrayList<>()).add(oneAtATime(sides.get(side), n));
            }
            for (String side : order) {
                many.computeIfAbsent(side, s -> new ArrayList<>()).add(inFlight(sides.get(side), n));
            }
            java.util.Collections.rotate(order, 1); // each side goes first in turn
        }
        String per = " (median [range] over " + rounds + " alternating rounds of " + n + ")";
        results.put(where + ": one at a time, wall µs per create, raw / producer / via ProducerTemplate" + per,
                figures(one, Round::wallMicros, "%.0f"));
        results.put(where + ": one at a time, process CPU µs per create, raw / producer / via ProducerTemplate",
                figures(one, Round::cpuMicros, "%.0f"));
        results.put(where + ": one at a time, KB allocated per create (all threads), raw / producer / via ProducerTemplate",
                figures(one, Round::allocatedKb, "%.1f"));
        results.put(where + ": one at a time, producer / raw: wall, CPU, allocation",
                ratio(one, Round::wallMicros) + ", " + ratio(one, Round::cpuMicros) + ", " + ratio(one, Round::allocatedKb));
        results.put(where + ": " + IN_FLIGHT + " in flight, creates/s, raw / producer / via ProducerTemplate",
                figures(many, Round::perSecond, "%.0f"));
        results.put(where + ": " + IN_FLIGHT + " in flight, process CPU µs per create, raw / producer / via ProducerTemplate",
                figures(many, Round::cpuMicros, "%.0f"));
        results.put(where + ": " + IN_FLIGHT + " in flight, producer / raw: throughput, CPU",
                ratio(many, Round::perSecond) + ", " + ratio(many, Round::cpuMicros));
        for (String side : List.of("raw", "producer")) {
            results.put(where + ": " + IN_FLIGHT + " in flight, " + side + ", CPU µs per create by thread (median)",
                    byThread(many.get(side)));
        }
    }

    /**
     * One round: wall, process CPU and allocation per create, creates per second, and the CPU per create of each kind of
     * thread (pools named without their numbers), which shows where the producer spends more than the raw loop.
     */
    record Round(double wallMicros, double cpuMicros, double allocatedKb, double perSecond, Map<String, Double> cpuMicrosByThread) {
    }

    /** The thread kinds that spent at least 1 µs per create, by median over the rounds, most first. */
    private static String byThread(List<Round> rounds) {
        Map<String, List<Double>> values = new java.util.TreeMap<>();
        rounds.forEach(round -> round.cpuMicrosByThread().forEach((kind, micros) ->
                values.computeIfAbsent(kind, k -> new ArrayList<>()).add(micros)));
        return values.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), median(e.getValue().stream().mapToDouble(Double::doubleValue).toArray())))
                .filter(e -> e.getValue() >= 1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Round oneAtATime(Supplier<CompletableFuture<?>> op, int n) {
        Counters start = Counters.now();
        for (int i = 0; i < n; i++) {
            op.get().join();
        }
        return Counters.now().since(start, n);
    }

    private static Round inFlight(Supplier<CompletableFuture<?>> op, int n) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        Counters start = Counters.now();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            op.get().whenComplete((ignored, error) -> slots.release());
        }
        slots.acquire(IN_FLIGHT);
        return Counters.now().since(start, n);
    }

    /** Wall clock, process CPU time, CPU time per kind of thread and the bytes all live threads have allocated, at one moment. */
    private record Counters(long wallNanos, long cpuNanos, long allocatedBytes, Map<String, Long> cpuNanosByThread) {

        static Counters now() {
            return new Counters(System.nanoTime(), processCpuNanos(), allocatedByAllThreads(), cpuByThreadKind());
        }

        Round since(Counters start, int n) {
            double wall = wallNanos - start.wallNanos;
            Map<String, Double> byThread = new LinkedHashMap<>();
            cpuNanosByThread.forEach((kind, nanos) -> byThread.put(kind,
                    (nanos - start.cpuNanosByThread.getOrDefault(kind, 0L)) / 1_000.0 / n));
            return new Round(wall / 1_000.0 / n, (cpuNanos - start.cpuNanos) / 1_000.0 / n,
                    (allocatedBytes - start.allocatedBytes) / 1_024.0 / n, n / (wall / 1e9), byThread);
        }

        /** CPU time of the live threads by kind: the name without numbers and without Camel's "Camel (...) thread - " prefix. */
        private static Map<String, Long> cpuByThreadKind() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> byKind = new LinkedHashMap<>();
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
                if (nanos > 0) {
                    String kind = info.getThreadName().replaceFirst("^Camel \\(.*\\) thread #\\d+ - ", "").replaceAll("\\d+", "N");
                    byKind.merge(kind, nanos, Long::sum);
                }
            }
            return byKind;
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** Threads that end in between take their count with them; the pools measured here keep their threads. */
        private static long allocatedByAllThreads() {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
        }
    }

    private static String figures(Map<String, List<Round>> sides, ToDoubleFunction<Round> figure, String format) {
        return sides.values().stream().map(rounds -> summary(rounds.stream().mapToDouble(figure).toArray(), format))
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    /**
     * The producer's figure over the raw loop's, per round (the two ran back to back, so they saw the same machine),
     * as the median and range of those ratios.
     */
    private static String ratio(Map<String, List<Round>> sides, ToDoubleFunction<Round> figure) {
        List<Round> raw = sides.get("raw");
        List<Round> producer = sides.get("producer");
        double[] ratios = new double[raw.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = figure.applyAsDouble(producer.get(i)) / figure.applyAsDouble(raw.get(i));
        }
        return summary(ratios, "%.2f");
    }

    private static String summary(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(format + " [" + format + "-" + format + "]", median(values), sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
