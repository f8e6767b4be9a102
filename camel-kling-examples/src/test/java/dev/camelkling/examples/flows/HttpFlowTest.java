package dev.camelkling.examples.flows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultKind;
import dev.camelkling.simulator.fault.FaultMatch;
import dev.camelkling.simulator.fault.FaultTiming;
import dev.camelkling.simulator.http.SimRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP flow, in the Java DSL and in the YAML DSL, on a real HTTP server (random port) driven by a real
 * {@link HttpClient}, against the simulator: jobs accepted with 202, polled to their end, results streamed through
 * camel-http; repeated job ids never billed twice; bad jobs refused with the field named and nothing created; Kling's
 * and the result host's failures mapped to statuses; no request header and no credential ever passed on or echoed.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(FlowApp.Dsl.class)
class HttpFlowTest {

    private static final String CLIENT_TOKEN = "client-token-must-not-travel";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The download socket timeout of a flow with a strict policy: far below the slow result host's answer. */
    private static final int STRICT_TIMEOUT_MS = 1000;
    /** Big enough that a result cut short by the end of the exchange, or copied whole, would show. */
    private static final int LARGE_RESULT_BYTES = 24 << 20;

    private static KlingSimulator simulator;
    private static FlowApp app;
    private static String baseUrl;
    /** Every request the result host (the simulator's /media/ paths) received. */
    private static final List<SimRequest> resultHostRequests = new CopyOnWriteArrayList<>();
    /** Every create request Kling (the simulator) received, refused ones included. */
    private static final List<SimRequest> klingCreateRequests = new CopyOnWriteArrayList<>();

    @Parameter
    FlowApp.Dsl dsl;

