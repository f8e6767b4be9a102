package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultInjector;
import dev.camelkling.simulator.fault.FaultKind;
import dev.camelkling.simulator.fault.FaultMatch;
import dev.camelkling.simulator.fault.FaultStats;
import dev.camelkling.simulator.fault.FaultTiming;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Fault injection over HTTP: every kind before and after the handler, script, rate, admin API, counters. */
class FaultInjectionTest {
    static final String T2V = "/v1/videos/text2video";
    static final FaultMatch T2V_CREATES = FaultMatch.prefix("POST", T2V);

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.admin(true).maxConcurrentTasks(2000)
            .additionalAccount("other-ak", "other-sk"));

    @BeforeEach
    void clean() {
        SIM.simulator().faults().clear();
        SIM.simulator().reset();
    }

    private static KlingSimulator sim() {
        return SIM.simulator();
    }

    private static String externalId() {
        return "ext-" + UUID.randomUUID();
    }

    private static HttpResponse<String> rawCreate(HttpClient client, String externalId, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim().baseUrl() + T2V))
                .header("Authorization", "Bearer " + Tokens.valid(sim().accessKey(), sim().secretKey()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(KlingHttp.write(body("prompt", "fault", "external_task_id", externalId))));
        if (timeout != null) {
            request.timeout(timeout);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertCreatedExactlyOnce(String externalId) {
        assertThat(sim().tasksByExternalId(externalId)).isEqualTo(1);
        KlingHttp.Reply found = KlingHttp.withJwt(sim()).get(T2V + "/" + externalId);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.data().get("task_info").get("external_task_id").asText()).isEqualTo(externalId);
    }

    private static void assertNotCreated(String externalId) {
        assertThat(sim().tasksByExternalId(externalId)).isZero();
        KlingHttp.Reply lookup = KlingHttp.withJwt(sim()).get(T2V + "/" + externalId);
        assertThat(lookup.status()).isEqualTo(404);
        assertThat(lookup.code()).isEqualTo(1203);
    }

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @CsvSource({
            "429, 1302, before", "429, 1302, after",
            "429, 1303, before", "429, 1303, after",
            "429, 1102, before", "429, 1102, after",
            "500, 5000, before", "500, 5000, after",
            "503, 5001, before", "503, 5001, after",
            "504, 5002, before", "504, 5002, after"})
    void errorFaultsAnswerTheirEnvelopeAndCreateTheTaskOnlyWhenAfter(int status, int code, String timing) {
        String fault = status + "/" + code + "/" + timing;
        sim().faults().next(T2V_CREATES, Fault.parse(fault));
        String ext = externalId();
        KlingHttp.Reply reply = KlingHttp.withJwt(sim()).post(T2V, body("prompt", "fault", "external_task_id", ext));

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().has("data")).isFalse();
        assertThat(reply.json().get("request_id").asText()).isNotBlank();
        assertThat(reply.headers().firstValue(FaultInjector.FAULT_HEADER)).hasValue(code + "/" + timing);
        if (timing.equals("after")) {
            assertCreatedExactlyOnce(ext);
        } else {
            assertNotCreated(ext);
        }
        FaultStats stats = sim().faults().stats();
        assertThat(stats.injected()).isEqualTo(1);
        assertThat(stats.byFault()).containsExactly(Map.entry(code + "/" + timing, 1L));
        assertThat(stats.byKind()).containsExactly(Map.entry(Integer.toString(code), 1L));
        // the next create is untouched
        assertThat(KlingHttp.withJwt(sim()).post(T2V, body("prompt", "fine")).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(FaultTiming.class)
    void aResetClosesTheConnectionWithoutAnAnswer(FaultTiming timing) throws Exception {
        sim().faults().next(T2V_CREATES, new Fault(FaultKind.CONNECTION_RESET, timing, null));
        String ext = externalId();
        Throwable thrown = catchThrowable(() -> rawCreate(KlingHttp.CLIENT, ext, Duration.ofSeconds(10)));
        assertThat(thrown).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        if (timing == FaultTiming.AFTER) {
            assertCreatedExactlyOnce(ext);
        } else {
            assertNotCreated(ext);
        }
        assertThat(sim().faults().stats().injected(FaultKind.CONNECTION_RESET, timing)).isEqualTo(1);
        // the server keeps serving, on a new connection
        assertThat(rawCreate(KlingHttp.CLIENT, externalId(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSlowResponseAfterTheHandlerOutlastsTheClientTimeoutButTheTaskExists() {
        sim().faults().next(T2V_CREATES, Fault.slow(FaultTiming.AFTER, Duration.ofMillis(800)));
        String ext = externalId();
        assertThatThrownBy(() -> rawCreate(KlingHttp.CLIENT, ext, Duration.ofMillis(200))).isInstanceOf(HttpTimeoutException.class);
        // the handler ran before the delay, so the task exists although the client saw only a timeout
        await().atMost(Duration.ofSeconds(5)).until(() -> sim().tasksByExternalId(ext) == 1);
        assertCreatedExactlyOnce(ext);
    }

    @Test
    void aSlowResponseBeforeTheHandlerCreatesNothingAndEndsIn5002() throws Exception {
        sim().faults().next(T2V_CREATES, Fault.parse("slow/before/300ms"));
        String timedOut = externalId();
        assertThatThrownBy(() -> rawCreate(KlingHttp.CLIENT, timedOut, Duration.ofMillis(100))).isInstanceOf(HttpTimeoutException.class);

        sim().faults().next(T2V_CREATES, Fault.parse("slow/before/300ms"));
        String patient = externalId();
        long start = System.nanoTime();
        HttpResponse<String> late = rawCreate(KlingHttp.CLIENT, patient, Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(late.statusCode()).isEqualTo(504);
        assertThat(KlingHttp.JSON.readTree(late.body()).get("code").asInt()).isEqualTo(5002);
        assertNotCreated(timedOut);
        assertNotCreated(patient);
    }

    @Test
    void aSlowResponseAfterTheHandlerWithinTheClientTimeoutIsTheRealAnswer() throws Exception {
        sim().faults().next(T2V_CREATES, Fault.parse("slow/after/200ms"));
        String ext = externalId();
        long start = System.nanoTime();
        HttpResponse<String> reply = rawCreate(KlingHttp.CLIENT, ext, Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(KlingHttp.JSON.readTree(reply.body()).get("data").get("task_status").asText()).isEqualTo("submitted");
        assertCreatedExactlyOnce(ext);
    }

    @ParameterizedTest
    @EnumSource(FaultTiming.class)
    void malformedJsonIsA200WithABrokenBody(FaultTiming timing) {
        sim().faults().next(T2V_CREATES, new Fault(FaultKind.MALFORMED_JSON, timing, null));
        String ext = externalId();
        KlingHttp.Reply reply = KlingHttp.withJwt(sim()).post(T2V, body("prompt", "fault", "external_task_id", ext));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(reply.body()).startsWith("{");
        assertThatThrownBy(() -> KlingHttp.JSON.readTree(reply.body())).isInstanceOf(IOException.class);
        if (timing == FaultTiming.AFTER) {
            assertCreatedExactlyOnce(ext);
        } else {
            assertNotCreated(ext);
        }
    }

    @Test
    void aScriptHitsExactlyTheNthMatchingRequestInOrder() {
        sim().faults()
                .script(T2V_CREATES, 3, Fault.after(FaultKind.INTERNAL_ERROR_5000))
                .script(T2V_CREATES, 5, Fault.before(FaultKind.RATE_LIMIT_1302))
                .script(FaultMatch.prefix("GET", T2V + "/"), 1, Fault.before(FaultKind.UNAVAILABLE_5001));
        KlingHttp client = KlingHttp.withJwt(sim());
        List<String> ids = List.of(externalId(), externalId(), externalId(), externalId(), externalId(), externalId());
        int[] statuses = new int[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            // lists (GET on the exact path) match neither the create entries nor the get-one entry
            assertThat(client.get(T2V).status()).isEqualTo(200);
            statuses[i] = client.post(T2V, body("prompt", "scripted", "external_task_id", ids.get(i))).status();
        }
        assertThat(statuses).containsExactly(200, 200, 500, 200, 429, 200);
        assertThat(sim().externalIdCounts()).containsOnlyKeys(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(5));
        KlingHttp.Reply first = client.get(T2V + "/" + ids.get(0));
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.code()).isEqualTo(5001);
        assertThat(client.get(T2V + "/" + ids.get(0)).status()).isEqualTo(200);
        assertThat(sim().faults().scriptProgress()).extracting(FaultInjector.ScriptProgress::fired).containsOnly(true);
        assertThat(sim().faults().stats().requests()).isEqualTo(14);
    }

    @Test
    void aSeededRateHitsTheSameRequestsEveryTime() {
        // lists are cheap: 1000 GETs, 20 % of them 1302 before the handler
        int[] first = new int[1000];
        int[] second = new int[1000];
        for (int[] run : List.of(first, second)) {
            sim().faults().clear();
            sim().faults().seed(20240601L).rate(0.2, FaultMatch.exact("GET", T2V), Fault.before(FaultKind.RATE_LIMIT_1302));
            KlingHttp client = KlingHttp.withJwt(sim());
            for (int i = 0; i < run.length; i++) {
                run[i] = client.get(T2V).status();
            }
        }
        long hits = java.util.Arrays.stream(first).filter(s -> s == 429).count();
        assertThat(hits).isEqualTo(209); // java.util.Random(20240601): 209 of 1000 draws below 0.2
        assertThat(second).containsExactly(first);
        assertThat(sim().faults().stats().injected()).isEqualTo(209);
        assertThat(sim().faults().stats().requests()).isEqualTo(1000);
    }

    @Test
    void theAdminApiRoundTripsTheSetupAndReportsCounters() throws Exception {
        String config = """
                {"seed": 7,
                 "rules": [{"method": "GET", "path": "/v1/videos/text2video", "rate": 1.0, "faults": ["5001"]}],
                 "script": [{"method": "POST", "pathPrefix": "/v1/videos/", "nth": 2,
                             "fault": {"kind": "500/5000", "timing": "after"}}]}""";
        JsonNode posted = admin("POST", config);
        assertThat(posted.get("seed").asLong()).isEqualTo(7);
        assertThat(posted.get("rules").get(0).get("faults").get(0).asText()).isEqualTo("5001/before");
        assertThat(posted.get("rules").get(0).get("path").asText()).isEqualTo(T2V);
        assertThat(posted.get("script").get(0).get("fault").asText()).isEqualTo("5000/after");
        assertThat(sim().faults().config().seed()).isEqualTo(7L);

        KlingHttp client = KlingHttp.withJwt(sim());
        assertThat(client.get(T2V).code()).isEqualTo(5001);
        String a = externalId();
        String b = externalId();
        assertThat(client.post(T2V, body("prompt", "one", "external_task_id", a)).status()).isEqualTo(200);
        assertThat(client.post(T2V, body("prompt", "two", "external_task_id", b)).code()).isEqualTo(5000);

        JsonNode state = admin("GET", null);
        assertThat(state.get("counters").get("requests").asLong()).isEqualTo(3);
        assertThat(state.get("counters").get("injected").asLong()).isEqualTo(2);
        assertThat(state.get("counters").get("byFault").get("5000/after").asLong()).isEqualTo(1);
        assertThat(state.get("counters").get("byKind").get("5001").asLong()).isEqualTo(1);
        assertThat(state.get("script").get(0).get("seen").asInt()).isEqualTo(2);
        assertThat(state.get("script").get(0).get("fired").asBoolean()).isTrue();
        assertThat(state.get("tasks").get("created").asInt()).isEqualTo(2);
        assertThat(state.get("tasks").get("distinctExternalIds").asInt()).isEqualTo(2);
        assertThat(state.get("tasks").get("maxPerExternalId").asInt()).isEqualTo(1);
        assertThat(state.get("tasks").get("duplicates").size()).isZero();
        assertThat(state.get("tasks").has("externalIds")).isFalse();
        JsonNode withIds = admin("GET?externalIds=true", null);
        assertThat(withIds.get("tasks").get("externalIds").get(a).asInt()).isEqualTo(1);
        assertThat(withIds.get("tasks").get("externalIds").get(b).asInt()).isEqualTo(1);

        // the GET document can be posted back (progress and counters are ignored on input)
        admin("POST", KlingHttp.write(state));
        assertThat(sim().faults().config().rules()).hasSize(1);
        assertThat(sim().faults().scriptProgress().get(0).seen()).isZero();

        JsonNode cleared = admin("DELETE", null);
        assertThat(cleared.get("rules").size()).isZero();
        assertThat(cleared.get("script").size()).isZero();
        assertThat(cleared.get("counters").get("requests").asLong()).isZero();
        assertThat(client.get(T2V).status()).isEqualTo(200);
    }

    @Test
    void theAdminApiRejectsBadSetupsAndNeedsNoKlingAuth() throws Exception {
        HttpResponse<String> bad = adminRaw("POST", "{\"rules\":[{\"rate\": 2, \"faults\":[\"5000\"]}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(KlingHttp.JSON.readTree(bad.body()).get("error").asText()).contains("rate");
        assertThat(adminRaw("POST", "{\"rules\":[{\"rate\": 0.5, \"faults\":[\"boom\"]}]}").statusCode()).isEqualTo(400);
        assertThat(adminRaw("POST", "not json").statusCode()).isEqualTo(400);
        assertThat(sim().faults().config().isEmpty()).isTrue();
        // faults never apply to the admin path itself
        sim().faults().rate(1.0, FaultMatch.any(), Fault.before(FaultKind.CONNECTION_RESET));
        assertThat(adminRaw("GET", null).statusCode()).isEqualTo(200);
        assertThat(adminRaw("PUT", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theAdminApiIsOffUnlessEnabled() throws Exception {
        try (KlingSimulator plain = KlingSimulator.builder().build().start()) {
            HttpResponse<String> response = KlingHttp.CLIENT.send(
                    HttpRequest.newBuilder(URI.create(plain.baseUrl() + "/__admin/faults")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("404 page not found");
            assertThat(plain.isAdminEnabled()).isFalse();
            assertThat(plain.faults().config().isEmpty()).isTrue();
        }
    }

    @Test
    void matchingSeparatesCreatesFromQueries() {
        sim().faults().rate(1.0, FaultMatch.queries(), Fault.before(FaultKind.TIMEOUT_5002));
        KlingHttp client = KlingHttp.withJwt(sim());
        String ext = externalId();
        assertThat(client.post(T2V, body("prompt", "create passes", "external_task_id", ext)).status()).isEqualTo(200);
        assertThat(client.get(T2V + "/" + ext).code()).isEqualTo(5002);
        assertThat(client.get(T2V).code()).isEqualTo(5002);
        assertThat(sim().faults().stats().requests()).isEqualTo(3);
        assertThat(sim().faults().stats().injected()).isEqualTo(2);
    }

    @Test
    void externalIdCountsSpanAccountsAndReportDuplicates() {
        String shared = externalId();
        String single = externalId();
        KlingHttp primary = KlingHttp.withJwt(sim());
        KlingHttp other = new KlingHttp(KlingHttp.CLIENT, sim().baseUrl(), "Bearer " + Tokens.valid("other-ak", "other-sk"));
        primary.create(T2V, body("prompt", "a", "external_task_id", shared));
        other.create(T2V, body("prompt", "b", "external_task_id", shared));
        primary.create(T2V, body("prompt", "c", "external_task_id", single));
        primary.create(T2V, body("prompt", "no external id"));

        assertThat(sim().externalIdCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(shared, 2, single, 1));
        ExternalIdSummary summary = sim().externalIdSummary();
        assertThat(summary.tasks()).isEqualTo(3);
        assertThat(summary.distinctIds()).isEqualTo(2);
        assertThat(summary.maxPerId()).isEqualTo(2);
        assertThat(summary.duplicates()).containsExactly(Map.entry(shared, 2));
        assertThat(summary.noDuplicates()).isFalse();
    }

    @Test
    void resetKeepsTheSetupButZeroesTheCounters() {
        sim().faults().rate(1.0, FaultMatch.exact("GET", T2V), Fault.before(FaultKind.RATE_LIMIT_1302));
        assertThat(KlingHttp.withJwt(sim()).get(T2V).status()).isEqualTo(429);
        sim().reset();
        assertThat(sim().faults().stats().requests()).isZero();
        assertThat(KlingHttp.withJwt(sim()).get(T2V).status()).isEqualTo(429);
    }

    private static JsonNode admin(String methodAndQuery, String body) throws Exception {
        HttpResponse<String> response = adminRaw(methodAndQuery, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return KlingHttp.JSON.readTree(response.body());
    }

    private static HttpResponse<String> adminRaw(String methodAndQuery, String body) throws Exception {
        int q = methodAndQuery.indexOf('?');
        String method = q < 0 ? methodAndQuery : methodAndQuery.substring(0, q);
        String query = q < 0 ? "" : methodAndQuery.substring(q);
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim().baseUrl() + "/__admin/faults" + query))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return KlingHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
