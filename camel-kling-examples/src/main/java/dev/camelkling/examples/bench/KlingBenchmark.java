package dev.camelkling.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.camelkling.component.KlingComponent;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Measures the component against the in-process simulator and prints a table: create overhead against a raw JDK
 * HttpClient loop, threads and heap while many exchanges wait, and HTTP requests per finished task when waiting and
 * when consuming. Run: {@code java -cp camel-kling-examples/target/kling-demo.jar
 * dev.camelkling.examples.bench.KlingBenchmark [creates] [waits]} after {@code mvn -B -q -DskipTests package}.
 */
public final class KlingBenchmark {

    /** The simulator signs its callbacks with it, as Kling does once a webhook secret exists. */
    private static final String WEBHOOK_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("kling-benchmark-webhook-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    /** The new design takes an API key only. */
    private static final String API_KEY = "kling-benchmark-api-key";
    private static final String KLING_3 = "kling:text2video?waitForCompletion=true&modelName=kling-3.0";

    private final Map<String, String> results = new LinkedHashMap<>();
    private final KlingSimulator simulator;
    private final CamelContext context;
    private final ProducerTemplate template;
    private final AtomicInteger getRequests = new AtomicInteger();
    private final AtomicInteger listRequests = new AtomicInteger();

    private KlingBenchmark() throws Exception {
        simulator = KlingSimulator.builder().maxConcurrentTasks(1_000_000).timing(SimulatorTiming.FAST)
                .webhookSecret(WEBHOOK_SECRET).apiKey(API_KEY).build().start();
        simulator.addRequestFilter((request, next) -> {
            if (request.method().equals("GET") && request.path().startsWith("/v1/videos/text2video/")) {
                getRequests.incrementAndGet();
            } else if (request.method().equals("GET") && request.path().equals("/v1/videos/text2video")) {
                listRequests.incrementAndGet();
            }
            return next.handle(request);
        });
        context = newContext();
        template = context.createProducerTemplate();
    }

    /**
     * {@code KlingBenchmark [creates] [waits]} runs everything; {@code KlingBenchmark waits [n]} only the waits on
     * 20-40 s tasks ({@link #waitsAtScale}); {@code KlingBenchmark callbacks [n]} only their Camel callback column;
     * {@code KlingBenchmark newdesign [n]} only the new-design waits on a fresh client; {@code KlingBenchmark beside}
     * only a consumer's requests beside waits on its feature ({@link ConsumerBesideWaits}).
     */
    public static void main(String[] args) throws Exception {
        boolean waitsOnly = args.length > 0 && args[0].equals("waits");
        boolean callbacksOnly = args.length > 0 && args[0].equals("callbacks");
        boolean newDesignOnly = args.length > 0 && args[0].equals("newdesign");
        boolean besideOnly = args.length > 0 && args[0].equals("beside");
        int creates = args.length > 0 && !waitsOnly && !callbacksOnly && !newDesignOnly && !besideOnly ? Integer.parseInt(args[0]) : 1_000;
        int waits = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        KlingBenchmark bench = new KlingBenchmark();
        try {
            if (besideOnly) {
                bench.consumerBesideWaits();
            } else if (callbacksOnly) {
                bench.report(List.of(bench.camelCallbacks(new WaitsAtScale(bench.simulator), waits)));
            } else if (newDesignOnly) {
                bench.report(List.of(bench.freshNewDesign(new WaitsAtScale(bench.simulator), KLING_3,
                        waits + " new-design waits (kling-3.0), nothing learned yet", waits, 1)));
            } else {
                if (!waitsOnly) {
                    bench.createOverhead(creates);
                    bench.concurrentWaits(waits);
                    bench.consumerRequests(waits);
                    bench.largeDownload(100);
                    bench.largeUpload();
                }
                bench.waitsAtScale(waits);
            }
        } finally {
            bench.context.stop();
            bench.simulator.close();
        }
        bench.print();
        System.exit(0);
    }

    /**
     * The same creates through the component and through a bare JDK HttpClient, against the simulator and against a
     * {@link MinimalStub} whose own cost is almost nothing (so that the client's cost is what shows).
     */
    private void createOverhead(int n) throws Exception {
        new CreateOverhead(simulator.baseUrl(), simulator.accessKey(), simulator.secretKey(), context).measure("simulator", n, results);
        try (MinimalStub stub = new MinimalStub()) {
            CamelContext onStub = newContext(stub.baseUrl());
            try {
                new CreateOverhead(stub.baseUrl(), simulator.accessKey(), simulator.secretKey(), onStub)
                        .measure("minimal stub", n, results);
            } finally {
                onStub.stop();
            }
        }
    }

    /** Many exchanges waiting at once: live threads of this JVM (the simulator's own excluded) and heap. */
    private void concurrentWaits(int n) throws Exception {
        simulator.timing(SimulatorTiming.of(Duration.ofSeconds(1), Duration.ofSeconds(8)));
        ThreadSampler threads = ThreadSampler.start();
        long heapBefore = usedHeapAfterGc();
        int baseline = threads.current();
        getRequests.set(0);
        listRequests.set(0);
        List<CompletableFuture<Object>> waiting = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            waiting.add(template.asyncRequestBody(
                    "kling:text2video?waitForCompletion=true&pollInterval=1s&maxPollInterval=2s", "Wait " + i));
        }
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).join();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        threads.stop();
        results.put(n + " concurrent waits: live threads before / peak (excl. simulator)",
                baseline + " / " + threads.peak() + " (+" + (threads.peak() - baseline) + ")");
        results.put(n + " concurrent waits: threads at the peak", threads.peakNames().toString());
        results.put(n + " concurrent waits: peak heap used (MB)", String.valueOf(threads.peakHeapMb()));
        results.put(n + " concurrent waits: heap growth after GC (MB)",
                String.valueOf((usedHeapAfterGc() - heapBefore) / 1_048_576));
        results.put(n + " concurrent waits: wall time (s)", String.valueOf(seconds));
        results.put("wait mode: HTTP requests per finished task (create + reads, of which list pages)",
                String.format("%.2f (%.3f)", 1 + (double) (getRequests.get() + listRequests.get()) / n, (double) listRequests.get() / n));
    }

    /**
     * {@code n} and 10 concurrent waits on tasks of 20-40 s: the component with its defaults, with nothing learned
     * (a fresh client) and after the 10 waits taught it how long such tasks take, beside naive polling (a GET per task
     * every 3 s) on tasks of the same durations.
     */
    private void waitsAtScale(int n) throws Exception {
        WaitsAtScale scale = new WaitsAtScale(simulator);
        String uri = "kling:text2video?waitForCompletion=true";
        List<WaitsAtScale.Figures> runs = new ArrayList<>();
        CamelContext fresh = newContext();
        try {
            runs.add(scale.component(fresh.createProducerTemplate(), uri, n + " waits, nothing learned yet", n, 1));
        } finally {
            fresh.stop();
        }
        CamelContext learning = newContext();
        try {
            ProducerTemplate producer = learning.createProducerTemplate();
            runs.add(scale.component(producer, uri, "10 waits, nothing learned yet", 10, 2));
            runs.add(scale.component(producer, uri, n + " waits, after those 10", n, 1));
            runs.add(scale.component(producer, uri, "10 waits, after those", 10, 3));
        } finally {
            learning.stop();
        }
        runs.add(freshNewDesign(scale, KLING_3, n + " new-design waits (kling-3.0), nothing learned yet", n, 1));
        runs.add(freshNewDesign(scale, KLING_3, "10 new-design waits (kling-3.0), nothing learned yet", 10, 2));
        runs.add(scale.callbacks(n + " waits, completed by verified callbacks (client level)", n, 1, WEBHOOK_SECRET));
        runs.add(camelCallbacks(scale, n));
        runs.add(scale.naive(n + " waits, naive GET every 3 s", n, 1, Duration.ofSeconds(3)));
        runs.add(scale.naive("10 waits, naive GET every 3 s", 10, 2, Duration.ofSeconds(3)));
        report(runs);
        consumerBesideWaits();
    }

    private void consumerBesideWaits() throws Exception {
        double[] beside = new ConsumerBesideWaits(simulator).measure(20, 20);
        results.put("consumer + 20 waits on one feature (legacy): the consumer's list requests per poll without / with the waits",
                String.format("%.2f / %.2f", beside[0], beside[1]));
    }

    private void report(List<WaitsAtScale.Figures> runs) {
        for (WaitsAtScale.Figures f : runs) {
            results.put(f.label() + ": status reads per task, confirming reads included (of which list pages)",
                    String.format("%.3f (%.3f)%s", f.readsPerTask(), f.listPagesPerTask(), f.failed() > 0 ? ", " + f.failed() + " FAILED " + f.failures() : ""));
            if (f.label().contains("callbacks")) {
                // each callback's wait ends with one confirming read of its task; the rest would be status polling
                results.put(f.label() + ": status polling reads per task (confirming read excluded)",
                        String.format("%.3f", f.readsPerTask() - 1));
            }
            results.put(f.label() + ": detection delay p50 / p95 / max (ms)", f.p50() + " / " + f.p95() + " / " + f.max());
            results.put(f.label() + ": extra threads, peak heap (MB), heap growth after GC (MB), wall (s)",
                    "+" + f.extraThreads() + ", " + f.peakHeapMb() + ", " + f.heapGrowthMb() + ", " + f.seconds());
        }
    }

    /**
     * {@code n} waits through a {@code waitForCompletion} producer whose callback URL comes from a callback consumer of
     * the same CamelContext (platform-http on Vert.x, loopback): the simulator signs each callback, the consumer
     * verifies it and its one confirming read completes the wait; {@code callbackGracePeriod} (its default, 1 minute)
     * keeps the waits from polling meanwhile, from the moment the first callbacks show that they reach the consumer. A fresh context: its extra threads include the component's pools and Vert.x.
     */
    private WaitsAtScale.Figures camelCallbacks(WaitsAtScale scale, int n) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CamelContext called = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        called.addService(new VertxPlatformHttpServer(server));
        KlingComponent kling = new KlingComponent();
        kling.getConfiguration().setBaseUrl(simulator.baseUrl());
        kling.getConfiguration().setAccessKey(simulator.accessKey());
        kling.getConfiguration().setSecretKey(simulator.secretKey());
        kling.getConfiguration().setCallbackBaseUrl("http://127.0.0.1:" + port);
        kling.getConfiguration().setWebhookSecret(WEBHOOK_SECRET);
        called.addComponent("kling", kling);
        called.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?consumerMode=callback").routeId("bench-callbacks").process(e -> { });
            }
        });
        called.start();
        try {
            return scale.component(called.createProducerTemplate(), "kling:text2video?waitForCompletion=true",
                    n + " waits, completed by verified callbacks (Camel: producer + callback consumer)", n, 1);
        } finally {
            called.stop();
        }
    }

    /** A fresh context whose component has only the API key: the new design takes nothing else. */
    private WaitsAtScale.Figures freshNewDesign(WaitsAtScale scale, String uri, String label, int n, long seed) throws Exception {
        CamelContext newDesign = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent();
        kling.getConfiguration().setBaseUrl(simulator.baseUrl());
        kling.getConfiguration().setApiKey(API_KEY);
        newDesign.addComponent("kling", kling);
        newDesign.start();
        try {
            return scale.component(newDesign.createProducerTemplate(), uri, label, n, seed);
        } finally {
            newDesign.stop();
        }
    }

    private CamelContext newContext() throws Exception {
        return newContext(simulator.baseUrl());
    }

    private CamelContext newContext(String baseUrl) throws Exception {
        CamelContext another = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent();
        kling.getConfiguration().setBaseUrl(baseUrl);
        kling.getConfiguration().setAccessKey(simulator.accessKey());
        kling.getConfiguration().setSecretKey(simulator.secretKey());
        another.addComponent("kling", kling);
        another.start();
        return another;
    }

    /** The same number of tasks, finished, read by the polling consumer instead of waits. */
    private void consumerRequests(int n) throws Exception {
        simulator.timing(SimulatorTiming.FAST);
        simulator.reset();
        for (int i = 0; i < n; i++) {
            template.requestBody("kling:text2video", "Consume " + i);
        }
        AtomicLong emitted = new AtomicLong();
        listRequests.set(0);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?delay=1s&initialDelay=0&pageSize=500&maxPagesPerPoll=10").routeId("bench-consumer")
                        .process(e -> emitted.incrementAndGet());
            }
        });
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (emitted.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        context.getRouteController().stopRoute("bench-consumer");
        results.put("consumer mode: list requests per finished task (" + emitted.get() + " emitted)",
                String.format("%.3f", (double) listRequests.get() / Math.max(1, emitted.get())));
    }

    /** A result of {@code megabytes} MiB downloaded through download=true into a directory: heap growth meanwhile. */
    private void largeDownload(int megabytes) throws Exception {
        simulator.timing(SimulatorTiming.FAST);
        simulator.largeResultBytes(megabytes * 1_048_576L);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kling-bench");
        long before = usedHeapAfterGc();
        ThreadSampler heap = ThreadSampler.start();
        java.io.File file = template.requestBody("kling:text2video?waitForCompletion=true&pollInterval=100&download=true"
                                                 + "&downloadDirectory=" + dir, "A very long video", java.io.File.class);
        heap.stop();
        simulator.largeResultBytes(0);
        results.put(megabytes + " MiB download: file size (MiB)", String.valueOf(file.length() / 1_048_576));
        results.put(megabytes + " MiB download: peak heap growth (MiB)", String.valueOf(heap.peakHeapMb() - before / 1_048_576));
        java.nio.file.Files.deleteIfExists(file.toPath());
        java.nio.file.Files.deleteIfExists(dir);
    }

    /** An image of about 9.5 MB sent as a File to image2video: heap growth while the create is built and sent. */
    private void largeUpload() throws Exception {
        java.nio.file.Path image = java.nio.file.Files.createTempFile("kling-bench-", ".png");
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(1780, 1780,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(1);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        javax.imageio.ImageIO.write(noise, "png", image.toFile());
        noise = null;
        long before = usedHeapAfterGc();
        ThreadSampler heap = ThreadSampler.start();
        template.requestBody("kling:image2video?prompt=Static noise comes alive", image.toFile());
        heap.stop();
        results.put("upload of a " + java.nio.file.Files.size(image) / 1_048_576 + " MiB image: peak heap growth (MiB)",
                String.valueOf(heap.peakHeapMb() - before / 1_048_576));
        java.nio.file.Files.deleteIfExists(image);
    }

    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void print() {
        System.out.println();
        System.out.printf("%-100s %s%n", "measure", "value");
        System.out.println("-".repeat(120));
        results.forEach((k, v) -> System.out.printf("%-100s %s%n", k, v));
        System.out.printf("%njava %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1_048_576);
    }
}
