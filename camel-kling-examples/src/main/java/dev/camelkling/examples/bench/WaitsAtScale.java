package dev.camelkling.examples.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.callback.CallbackBody;
import dev.camelkling.client.callback.StandardWebhookVerifier;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.wait.WaitPolicy;
import dev.camelkling.component.KlingConstants;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import com.sun.net.httpserver.HttpServer;

/**
 * Many waits on tasks of 20-40 s each, of either design (uniform, seeded, so that two runs with the same seed wait on tasks of the same
 * durations): status reads per finished task, detection delay (when the wait completed minus the task's
 * {@code updated_at}, the moment the simulator marked it final), extra live threads and heap. Runs the component's
 * {@code waitForCompletion}, and a naive poller (one GET per task every few seconds) for comparison.
 */
final class WaitsAtScale {

    /** What one run measured; delays in milliseconds. */
    record Figures(String label, int waits, int failed, double readsPerTask, double listPagesPerTask, long p50, long p95,
                   long max, int extraThreads, long peakHeapMb, long heapGrowthMb, long seconds, String failures) {
    }

    /** Why waits of the current run failed: a failure's type and message, and how often; a failed wait counts -1. */
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    private static long failed(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = String.valueOf(cause.getMessage());
        String why = cause.getClass().getSimpleName() + ": " + (message.length() > 120 ? message.substring(0, 120) : message);
        FAILURES.computeIfAbsent(why, key -> new AtomicInteger()).incrementAndGet();
        return -1L;
    }

    static final Duration SHORTEST = Duration.ofSeconds(20);
    static final Duration LONGEST = Duration.ofSeconds(40);

    private final KlingSimulator simulator;
    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger lists = new AtomicInteger();
    private final Object createLock = new Object();
    private volatile LongSupplier nextDurationMillis;

    WaitsAtScale(KlingSimulator simulator) {
        this.simulator = simulator;
        simulator.addRequestFilter((request, next) -> {
            boolean create = request.method().equals("POST")
                    && (request.path().equals("/v1/videos/text2video") || request.path().startsWith("/text-to-video/"));
            if (create && nextDurationMillis != null) {
                synchronized (createLock) { // the timing is read when the task is made: one create at a time
                    simulator.timing(SimulatorTiming.of(Duration.ofSeconds(1), Duration.ofMillis(nextDurationMillis.getAsLong())));
                    return next.handle(request);
                }
            }
            // reads by id: a legacy GET of one task, a new-design GET /tasks batch; pages: legacy list pages, POST /tasks
            if (request.method().equals("GET") && (request.path().startsWith("/v1/videos/text2video/") || request.path().equals("/tasks"))) {
                gets.incrementAndGet();
            } else if (request.method().equals("GET") && request.path().equals("/v1/videos/text2video")
                    || request.method().equals("POST") && request.path().equals("/tasks")) {
                lists.incrementAndGet();
            }
            return next.handle(request);
        });
    }

    private void durations(long seed) {
        Random random = new Random(seed);
        long span = LONGEST.toMillis() - SHORTEST.toMillis();
        nextDurationMillis = () -> {
            synchronized (random) {
                return SHORTEST.toMillis() + (long) (random.nextDouble() * span);
            }
        };
    }

