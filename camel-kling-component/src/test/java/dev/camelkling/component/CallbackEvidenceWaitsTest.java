package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelkling.client.callback.StandardWebhookVerifier;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * callbackGracePeriod (default 1 minute) holds a wait only while verified callbacks of the feature are seen to reach
 * this application: with a public URL Kling cannot reach the waits are read on their normal schedule; once callbacks
 * arrive a wait reads nothing but the one confirming read; when they stop arriving the waits fall back to polling
 * after the grace period; forged callbacks are no evidence.
 */
class CallbackEvidenceWaitsTest extends CallbackTestSupport {

    private static final String SECRET
            = "whsec_" + Base64.getEncoder().encodeToString("callback-evidence-test-secret-32".getBytes(StandardCharsets.UTF_8));
    private static final String T2V = "/v1/videos/text2video";
    private static final String IMAGES = "/v1/images/generations";
    private static final String SIGNED_PATH = "/kling/callback/signed-evidence";
    private static final String LOST_PATH = "/kling/callback/lost-evidence";

    @RegisterExtension
    static final KlingSimulatorExtension SIGNED_SIM = KlingSimulatorExtension.create(b -> b.webhookSecret(SECRET));


    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // callbacks reach this application; the producers keep the default callbackGracePeriod
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/callback/evidence&callbackBaseUrl=http://127.0.0.1:"
                     + port).routeId("reached").to("mock:reached");
                from("direct:reached").to("kling:text2video?waitForCompletion=true").to("mock:reached-waits");
                from("direct:reached-short").to("kling:text2video?waitForCompletion=true&callbackGracePeriod=2s");

                // the public URL is wrong: Kling's callbacks never arrive (its path is still served on this port)
                from("kling:imageGeneration?consumerMode=callback&callbackPath=" + LOST_PATH + "&callbackBaseUrl=http://127.0.0.1:"
                     + deadPort).routeId("lost").to("mock:lost");
                from("direct:lost").to("kling:imageGeneration?waitForCompletion=true");

                // new design (apiKey, kling-3.0): the consumer shares the producer's account
                String newDesign = "&apiKey=RAW(" + API_KEY + ")";
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/callback/new-design-evidence&callbackBaseUrl=http://127.0.0.1:"
                     + port + newDesign).routeId("new-design").to("mock:new-design");
                from("direct:new-design").to("kling:text2video?modelName=kling-3.0&waitForCompletion=true" + newDesign);

                // signed callbacks whose public URL is wrong: only forgeries reach the path
                String signedAccount = "&baseUrl=" + SIGNED_SIM.baseUrl() + "&accessKey=RAW(" + SIGNED_SIM.accessKey()
                                       + ")&secretKey=RAW(" + SIGNED_SIM.secretKey() + ")";
                fromF("kling:text2video?consumerMode=callback&callbackPath=%s&webhookSecret=RAW(%s)&callbackBaseUrl=http://127.0.0.1:%d%s",
                        SIGNED_PATH, SECRET, deadPort, signedAccount).routeId("signed").to("mock:signed");
                from("direct:signed").to("kling:text2video?waitForCompletion=true&callbackGracePeriod=1m" + signedAccount);
            }
        };
    }

    @BeforeEach
    void tasksOfOneAndAHalfSeconds() {
        // long enough that waits read every 50-200 ms (the test's pollInterval) would read each task several times
        timeTasks(SimulatorTiming.of(Duration.ofMillis(100), Duration.ofMillis(1500)));
    }

    @Test
    void withCallbacksThatNeverArriveTheDefaultGraceDelaysNothing() {
        try (TaskReadCounter reads = TaskReadCounter.on(simulator(), IMAGES)) {
            long started = System.currentTimeMillis();
            KlingTask task = succeeded(template.send("direct:lost", e -> e.getMessage().setBody("A lighthouse keeper's cat")));

            assertThat(simulator().callbackDeliveries()).filteredOn(d -> d.taskId().equals(task.taskId()))
                    .isNotEmpty().allSatisfy(d -> assertThat(d.responseStatus()).isNotEqualTo(200));
            // first read near pollInterval (50 ms here), not after the grace period (1 minute by default)
            assertThat(reads.firstGet(task.taskId()) - task.createdAt()).isLessThan(1_000);
            assertThat(reads.gets(task.taskId())).isGreaterThan(1);
            assertThat(System.currentTimeMillis() - started).isLessThan(20_000);
        }
    }

    @Test
    void onceCallbacksArriveAWaitDoesNoStatusPollingAndItsCallbackCompletesIt() {
        succeeded(template.send("direct:reached", e -> e.getMessage().setBody("A warm-up: callbacks reach us")));
        try (TaskReadCounter reads = TaskReadCounter.on(simulator(), T2V)) {
            KlingTask task = succeeded(template.send("direct:reached", e -> e.getMessage().setBody("A heron taking off")));

            assertThat(reads.gets(task.taskId())).as("the one confirming read").isEqualTo(1);
            assertThat(reads.listPages()).isZero();
            assertThat(simulator().callbackDeliveries()).filteredOn(d -> d.taskId().equals(task.taskId()))
                    .extracting(d -> d.responseStatus()).containsOnly(200);
        }
    }

    @Test
    void aFinalCallbackThatArrivesBeforeTheCreatesAnswerEndsTheWaitWithoutSittingOutTheGrace() throws Exception {
        String warmUp = succeeded(template.send("direct:reached", e -> e.getMessage().setBody("A warm-up: callbacks reach us"))).taskId();
        // Kling makes the task but its answer to the create is held until the task's final callback has come and gone
        CountDownLatch answer = new CountDownLatch(1);
        RequestFilter holdCreateAnswer = (request, next) -> {
            var response = next.handle(request);
            if (request.method().equals("POST") && request.path().equals(T2V)) {
                awaitQuietly(answer);
            }
            return response;
        };
        simulator().addRequestFilter(holdCreateAnswer);
        try {
            CompletableFuture<Exchange> wait = template.asyncSend("direct:reached", e -> e.getMessage().setBody("A quick sketch"));
            await().atMost(Duration.ofSeconds(20)).until(() -> simulator().callbackDeliveries().stream()
                    .anyMatch(d -> d.taskStatus().equals("succeed") && d.responseStatus() == 200 && !d.taskId().equals(warmUp)));
            assertThat(wait).as("the create is not answered yet").isNotDone();
            answer.countDown();

            // the callback came before the wait began: the wait reads the task at once, not after the grace (1 minute)
            KlingTask task = succeeded(wait.get(20, TimeUnit.SECONDS));
            assertThat(simulator().callbackDeliveries()).filteredOn(d -> d.taskId().equals(task.taskId()))
                    .anyMatch(d -> d.taskStatus().equals("succeed") && d.responseStatus() == 200);
        } finally {
            answer.countDown();
            simulator().removeRequestFilter(holdCreateAnswer);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWaitsOwnProcessingCallbackIsEvidenceThatHoldsIt() throws Exception {
        timeTasks(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1))); // finishes when the test says
        try (TaskReadCounter reads = TaskReadCounter.on(simulator(), T2V)) {
            CompletableFuture<Exchange> wait = template.asyncSend("direct:reached", e -> e.getMessage().setBody("A slow tide"));
            await().until(() -> simulator().callbackDeliveries().stream()
                    .anyMatch(d -> d.taskStatus().equals("processing") && d.responseStatus() == 200));
            String id = simulator().callbackDeliveries().get(0).taskId();

            int seen = reads.gets(id);
            // at most a read already under way; none after it while the hold lasts
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> reads.gets(id) <= seen + 1);
            int held = reads.gets(id);
            assertThat(simulator().completeTask(id)).isTrue();
            succeeded(wait.get(20, TimeUnit.SECONDS));
            assertThat(reads.gets(id)).as("the confirming read").isEqualTo(held + 1);
        }
    }

    @Test
    void whenCallbacksStopArrivingTheWaitFallsBackToPollingAfterTheGrace() throws Exception {
        succeeded(template.send("direct:reached-short", e -> e.getMessage().setBody("A warm-up: callbacks reach us")));
        context.getRouteController().stopRoute("reached"); // the receiver is gone: callbacks are answered 404 now

        try (TaskReadCounter reads = TaskReadCounter.on(simulator(), T2V)) {
            KlingTask task = succeeded(template.send("direct:reached-short", e -> e.getMessage().setBody("A paper boat")));

            assertThat(simulator().callbackDeliveries()).filteredOn(d -> d.taskId().equals(task.taskId()))
                    .isNotEmpty().allSatisfy(d -> assertThat(d.responseStatus()).isNotEqualTo(200));
            // held while the evidence of the warm-up lasted: nothing read before the grace (2 s) past the create
            assertThat(reads.firstGet(task.taskId())).isGreaterThanOrEqualTo(task.createdAt() + 2_000);
        }
    }

    @Test
    void aNewDesignTaskOfAWaitingProducerCompletesFromItsVerifiedCallbackWithOneConfirmingRead() {
        List<String> reads = new CopyOnWriteArrayList<>();
        RequestFilter recorder = (request, next) -> {
            if (request.path().equals("/tasks")) {
                reads.add(request.method() + " " + request.query());
            }
            return next.handle(request);
        };
        succeeded(template.send("direct:new-design", e -> e.getMessage().setBody("A warm-up: callbacks reach us")));
        simulator().addRequestFilter(recorder);
        try {
            Exchange done = template.send("direct:new-design", e -> e.getMessage().setBody("A lighthouse at dusk"));
            KlingTask task = succeeded(done);

            assertThat(task.design()).isEqualTo(DesignStandard.NEW_DESIGN);
            assertThat(simulator().callbackDeliveries()).filteredOn(d -> d.taskId().equals(task.taskId()))
                    .isNotEmpty().extracting(d -> d.responseStatus()).containsOnly(200);
            assertThat(reads).as("one confirming GET /tasks, no polling").singleElement().asString()
                    .startsWith("GET").contains(task.taskId());
            await().atMost(Duration.ofSeconds(5)).until(() -> getMockEndpoint("mock:new-design").getExchanges().stream()
                    .anyMatch(e -> task.taskId().equals(e.getMessage().getHeader(KlingConstants.TASK_ID))));
        } finally {
            simulator().removeRequestFilter(recorder);
        }
    }

    @Test
    void forgedCallbacksAreNoEvidence() throws Exception {
        KlingSimulator signed = SIGNED_SIM.simulator();
        SimulatorTiming signedTiming = signed.timing();
        signed.timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1))); // finishes when the test says
        try (TaskReadCounter signedReads = TaskReadCounter.on(signed, T2V);
             TaskReadCounter imageReads = TaskReadCounter.on(simulator(), IMAGES)) {
            // a signed consumer refuses unsigned and wrongly signed callbacks, even for a real task id
            CompletableFuture<Exchange> wait = template.asyncSend("direct:signed", e -> e.getMessage().setBody("A slow sunrise"));
            await().until(() -> !signed.callbackDeliveries().isEmpty());
            String id = signed.callbackDeliveries().get(0).taskId();
            byte[] forged = ("{\"task_id\":\"" + id + "\",\"task_status\":\"processing\"}").getBytes(StandardCharsets.UTF_8);
            String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("not-the-secret-not-the-secret-32".getBytes(StandardCharsets.UTF_8));
            assertThat(postCallback(SIGNED_PATH, forged, Map.of())).as("unsigned").isEqualTo(401);
            assertThat(postCallback(SIGNED_PATH, forged, new StandardWebhookVerifier(otherSecret).signatureHeaders("f1", Instant.now(), forged)))
                    .as("signed with another secret").isEqualTo(401);
            // so the wait is polled (a hold would read nothing for an hour and a minute)
            await().atMost(Duration.ofSeconds(5)).until(() -> signedReads.gets(id) >= 2);
            assertThat(signed.completeTask(id)).isTrue();
            succeeded(wait.get(20, TimeUnit.SECONDS));

            // an unsigned consumer accepts any well-formed body, but one naming tasks nobody here created vouches for nothing
            for (int i = 0; i < 3; i++) {
                byte[] made = ("{\"task_id\":\"forged-" + i + "\",\"task_status\":\"processing\"}").getBytes(StandardCharsets.UTF_8);
                assertThat(postCallback(LOST_PATH, made, Map.of())).isEqualTo(200);
            }
            KlingTask image = succeeded(template.send("direct:lost", e -> e.getMessage().setBody("A fox in snow")));
            assertThat(imageReads.firstGet(image.taskId()) - image.createdAt()).isLessThan(1_000);
        } finally {
            signed.timing(signedTiming);
        }
    }
}
