package dev.camelkling.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.callback.StandardWebhookVerifier;
import dev.camelkling.simulator.CallbackDelivery;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.RequestFilter;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The callback consumer behind a real HTTP server (platform-http on Vert.x, in-process on a free port), fed by the
 * simulator's callbacks and by hand-made POSTs.
 */
class KlingCallbackConsumerTest extends CallbackTestSupport {

    private static final String SECRET
            = "whsec_" + Base64.getEncoder().encodeToString("kling-callback-test-secret-32byt".getBytes(StandardCharsets.UTF_8));
    private static final StandardWebhookVerifier SIGNER = new StandardWebhookVerifier(SECRET);

    /**
     * A second Kling whose callbacks are signed with SECRET by the simulator's own Standard Webhooks signer, as Kling
     * does once a webhook secret exists: signing and verifying are independent implementations.
     */
    @RegisterExtension
    static final KlingSimulatorExtension SIGNED_SIM = KlingSimulatorExtension.create(b -> b.webhookSecret(SECRET));

    private static final String T2V_PATH = "/kling/callback/t2v";
    private static final String SIGNED_PATH = "/kling/callback/signed";

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?consumerMode=callback&callbackPath=" + T2V_PATH
                     + "&callbackBaseUrl=https://app.example.com/")
                        .routeId("t2v-callbacks").to("mock:t2v");
                fromF("kling:text2video?consumerMode=callback&callbackPath=%s&webhookSecret=RAW(%s)&baseUrl=%s"
                      + "&accessKey=RAW(%s)&secretKey=RAW(%s)",
                        SIGNED_PATH, SECRET, SIGNED_SIM.baseUrl(), SIGNED_SIM.accessKey(), SIGNED_SIM.secretKey())
                        .routeId("signed-callbacks").to("mock:signed");
                // the default path is /kling/callback/<feature>; only succeed here
                from("kling:imageGeneration?consumerMode=callback&statuses=succeed").routeId("image-callbacks")
                        .to("mock:images");
            }
        };
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String createTask(String prompt, String callbackPath) {
        return template.requestBodyAndHeader("kling:text2video", prompt, KlingConstants.CALLBACK_URL, url(callbackPath),
                KlingTask.class).taskId();
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static List<String> emittedIds(MockEndpoint mock) {
        return mock.getExchanges().stream().map(e -> e.getMessage().getHeader(KlingConstants.TASK_ID, String.class)).toList();
    }

    /** Stays true for a while: nothing more is emitted although callbacks or retries could still cause it. */
    private static void assertStaysEmitted(MockEndpoint mock, List<String> expectedIds) {
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> emittedIds(mock).size() == expectedIds.size());
        assertThat(emittedIds(mock)).containsExactlyInAnyOrderElementsOf(expectedIds);
    }

    @Test
    void eachFinalTaskIsEmittedOnceAlthoughEveryTransitionIsPosted() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:t2v");
        List<String> ids = new ArrayList<>();
        ids.add(createTask("A fox in the snow", T2V_PATH));
        ids.add(createTask("A heron at dawn", T2V_PATH));
        ids.add(createTask("A doomed scene [[fail]]", T2V_PATH));

        await().until(() -> emittedIds(mock).size() == 3);
        // every callback of these tasks was answered 200, and there were several per task
        await().until(() -> ids.stream().allMatch(id -> simulator().taskStatus(id).filter(s -> s.equals("succeed") || s.equals("failed")).isPresent()));
        await().until(() -> simulator().callbackDeliveries().stream().filter(d -> ids.contains(d.taskId()))
                .filter(d -> d.taskStatus().equals("succeed") || d.taskStatus().equals("failed")).count() == 3);
        List<CallbackDelivery> deliveries = simulator().callbackDeliveries();
        assertThat(deliveries).filteredOn(d -> ids.contains(d.taskId())).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(d -> assertThat(d.responseStatus()).isEqualTo(200));
        // a repeated final callback changes nothing
        CallbackDelivery last = deliveries.stream().filter(d -> d.taskId().equals(ids.get(0)) && d.taskStatus().equals("succeed"))
                .findFirst().orElseThrow();
        assertThat(post(T2V_PATH, last.body()).statusCode()).isEqualTo(200);

        assertStaysEmitted(mock, ids);
        Exchange fox = mock.getExchanges().stream()
                .filter(e -> e.getMessage().getHeader(KlingConstants.TASK_ID).equals(ids.get(0))).findFirst().orElseThrow();
        assertThat(fox.getMessage().getBody()).isInstanceOf(KlingTask.class);
        assertThat(fox.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(fox.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class)).hasSize(1);
        Exchange doomed = mock.getExchanges().stream()
                .filter(e -> e.getMessage().getHeader(KlingConstants.TASK_ID).equals(ids.get(2))).findFirst().orElseThrow();
        assertThat(doomed.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("failed");
        assertThat(doomed.getMessage().getHeader(KlingConstants.TASK_STATUS_MESSAGE, String.class)).isNotEmpty();
        // a fresh exchange: nothing of the HTTP request leaks into the route, exactly the polling consumer's headers
        for (Exchange e : mock.getExchanges()) {
            assertThat(e.getMessage().getHeaders().keySet()).allSatisfy(name -> assertThat(name).startsWith("CamelKling"));
            assertThat(e.getMessage().getHeaders().keySet()).containsAll(Set.of(KlingConstants.TASK_ID,
                    KlingConstants.TASK_STATUS, KlingConstants.RESULT_URLS, KlingConstants.CREATED_AT, KlingConstants.UPDATED_AT));
        }
        assertThat(context.getEndpoint("kling:text2video?consumerMode=callback&callbackPath=" + T2V_PATH
                                       + "&callbackBaseUrl=https://app.example.com/", KlingEndpoint.class)
                .getIdempotentRepository().contains(ids.get(0))).isTrue();
    }

    @Test
    void aForgedBodyChangesNothingOnlyWhatTheApiSaysCounts() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:t2v");
        SimulatorTiming timing = simulator().timing();
        String running;
        try {
            simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMinutes(10)));
            running = createTask("A slow glacier", T2V_PATH);
        } finally {
            simulator().timing(timing);
        }
        await().until(() -> simulator().taskStatus(running).orElseThrow().equals("processing"));

        String forged = "{\"task_id\":\"" + running + "\",\"task_status\":\"succeed\",\"task_result\":{\"videos\":"
                        + "[{\"id\":\"v1\",\"url\":\"https://evil.example/forged.mp4\",\"duration\":\"5\"}]},"
                        + "\"created_at\":1,\"updated_at\":2}";
        assertThat(post(T2V_PATH, forged).statusCode()).isEqualTo(200);
        assertThat(post(T2V_PATH, forged).statusCode()).isEqualTo(200);
        assertThat(post(T2V_PATH, "{\"task_id\":\"999999999999999999\",\"task_status\":\"succeed\"}").statusCode())
                .isEqualTo(200);
        assertThat(post(T2V_PATH, "{\"task_id\":\"" + running + "\",\"task_status\":\"failed\"}").statusCode()).isEqualTo(200);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() == 0);

        // the forgeries did not take the task's place: the real final callback still emits it, with the real result
        assertThat(simulator().completeTask(running)).isTrue();
        await().until(() -> emittedIds(mock).equals(List.of(running)));
        KlingTask emitted = mock.getExchanges().get(0).getMessage().getBody(KlingTask.class);
        assertThat(emitted.status().wireValue()).isEqualTo("succeed");
        assertThat(emitted.resultUrls()).singleElement().asString().startsWith(SIM.baseUrl()).doesNotContain("evil");
        assertThat(post(T2V_PATH, forged).statusCode()).isEqualTo(200);
        assertStaysEmitted(mock, List.of(running));
    }

    @Test
    void anAnnouncementAheadOfTheApiIsConfirmedByReadingAgainShortly() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:t2v");
        SimulatorTiming timing = simulator().timing();
        String id;
        try {
            // the task stays unfinished until the test finishes it: no race with a loaded machine
            simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1)));
            // no callback URL: the only announcement is the one posted here, before the API shows the task final
            id = template.requestBody("kling:text2video", "A kettle about to boil", KlingTask.class).taskId();
        } finally {
            simulator().timing(timing);
        }
        assertThat(post(T2V_PATH, "{\"task_id\":\"" + id + "\",\"task_status\":\"succeed\"}").statusCode()).isEqualTo(200);
        assertThat(simulator().taskStatus(id)).hasValueSatisfying(s -> assertThat(s).isNotEqualTo("succeed"));
        simulator().completeTask(id);

        await().atMost(Duration.ofSeconds(8)).until(() -> emittedIds(mock).equals(List.of(id)));
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertStaysEmitted(mock, List.of(id));
    }

    @Test
    void stoppingTheRouteWaitsForATaskBeingConfirmed() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:t2v");
        KlingTask done = template.requestBody("kling:text2video?waitForCompletion=true", "A lantern at dusk", KlingTask.class);
        CountDownLatch readStarted = new CountDownLatch(1);
        CountDownLatch releaseRead = new CountDownLatch(1);
        RequestFilter holdRead = (request, next) -> {
            if (request.method().equals("GET") && request.path().endsWith("/" + done.taskId())) {
                readStarted.countDown();
                try {
                    releaseRead.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return next.handle(request);
        };
        simulator().addRequestFilter(holdRead);
        try {
            assertThat(post(T2V_PATH, "{\"task_id\":\"" + done.taskId() + "\",\"task_status\":\"succeed\"}").statusCode())
                    .isEqualTo(200);
            assertThat(readStarted.await(5, TimeUnit.SECONDS)).isTrue();

            // the callback was answered 200 already: stopping must not lose the task whose read is in flight
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                try {
                    context.getRouteController().stopRoute("t2v-callbacks", 20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> !stopping.isDone());
            releaseRead.countDown();
            stopping.get(20, TimeUnit.SECONDS);
        } finally {
            releaseRead.countDown();
            simulator().removeRequestFilter(holdRead);
        }
        assertThat(emittedIds(mock)).containsExactly(done.taskId());
        assertThat(context.getEndpoint("kling:text2video?consumerMode=callback&callbackPath=" + T2V_PATH
                                       + "&callbackBaseUrl=https://app.example.com/", KlingEndpoint.class)
                .getIdempotentRepository().contains(done.taskId())).isTrue();
    }

    @Test
    void malformedAndOversizedBodiesAreRefusedAndNothingIsEchoed() throws Exception {
        HttpResponse<String> notJson = post(T2V_PATH, "task_id=1".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Probe", "echo-me", "webhook-id", "msg_1"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Probe") || h.equalsIgnoreCase("webhook-id"));
        assertThat(post(T2V_PATH, "{}").statusCode()).isEqualTo(400);
        assertThat(post(T2V_PATH, "[{\"task_id\":\"1\"}]").statusCode()).isEqualTo(400);
        assertThat(post(T2V_PATH, "").statusCode()).isEqualTo(400);

        byte[] huge = new byte[CallbackIntake.MAX_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThat(post(T2V_PATH, huge, Map.of()).statusCode()).isEqualTo(413);

        HttpResponse<String> ok = post(T2V_PATH, "{\"task_id\":\"1\",\"task_status\":\"processing\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Probe", "echo-me"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Probe"));
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url(T2V_PATH))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(getMockEndpoint("mock:t2v").getReceivedCounter()).isZero();
    }

    @Test
    void withAWebhookSecretOnlyCorrectlySignedCallbacksCount() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:signed");
        // a finished task, created without a callback URL: its real body is what a replaying attacker would post
        KlingTask done = template.requestBody("kling:text2video?waitForCompletion=true&baseUrl=" + SIGNED_SIM.baseUrl()
                                              + "&accessKey=RAW(" + SIGNED_SIM.accessKey() + ")&secretKey=RAW("
                                              + SIGNED_SIM.secretKey() + ")",
                "A lighthouse in a storm", KlingTask.class);
        byte[] body = ("{\"task_id\":\"" + done.taskId() + "\",\"task_status\":\"succeed\",\"created_at\":"
                       + done.createdAt() + ",\"updated_at\":" + done.updatedAt() + "}").getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();

        assertThat(post(SIGNED_PATH, body, Map.of()).statusCode()).as("unsigned").isEqualTo(401);
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("not-the-secret-not-the-secret-32".getBytes(StandardCharsets.UTF_8));
        assertThat(post(SIGNED_PATH, body, new StandardWebhookVerifier(otherSecret).signatureHeaders("m1", now, body))
                .statusCode()).as("signed with another secret").isEqualTo(401);
        Map<String, String> signedForOtherBody = SIGNER.signatureHeaders("m2", now, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(post(SIGNED_PATH, body, signedForOtherBody).statusCode()).as("signature of another body").isEqualTo(401);
        assertThat(post(SIGNED_PATH, body, SIGNER.signatureHeaders("m3", now.minusSeconds(301), body)).statusCode())
                .as("replayed after 5 minutes").isEqualTo(401);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() == 0);

        Map<String, String> rotating = Map.of("webhook-id", "m4", "webhook-timestamp", Long.toString(now.getEpochSecond()),
                "webhook-signature", new StandardWebhookVerifier(otherSecret).sign("m4", now.getEpochSecond(), body) + " "
                                     + SIGNER.sign("m4", now.getEpochSecond(), body));
        assertThat(post(SIGNED_PATH, body, rotating).statusCode()).as("signed, during a rotation").isEqualTo(200);
        await().until(() -> emittedIds(mock).equals(List.of(done.taskId())));
    }

    @Test
    void signedCallbacksFromKlingAreAccepted() {
        MockEndpoint mock = getMockEndpoint("mock:signed");
        List<String> ids = new ArrayList<>();
        for (String prompt : List.of("A comet over hills", "A tide pool")) {
            ids.add(template.requestBodyAndHeader("kling:text2video?baseUrl=" + SIGNED_SIM.baseUrl() + "&accessKey=RAW("
                                                  + SIGNED_SIM.accessKey() + ")&secretKey=RAW(" + SIGNED_SIM.secretKey() + ")",
                    prompt, KlingConstants.CALLBACK_URL, url(SIGNED_PATH), KlingTask.class).taskId());
        }

        await().until(() -> SIGNED_SIM.simulator().callbackDeliveries().stream()
                .filter(d -> ids.contains(d.taskId()) && d.taskStatus().equals("succeed")).count() == 2);
        assertThat(SIGNED_SIM.simulator().callbackDeliveries()).filteredOn(d -> ids.contains(d.taskId()))
                .allSatisfy(d -> assertThat(d.responseStatus()).isEqualTo(200));
        await().until(() -> emittedIds(mock).size() == 2);
        assertStaysEmitted(mock, ids);
    }

    @Test
    void statusesAndTheDefaultPathApply() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:images");
        String ok = template.requestBodyAndHeader("kling:imageGeneration", "A red kite", KlingConstants.CALLBACK_URL,
                url("/kling/callback/imageGeneration"), KlingTask.class).taskId();
        String failed = template.requestBodyAndHeader("kling:imageGeneration", "A kite [[fail]]",
                KlingConstants.CALLBACK_URL, url("/kling/callback/imageGeneration"), KlingTask.class).taskId();

        await().until(() -> simulator().callbackDeliveries().stream()
                .filter(d -> d.taskId().equals(failed) && d.taskStatus().equals("failed")).count() == 1);
        await().until(() -> emittedIds(mock).equals(List.of(ok)));
        assertStaysEmitted(mock, List.of(ok));
    }

    @Test
    void aFailedExchangeIsEmittedAgainByALaterCallback() throws Exception {
        context.getRouteController().stopRoute("t2v-callbacks");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/callback/flaky").routeId("flaky")
                        .to("mock:flaky")
                        .process(e -> {
                            if (getMockEndpoint("mock:flaky").getReceivedCounter() == 1) {
                                throw new IllegalStateException("first delivery fails");
                            }
                        });
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:flaky");
        String id = createTask("A stubborn mule", "/kling/callback/flaky");
        await().until(() -> mock.getReceivedCounter() == 1);
        await().until(() -> simulator().callbackDeliveries().stream()
                .anyMatch(d -> d.taskId().equals(id) && d.taskStatus().equals("succeed")));
        CallbackDelivery finalCallback = simulator().callbackDeliveries().stream()
                .filter(d -> d.taskId().equals(id) && d.taskStatus().equals("succeed")).findFirst().orElseThrow();

        // Kling repeats the callback: the task was not committed, so it is emitted again, and then no more
        assertThat(post("/kling/callback/flaky", finalCallback.body()).statusCode()).isEqualTo(200);
        await().until(() -> mock.getReceivedCounter() == 2);
        assertThat(post("/kling/callback/flaky", finalCallback.body()).statusCode()).isEqualTo(200);
        assertStaysEmitted(mock, List.of(id, id));
    }

    /** The URL a producer of this endpoint would look up when it starts. */
    private String forProducer(KlingEndpoint producer) {
        return CallbackUrls.forProducer(producer.getCamelContext(), producer.getKlingFeature(), producer.getConfiguration());
    }

    @Test
    void producersCanDeriveTheCallbackUrlFromTheConsumer() throws Exception {
        KlingEndpoint producer = context.getEndpoint("kling:text2video", KlingEndpoint.class);
        assertThat(forProducer(producer)).isEqualTo("https://app.example.com" + T2V_PATH);

        KlingEndpoint ownBase = context.getEndpoint("kling:text2video?callbackBaseUrl=https://edge.example.com",
                KlingEndpoint.class);
        assertThat(forProducer(ownBase)).isEqualTo("https://edge.example.com" + T2V_PATH);

        // the image consumer has no base URL: nothing to derive
        assertThat(forProducer(context.getEndpoint("kling:imageGeneration", KlingEndpoint.class))).isNull();
        assertThat(forProducer(context.getEndpoint("kling:omniImage", KlingEndpoint.class))).isNull();
        assertThat(forProducer(context.getEndpoint(
                "kling:imageGeneration?callbackBaseUrl=http://10.0.0.7:8080/", KlingEndpoint.class)))
                .isEqualTo("http://10.0.0.7:8080/kling/callback/imageGeneration");

        // a consumer reading another Kling account (the signed route) is not one to send this producer's callbacks to;
        // a producer of that account gets that consumer's path
        assertThat(forProducer(context.getEndpoint("kling:text2video?callbackBaseUrl=https://edge.example.com"
                                                                + "&baseUrl=" + SIGNED_SIM.baseUrl() + "&accessKey=RAW("
                                                                + SIGNED_SIM.accessKey() + ")&secretKey=RAW("
                                                                + SIGNED_SIM.secretKey() + ")", KlingEndpoint.class)))
                .isEqualTo("https://edge.example.com" + SIGNED_PATH);

        // two consumers of one feature and account at different URLs: the producer must say which
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/other&callbackBaseUrl=https://app.example.com")
                        .routeId("other").to("mock:other");
            }
        });
        assertThatThrownBy(() -> forProducer(producer)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/kling/other").hasMessageContaining(T2V_PATH).hasMessageContaining("callbackUrl");
    }

    @Test
    void withoutAnHttpServerComponentTheRouteFailsToStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?consumerMode=callback&callbackComponent=no-such-server").routeId("nowhere")
                        .to("mock:nowhere");
            }
        })).hasStackTraceContaining("no-such-server").hasStackTraceContaining("RestConsumerFactory");
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?consumerMode=push").routeId("bad-mode").to("mock:nowhere");
            }
        })).hasStackTraceContaining("consumerMode must be poll or callback");
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/x&webhookSecret=whsec_not*base64")
                        .routeId("bad-secret").to("mock:nowhere");
            }
        })).hasStackTraceContaining("webhookSecret").hasStackTraceContaining("Base64");
    }

    @Test
    void aProducerWithoutCallbackUrlSendsTheCallbackConsumersPublicUrl() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> sent = new java.util.concurrent.atomic.AtomicReference<>();
        // record the create and refuse it, so no task exists and nothing calls the (non-local) public URL back
        dev.camelkling.simulator.http.RequestFilter capture = (request, next) -> {
            if (request.method().equals("POST") && request.path().equals("/v1/videos/text2video")) {
                sent.set(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
                return dev.camelkling.simulator.http.SimResponse.json(400,
                        "{\"code\":1201,\"message\":\"recorded\",\"request_id\":\"r\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return next.handle(request);
        };
        simulator().addRequestFilter(capture);
        try {
            template.request("kling:text2video", e -> e.getMessage().setBody("Tell me when you are done"));
        } finally {
            simulator().removeRequestFilter(capture);
        }

        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent.get()).get("callback_url").asText())
                .isEqualTo("https://app.example.com/kling/callback/t2v");
    }
}