    /** {@code n} exchanges through {@code uri} (a waitForCompletion producer) at once. */
    Figures component(ProducerTemplate template, String uri, String label, int n, long seed) throws Exception {
        durations(seed);
        Run run = new Run();
        List<CompletableFuture<Long>> delays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String prompt = "Wait " + i;
            delays.add(template.asyncSend(uri, e -> e.getMessage().setBody(prompt)).thenApply(WaitsAtScale::detectionDelay));
        }
        return run.finish(label, n, delays);
    }

    private static long detectionDelay(Exchange exchange) {
        long now = System.currentTimeMillis();
        if (exchange.isFailed()) {
            return failed(exchange.getException());
        }
        return now - exchange.getMessage().getHeader(KlingConstants.UPDATED_AT, Long.class);
    }

    /** What most clients do: read each task on its own every {@code every}, starting {@code every} after its create. */
    Figures naive(String label, int n, long seed, Duration every) throws Exception {
        durations(seed);
        Run run = new Run();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (KlingClient client = KlingClient.create(KlingClientConfig.builder().baseUrl(simulator.baseUrl())
                .accessKey(simulator.accessKey(), simulator.secretKey()).build())) {
            List<CompletableFuture<Long>> delays = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CompletableFuture<Long> delay = new CompletableFuture<>();
                client.create(KlingRequests.text2video().prompt("Naive " + i).build())
                        .whenComplete((task, error) -> {
                            if (error != null) {
                                delay.complete(failed(error));
                            } else {
                                pollEvery(client, timer, task.taskId(), every, delay);
                            }
                        });
                delays.add(delay);
            }
            return run.finish(label, n, delays);
        } finally {
            timer.shutdownNow();
        }
    }

    /**
     * Waits completed by callbacks, at client level (KlingBenchmark measures the Camel callback consumer apart): the
     * simulator signs each callback, a bare JDK HTTP server verifies the signature and hands the task to
     * {@link KlingClient#callbackReceived}, and the wait completes with one read of the API. The grace period is long
     * enough that nothing is polled while the callbacks come.
     */
    Figures callbacks(String label, int n, long seed, String webhookSecret) throws Exception {
        durations(seed);
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(webhookSecret);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger forged = new AtomicInteger();
        try (KlingClient client = KlingClient.create(KlingClientConfig.builder().baseUrl(simulator.baseUrl())
                .accessKey(simulator.accessKey(), simulator.secretKey()).callbackGracePeriod(Duration.ofMinutes(1)).build())) {
            receiver.createContext("/kling-callbacks", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                if (verifier.isValid(headers, body, Instant.now(), StandardWebhookVerifier.DEFAULT_TOLERANCE)) {
                    client.callbackReceived(KlingFeature.TEXT2VIDEO, CallbackBody.task(new String(body, StandardCharsets.UTF_8)));
                } else {
                    forged.incrementAndGet();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.start();
            String callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/kling-callbacks";
            Run run = new Run();
            List<CompletableFuture<Long>> delays = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                delays.add(client.createAndAwait(KlingRequests.text2video().prompt("Called back " + i).callbackUrl(callbackUrl).build(),
                                WaitPolicy.defaults())
                        .handle((task, error) -> error != null ? failed(error) : System.currentTimeMillis() - task.updatedAt()));
            }
            Figures figures = run.finish(label, n, delays);
            if (forged.get() > 0) {
                throw new IllegalStateException(forged.get() + " callbacks did not verify");
            }
            return figures;
        } finally {
            receiver.stop(0);
        }
    }

    private static void pollEvery(KlingClient client, ScheduledExecutorService timer, String taskId, Duration every,
                                  CompletableFuture<Long> delay) {
        timer.schedule(() -> client.get(KlingFeature.TEXT2VIDEO, taskId).whenComplete((task, error) -> {
            if (error != null) {
                delay.complete(failed(error));
            } else if (task.isFinal()) {
                delay.complete(System.currentTimeMillis() - task.updatedAt());
            } else {
                pollEvery(client, timer, taskId, every, delay);
            }
        }), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counters, threads and heap from the start of a run to its end. */
    private final class Run {
        private final ThreadSampler threads = ThreadSampler.start();
        private final long heapBefore = KlingBenchmark.usedHeapAfterGc();
        private final int threadsBefore = threads.current();
        private final long start = System.nanoTime();

        Run() {
            gets.set(0);
            lists.set(0);
            FAILURES.clear();
        }

        Figures finish(String label, int n, List<CompletableFuture<Long>> delays) throws Exception {
            CompletableFuture.allOf(delays.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            threads.stop();
            List<Long> measured = new ArrayList<>();
            int failed = 0;
            for (CompletableFuture<Long> delay : delays) {
                long millis = delay.join();
                if (millis < 0) {
                    failed++;
                } else {
                    measured.add(millis);
                }
            }
            nextDurationMillis = null;
            Collections.sort(measured);
            long heapGrowth = (KlingBenchmark.usedHeapAfterGc() - heapBefore) / 1_048_576;
            return new Figures(label, n, failed, (double) (gets.get() + lists.get()) / n, (double) lists.get() / n,
                    percentile(measured, 0.50), percentile(measured, 0.95), measured.isEmpty() ? -1 : measured.get(measured.size() - 1),
                    threads.peak() - threadsBefore, threads.peakHeapMb(), heapGrowth, seconds, FAILURES.toString());
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
