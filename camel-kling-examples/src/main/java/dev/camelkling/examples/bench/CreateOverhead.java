package dev.camelkling.examples.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.apache.camel.ProducerTemplate;

/**
 * The same creates through the {@code kling:text2video} producer and through a bare JDK HttpClient (a pre-signed JWT,
 * a fixed JSON body, the status checked): one at a time (µs per create, process CPU per create) and 32 in flight
 * (creates per second).
 */
final class CreateOverhead {

    static final int IN_FLIGHT = 32;
    private static final String BODY = "{\"prompt\":\"A benchmark fox\"}";

    /** Four threads, as the component's client pool has; named so that the thread counts leave them out. */
    private final HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "bench-raw-client");
        thread.setDaemon(true);
        return thread;
    })).build();
    private final HttpRequest.Builder raw;
    private final ProducerTemplate template;

    /** @param template a producer template of a context whose kling component reaches {@code baseUrl} */
    CreateOverhead(String baseUrl, String accessKey, String secretKey, ProducerTemplate template) {
        String token = JWT.create().withHeader(Map.of("alg", "HS256", "typ", "JWT")).withIssuer(accessKey)
                .withExpiresAt(Date.from(Instant.now().plusSeconds(1800)))
                .withNotBefore(Date.from(Instant.now().minusSeconds(5)))
                .sign(Algorithm.HMAC256(secretKey));
        this.raw = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/videos/text2video"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        this.template = template;
    }

    private CompletableFuture<?> rawCreate() {
        return http.sendAsync(raw.POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString())
                .thenAccept(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("raw create answered " + r.statusCode());
                    }
                });
    }

    private CompletableFuture<?> componentCreate() {
        return template.asyncRequestBody("kling:text2video", "A benchmark fox");
    }

    /** Adds rows named after {@code where} to {@code results}. */
    void measure(String where, int n, Map<String, String> results) throws Exception {
        for (int i = 0; i < Math.min(300, n); i++) { // warm up both paths
            rawCreate().join();
            componentCreate().join();
        }
        double[] rawOne = oneAtATime(this::rawCreate, n);
        double[] componentOne = oneAtATime(this::componentCreate, n);
        double rawRate = inFlight(this::rawCreate, n);
        double componentRate = inFlight(this::componentCreate, n);
        results.put(where + ": create one at a time, raw JDK HttpClient / producer (µs per create, n=" + n + ")",
                String.format("%.0f / %.0f (ratio %.2f)", rawOne[0], componentOne[0], componentOne[0] / rawOne[0]));
        results.put(where + ": process CPU per create, raw / producer (µs)", String.format("%.0f / %.0f", rawOne[1], componentOne[1]));
        results.put(where + ": " + IN_FLIGHT + " creates in flight, raw / producer (creates/s)",
                String.format("%.0f / %.0f (ratio %.2f)", rawRate, componentRate, componentRate / rawRate));
    }

    /** Wall and process CPU time per operation, in µs. */
    private static double[] oneAtATime(Supplier<CompletableFuture<?>> op, int n) {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            op.get().join();
        }
        return new double[] {(System.nanoTime() - start) / 1_000.0 / n, (processCpuNanos() - cpu) / 1_000.0 / n};
    }

    private static double inFlight(Supplier<CompletableFuture<?>> op, int n) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            op.get().whenComplete((ignored, error) -> slots.release());
        }
        slots.acquire(IN_FLIGHT);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