    @BeforeParameterizedClassInvocation
    static void startFlow(FlowApp.Dsl dsl) throws Exception {
        simulator = KlingSimulator.builder()
                .timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300)))
                .build().start();
        simulator.addRequestFilter((request, next) -> {
            if (request.path().startsWith("/media/")) {
                resultHostRequests.add(request);
            } else if (request.method().equals("POST") && request.path().startsWith("/v1/")) {
                klingCreateRequests.add(request);
            }
            return next.handle(request);
        });
        app = HttpFlow.app(dsl, KlingBackend.using(simulator), "127.0.0.1", 0)
                .property("camel.component.kling.pollInterval", 50)
                .property("camel.component.kling.maxPollInterval", 250)
                .start();
        baseUrl = baseUrlOf(app);
    }

    @AfterParameterizedClassInvocation
    static void stopFlow() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            app = null;
            if (simulator != null) {
                simulator.close();
                simulator = null;
            }
            resultHostRequests.clear();
            klingCreateRequests.clear();
        }
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void jobIsAcceptedPolledUntilSucceedAndItsVideoStreamedWithoutAnyCredential() throws Exception {
        HttpResponse<String> accepted = send(post("/jobs", """
                {"kind": "text2video", "prompt": "A red fox trotting through fresh snow at dawn",
                 "aspectRatio": "16:9", "duration": 5}""")
                .header("Authorization", "Bearer " + CLIENT_TOKEN).header("X-Trace", "trace-1"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertJson(accepted);
        Map<String, Object> job = json(accepted);
        String taskId = (String) job.get("taskId");
        assertThat(taskId).isNotBlank();
        assertThat(job.get("status")).isIn("submitted", "processing");
        assertThat(job.get("statusUrl")).isEqualTo("/jobs/text2video/" + taskId);
        assertThat(accepted.headers().firstValue("Location")).contains("/jobs/text2video/" + taskId);
        assertNothingEchoed(accepted);

        Map<String, Object> done = awaitFinal("/jobs/text2video/" + taskId);
        assertThat(done.get("status")).isEqualTo("succeed");
        assertThat(done.get("statusMessage")).isEqualTo("");
        assertThat((List<?>) done.get("resultUrls")).singleElement().asString().startsWith(simulator.baseUrl() + "/media/");
        assertThat((List<Object>) done.get("downloadUrls")).containsExactly("/jobs/text2video/" + taskId + "/result?index=0");

        resultHostRequests.clear();
        HttpResponse<byte[]> result = HTTP.send(get("/jobs/text2video/" + taskId + "/result?index=0")
                .header("Authorization", "Bearer " + CLIENT_TOKEN).header("X-Trace", "trace-2")
                .header("Idempotency-Key", "not-for-the-result-host").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(result.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).contains(taskId + "-0.mp4"));
        assertThat(new String(result.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertNothingEchoed(result);

        assertThat(resultHostRequests).singleElement().satisfies(request -> {
            assertThat(request.headers().keySet()).doesNotContain("authorization", "x-trace", "idempotency-key", "location")
                    .noneMatch(name -> name.startsWith("camel") || name.startsWith("kling") || name.equals("kind")
                                       || name.equals("taskid") || name.equals("index"));
            String everyValue = request.headers().values().toString();
            assertThat(everyValue).doesNotContain(CLIENT_TOKEN, simulator.accessKey(), simulator.secretKey(), "Bearer");
        });
    }

    @Test
    void theSameJobPostedAgainAnswersTheSameTaskAndIsBilledOnce() throws Exception {
        String jobId = "order-" + dsl + "-" + UUID.randomUUID();
        String job = """
                {"kind": "text2video", "prompt": "A lighthouse in a storm", "jobId": "%s"}""".formatted(jobId);
        int createdBefore = simulator.createdTaskCount();

        Map<String, Object> first = json(expectStatus(send(post("/jobs", job)), 202));
        int createsSent = klingCreateRequests.size();
        Map<String, Object> retried = json(expectStatus(send(post("/jobs", job)), 202));

        assertThat(retried.get("taskId")).isEqualTo(first.get("taskId"));
        assertThat(retried.get("jobId")).isEqualTo(jobId);
        assertThat(simulator.tasksByExternalId(jobId)).isEqualTo(1);
        assertThat(klingCreateRequests).as("the retry is answered by a lookup, without a create").hasSize(createsSent);

        // the same key as an Idempotency-Key header, from clients retrying concurrently
        String key = "key-" + dsl + "-" + UUID.randomUUID();
        List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            concurrent.add(HTTP.sendAsync(post("/jobs", """
                    {"kind": "text2video", "prompt": "A paper boat on a river"}""")
                    .header("Idempotency-Key", key).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Set<Object> taskIds = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> answer : concurrent) {
            taskIds.add(json(expectStatus(answer.join(), 202)).get("taskId"));
        }
        assertThat(taskIds).hasSize(1);
        assertThat(simulator.tasksByExternalId(key)).isEqualTo(1);
        assertThat(simulator.createdTaskCount()).isEqualTo(createdBefore + 2);
    }

    @Test
    void afterARestartTheSameJobIdFindsItsTaskInsteadOfCreatingAnother() throws Exception {
        String jobId = "restart-" + dsl + "-" + UUID.randomUUID();
        String job = """
                {"kind": "text2video", "prompt": "A kite over the dunes", "jobId": "%s"}""".formatted(jobId);
        Object taskId = json(expectStatus(send(post("/jobs", job)), 202)).get("taskId");

        // a new instance of the flow (a restart, or a second replica): it keeps nothing, Kling has the task
        try (FlowApp restarted = HttpFlow.app(dsl, KlingBackend.using(simulator), "127.0.0.1", 0).start()) {
            String restartedBase = baseUrlOf(restarted);
            int createsSent = klingCreateRequests.size();
            HttpResponse<String> again = send(postTo(restartedBase, "/jobs", job));
            assertThat(json(expectStatus(again, 202)).get("taskId")).isEqualTo(taskId);
            assertThat(klingCreateRequests).hasSize(createsSent);

            HttpResponse<String> status = send(getFrom(restartedBase, "/jobs/text2video/" + taskId));
            assertThat(json(expectStatus(status, 200))).containsEntry("jobId", jobId);
        }
        assertThat(simulator.tasksByExternalId(jobId)).isEqualTo(1);
    }

    static Stream<Arguments> invalidJobs() {
        return Stream.of(
                Arguments.of("a bad aspect ratio, by option name",
                        "{\"kind\": \"text2video\", \"prompt\": \"A fox\", \"aspectRatio\": \"7:5\"}", null, "aspectRatio", "aspect_ratio"),
                Arguments.of("a bad aspect ratio, by Kling name",
                        "{\"kind\": \"text2video\", \"prompt\": \"A fox\", \"aspect_ratio\": \"7:5\"}", null, "aspect_ratio", "16:9"),
                Arguments.of("a bad duration",
                        "{\"kind\": \"text2video\", \"prompt\": \"A fox\", \"duration\": 7}", null, "duration", "duration"),
                Arguments.of("a prompt too long",
                        "{\"kind\": \"text2video\", \"prompt\": \"" + "x".repeat(2501) + "\"}", null, "prompt", "2500"),
                Arguments.of("no prompt",
                        "{\"kind\": \"text2video\", \"duration\": 5}", null, "prompt", "prompt"),
                Arguments.of("an unknown field",
                        "{\"kind\": \"text2video\", \"prompt\": \"A fox\", \"colour\": \"red\"}", null, "colour", "colour"),
                Arguments.of("an unknown kind",
                        "{\"kind\": \"text2music\", \"prompt\": \"A fox\"}", null, "kind", "text2music"),
                Arguments.of("no kind",
                        "{\"prompt\": \"A fox\"}", null, "kind", "kind"),
                Arguments.of("malformed JSON",
                        "{\"kind\": \"text2video\", \"prompt\": ", null, "body", "JSON"),
                Arguments.of("a JSON array",
                        "[{\"kind\": \"text2video\"}]", null, "body", "JSON"),
                Arguments.of("an empty body",
                        "", null, "body", "JSON"),
                Arguments.of("a jobId that is not a string",
                        "{\"kind\": \"text2video\", \"prompt\": \"A fox\", \"jobId\": 42}", null, "jobId", "string"),
                Arguments.of("a jobId that differs from the Idempotency-Key",
                        "{\"kind\": \"text2video\", \"prompt\": \"A fox\", \"jobId\": \"a\"}", "b", "jobId", "Idempotency-Key"),
                Arguments.of("an all-digit Idempotency-Key (it could be taken for a task id)",
                        "{\"kind\": \"text2video\", \"prompt\": \"A fox\"}", "12345678901234567890", "Idempotency-Key", "external_task_id"),
                Arguments.of("a jobId for a kind Kling cannot look up by it",
                        "{\"kind\": \"imageGeneration\", \"prompt\": \"A fox\", \"jobId\": \"img-1\"}", null, "jobId", "imageGeneration"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidJobs")
    void aBadJobIsRefusedNamingTheFieldAndNothingIsSent(String name, String body, String idempotencyKey,
            String field, String mentioned) throws Exception {
        int createdBefore = simulator.createdTaskCount();
        HttpRequest.Builder request = post("/jobs", body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> refused = send(request);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertJson(refused);
        Map<String, Object> error = json(refused);
        assertThat(error.get("field")).isEqualTo(field);
        assertThat((String) error.get("message")).contains(mentioned);
        assertNoStackTrace(refused);
        assertThat(simulator.createdTaskCount()).isEqualTo(createdBefore);
    }

    @Test
    void anUnknownTaskIs404AndABadPathIs400() throws Exception {
        HttpResponse<String> unknown = send(get("/jobs/text2video/999999999999999999"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertJson(unknown);
        assertThat(json(unknown)).containsEntry("error", "not_found").containsEntry("klingCode", 1203);
        assertNoStackTrace(unknown);

        assertThat(send(get("/jobs/text2video/999999999999999999/result")).statusCode()).isEqualTo(404);

        HttpResponse<String> badKind = send(get("/jobs/text2music/123"));
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(json(badKind)).containsEntry("field", "kind");

        HttpResponse<String> badId = send(get("/jobs/text2video/not%20an%20id"));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(json(badId)).containsEntry("field", "taskId");
    }

    @Test
    void aFailedTaskReportsKlingsMessageAndHasNoResult() throws Exception {
        Map<String, Object> accepted = json(expectStatus(send(post("/jobs", """
                {"kind": "text2video", "prompt": "A storm over the sea [[fail]]"}""")), 202));

        Map<String, Object> done = awaitFinal((String) accepted.get("statusUrl"));
        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("statusMessage")).isEqualTo("Failure to pass the risk control system");
        assertThat((List<?>) done.get("resultUrls")).isEmpty();

        HttpResponse<String> noResult = send(get(accepted.get("statusUrl") + "/result"));
        assertThat(noResult.statusCode()).isEqualTo(409);
        assertThat((String) json(noResult).get("message")).contains("Failure to pass the risk control system");
    }

    @Test
    void anImageJobServesEachOfItsResults() throws Exception {
        Map<String, Object> accepted = json(expectStatus(send(post("/jobs", """
                {"kind": "imageGeneration", "prompt": "A poster of a red fox", "n": 2, "aspectRatio": "1:1"}""")), 202));
        String statusUrl = (String) accepted.get("statusUrl");
        assertThat(statusUrl).startsWith("/jobs/imageGeneration/");

        Map<String, Object> done = awaitFinal(statusUrl);
        assertThat(done.get("status")).isEqualTo("succeed");
        assertThat((List<?>) done.get("downloadUrls")).hasSize(2);

        HttpResponse<byte[]> second = HTTP.send(get(statusUrl + "/result?index=1").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(second.body()))).isNotNull();

        HttpResponse<String> beyond = send(get(statusUrl + "/result?index=2"));
        assertThat(beyond.statusCode()).isEqualTo(404);
        assertThat(json(beyond)).containsEntry("field", "index");
        assertThat(send(get(statusUrl + "/result?index=first")).statusCode()).isEqualTo(400);
    }

    @Test
    void theDownloadPolicyIsTheFlowsOwnAndItsFailuresAreMapped() throws Exception {
        String statusUrl = (String) json(expectStatus(send(post("/jobs", """
                {"kind": "text2video", "prompt": "A train crossing a bridge"}""")), 202)).get("statusUrl");
        assertThat(awaitFinal(statusUrl).get("status")).isEqualTo("succeed");
        // the first download makes the simulator encode the video: done here, with the default timeouts
        assertThat(HTTP.send(get(statusUrl + "/result").build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode())
                .isEqualTo(200);

        simulator.faults().next(FaultMatch.prefix("GET", "/media/"), Fault.before(FaultKind.INTERNAL_ERROR_5000));
        HttpResponse<String> broken = send(get(statusUrl + "/result"));
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(502);
        assertThat(json(broken)).containsEntry("error", "download_failed");
        assertNoStackTrace(broken);

        // the same flow with its own download policy: through a proxy, and giving up on a result host that is slow
        try (RecordingProxy proxy = RecordingProxy.start();
             FlowApp strict = HttpFlow.app(dsl, KlingBackend.using(simulator), "127.0.0.1", 0)
                     .property("http.download.socketTimeout", STRICT_TIMEOUT_MS)
                     .property("http.download.proxyHost", "127.0.0.1")
                     .property("http.download.proxyPort", proxy.port())
                     .start()) {
            HttpResponse<byte[]> viaProxy = HTTP.send(getFrom(baseUrlOf(strict), statusUrl + "/result")
                    .header("Authorization", "Bearer " + CLIENT_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(viaProxy.statusCode()).isEqualTo(200);
            assertThat(new String(viaProxy.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            assertThat(proxy.requests()).singleElement().satisfies(request -> {
                assertThat(request.uri()).startsWith(simulator.baseUrl() + "/media/videos/");
                assertThat(request.headerNames()).doesNotContain("authorization");
            });

            simulator.faults().next(FaultMatch.prefix("GET", "/media/"),
                    Fault.slow(FaultTiming.AFTER, Duration.ofMillis(STRICT_TIMEOUT_MS * 3)));
            HttpResponse<String> tooSlow = send(getFrom(baseUrlOf(strict), statusUrl + "/result"));
            assertThat(tooSlow.statusCode()).as(tooSlow.body()).isEqualTo(504);
            assertThat(json(tooSlow)).containsEntry("error", "download_timeout");
        }
    }

    @Test
    void aLargeResultIsStreamedWhole() throws Exception {
        simulator.largeResultBytes(LARGE_RESULT_BYTES);
        try {
            String statusUrl = (String) json(expectStatus(send(post("/jobs", """
                    {"kind": "text2video", "prompt": "A long, slow pan across a valley"}""")), 202)).get("statusUrl");
            Map<String, Object> done = awaitFinal(statusUrl);
            String resultUrl = (String) ((List<?>) done.get("resultUrls")).get(0);

            byte[] direct = HTTP.send(getFrom(resultUrl, "").build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            HttpResponse<byte[]> streamed = HTTP.send(get(statusUrl + "/result").build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(streamed.statusCode()).isEqualTo(200);
            assertThat(direct.length).isGreaterThanOrEqualTo(LARGE_RESULT_BYTES);
            assertThat(streamed.body()).hasSize(direct.length);
            assertThat(MessageDigest.getInstance("SHA-256").digest(streamed.body()))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(direct));
        } finally {
            simulator.largeResultBytes(0);
        }
    }

    @Test
    void klingBusyIs503WithRetryAfter() throws Exception {
        simulator.faults().rate(1.0, FaultMatch.prefix("GET", "/v1/videos/text2video/"),
                Fault.before(FaultKind.RATE_LIMIT_1302));
        HttpResponse<String> busy = send(get("/jobs/text2video/123456789012345678"));
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(busy)).containsEntry("error", "kling_busy").containsEntry("klingCode", 1302);
    }

    // ---- helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitFinal(String statusUrl) {
        Map<String, Object>[] last = new Map[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = json(expectStatus(send(get(statusUrl)), 200));
            return "succeed".equals(last[0].get("status")) || "failed".equals(last[0].get("status"));
        });
        return last[0];
    }

    private static HttpRequest.Builder post(String path, String json) {
        return postTo(baseUrl, path, json);
    }

    private static HttpRequest.Builder postTo(String base, String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpRequest.Builder get(String path) {
        return getFrom(baseUrl, path);
    }

    private static HttpRequest.Builder getFrom(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private static String baseUrlOf(FlowApp flow) {
        return "http://127.0.0.1:" + HttpFlow.port(flow.context());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expectStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }

    private static void assertJson(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    /** No request header comes back, and no Camel or Kling header leaks out. */
    private static void assertNothingEchoed(HttpResponse<?> response) {
        assertThat(response.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("authorization", "x-trace", "idempotency-key", "kind", "taskid", "index")
                .noneMatch(name -> name.startsWith("camel") || name.startsWith("kling"));
        assertThat(response.headers().map().values().toString()).doesNotContain(CLIENT_TOKEN);
    }

    private static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("\tat ", ".java:", "Exception");
    }

    /**
     * A forward HTTP proxy for tests (plain http, GET only): it records every request it is asked to forward (the
     * absolute URI and the header names) and relays the answer's status, content type and body.
     */
    static final class RecordingProxy implements AutoCloseable {

        record ProxiedRequest(String uri, Set<String> headerNames) {
        }

        private final HttpServer server;
        private final HttpClient client = HttpClient.newHttpClient();
        private final List<ProxiedRequest> requests = new CopyOnWriteArrayList<>();

        private RecordingProxy(HttpServer server) {
            this.server = server;
        }

        static RecordingProxy start() throws IOException {
            RecordingProxy proxy = new RecordingProxy(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            proxy.server.createContext("/", proxy::forward);
            proxy.server.start();
            return proxy;
        }

        int port() {
            return server.getAddress().getPort();
        }

        List<ProxiedRequest> requests() {
            return requests;
        }

        private void forward(HttpExchange exchange) throws IOException {
            URI target = exchange.getRequestURI(); // absolute-form: a client only sends that to a proxy
            requests.add(new ProxiedRequest(target.toString(), exchange.getRequestHeaders().keySet().stream()
                    .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet())));
            try {
                HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(target).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
                exchange.sendResponseHeaders(answer.statusCode(), 0);
                try (InputStream in = answer.body(); OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
