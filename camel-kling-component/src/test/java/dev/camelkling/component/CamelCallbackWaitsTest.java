package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelkling.client.callback.StandardWebhookVerifier;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskFailedException;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Producers waiting for tasks whose callbacks come to a callback consumer of the same CamelContext (the callback URL
 * derived from it): the verified callback completes the wait with the one read that confirms it, and a callback
 * that does not come leaves the task to polling after callbackGracePeriod.
 */
class CamelCallbackWaitsTest extends CallbackTestSupport {

    private static final String SECRET
            = "whsec_" + Base64.getEncoder().encodeToString("callback-waits-test-secret-32byt".getBytes(StandardCharsets.UTF_8));

    /** A Kling that signs its callbacks with SECRET, as Kling does once a webhook secret exists. */
    @RegisterExtension
    static final KlingSimulatorExtension SIGNED_SIM = KlingSimulatorExtension.create(b -> b.webhookSecret(SECRET));

    private static final String T2V_LIST = "/v1/videos/text2video";
    private static final String SIGNED_PATH = "/kling/callback/signed-waits";


    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/callback/waits&callbackBaseUrl=http://127.0.0.1:"
                     + port).routeId("callbacks").to("mock:callbacks");
                from("direct:wait").to("kling:text2video?waitForCompletion=true&callbackGracePeriod=1m").to("mock:waited");

                // the public URL is wrong: Kling's callbacks never arrive
                from("kling:imageGeneration?consumerMode=callback&callbackBaseUrl=http://127.0.0.1:" + deadPort)
                        .routeId("lost-callbacks").to("mock:lost-callbacks");
                from("direct:lost").to("kling:imageGeneration?waitForCompletion=true&callbackGracePeriod=2s").to("mock:lost");

                String signedAccount = "&baseUrl=" + SIGNED_SIM.baseUrl() + "&accessKey=RAW(" + SIGNED_SIM.accessKey()
                                       + ")&secretKey=RAW(" + SIGNED_SIM.secretKey() + ")";
                fromF("kling:text2video?consumerMode=callback&callbackPath=%s&webhookSecret=RAW(%s)&callbackBaseUrl=http://127.0.0.1:%d%s",
                        SIGNED_PATH, SECRET, port, signedAccount).routeId("signed-callbacks").to("mock:signed-callbacks");
                from("direct:signed").to("kling:text2video?waitForCompletion=true&callbackGracePeriod=1m" + signedAccount)
                        .to("mock:signed");
            }
        };
    }

    private static String taskId(Exchange exchange) {
        return exchange.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
    }

    @Test
    void theCallbackCompletesEachWaitWithTheOneReadThatConfirmsIt() throws Exception {
        SimulatorTiming timing = simulator().timing();
        // long enough that waits polling every 50-200 ms (the test's pollInterval) would read each task many times
        simulator().timing(SimulatorTiming.of(Duration.ofMillis(100), Duration.ofMillis(1500)));
        // a first task shows that callbacks reach this application: only then does callbackGracePeriod hold waits
        String warmUp = taskId(template.send("direct:wait", e -> e.getMessage().setBody("A warm-up")));
        try (TaskReadCounter reads = TaskReadCounter.on(simulator(), T2V_LIST)) {
            List<CompletableFuture<Exchange>> waits = new ArrayList<>();
            for (String prompt : List.of("A heron taking off", "Rain on a tin roof", "A paper boat")) {
                waits.add(template.asyncSend("direct:wait", e -> e.getMessage().setBody(prompt)));
            }
            CompletableFuture<Exchange> doomed = template.asyncSend("direct:wait", e -> e.getMessage().setBody("A doomed scene [[fail]]"));
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            Exchange failed = doomed.get(20, TimeUnit.SECONDS);

            List<String> ids = new ArrayList<>();
            for (CompletableFuture<Exchange> wait : waits) {
                Exchange done = wait.join();
                assertThat(done.getException()).isNull();
                assertThat(done.getMessage().getBody(KlingTask.class).status().wireValue()).isEqualTo("succeed");
                ids.add(taskId(done));
            }
            // a task that fails ends its wait the same way, with the failure
            assertThat(failed.getException()).isInstanceOf(KlingTaskFailedException.class);
            String failedId = failed.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
            assertThat(failed.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("failed");
            assertThat(reads.gets(failedId)).as("reads of the failed task").isEqualTo(1);
            for (String id : ids) {
                assertThat(reads.gets(id)).as("reads of task %s", id).isEqualTo(1);
            }
            assertThat(reads.listPages()).isZero();
            assertThat(simulator().callbackDeliveries()).filteredOn(d -> d.taskStatus().equals("succeed") && !d.taskId().equals(warmUp))
                    .extracting(d -> d.taskId()).containsExactlyInAnyOrderElementsOf(ids);

            // one exchange out of each producer call; the callback consumer still emits each task once
            MockEndpoint waited = getMockEndpoint("mock:waited");
            MockEndpoint emitted = getMockEndpoint("mock:callbacks");
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> waited.getReceivedCounter() == 4 && emitted.getReceivedCounter() == 5);
            assertThat(waited.getExchanges()).extracting(CamelCallbackWaitsTest::taskId).filteredOn(id -> !id.equals(warmUp))
                    .containsExactlyInAnyOrderElementsOf(ids);
            List<String> all = new ArrayList<>(ids);
            all.add(failedId);
            all.add(warmUp);
            assertThat(emitted.getExchanges()).extracting(CamelCallbackWaitsTest::taskId).containsExactlyInAnyOrderElementsOf(all);
            for (String id : ids) {
                assertThat(reads.gets(id)).as("reads of task %s", id).isEqualTo(1);
            }
        } finally {
            simulator().timing(timing);
        }
    }

    @Test
    void aCallbackThatNeverComesLeavesTheTaskToPollingAfterTheGracePeriod() throws Exception {
        showThatCallbacksReachTheLostConsumer();
        try (TaskReadCounter reads = TaskReadCounter.on(simulator(), "/v1/images/generations")) {
            Exchange done = template.send("direct:lost", e -> e.getMessage().setBody("A lighthouse keeper's cat"));

            assertThat(done.getException()).isNull();
            KlingTask task = done.getMessage().getBody(KlingTask.class);
            assertThat(task.status().wireValue()).isEqualTo("succeed");
            assertThat(simulator().callbackDeliveries()).filteredOn(d -> d.taskId().equals(task.taskId()))
                    .isNotEmpty().allSatisfy(d -> assertThat(d.responseStatus()).isNotEqualTo(200));
            // nothing was read while the callback could still come (2 s after the create: nothing learned yet)
            assertThat(reads.firstGet(task.taskId())).isGreaterThanOrEqualTo(task.createdAt() + 2_000);
            assertThat(reads.gets(task.taskId())).isBetween(1, 2);
            assertThat(getMockEndpoint("mock:lost").getReceivedCounter()).isEqualTo(1);
        }
    }

    /**
     * The grace period holds waits only while callbacks are seen to reach the application: a warm-up task's own
     * "processing" callback, which Kling could not deliver to the wrong public URL, is delivered to the consumer's path
     * as a proxy would, while the warm-up is waited for. Callbacks of later tasks are lost again.
     */
    private void showThatCallbacksReachTheLostConsumer() throws Exception {
        SimulatorTiming timing = simulator().timing();
        simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1)));
        try {
            CompletableFuture<Exchange> warmUp = template.asyncSend("direct:lost", e -> e.getMessage().setBody("A warm-up"));
            await().until(() -> !simulator().callbackDeliveries().isEmpty());
            var delivery = simulator().callbackDeliveries().get(0);
            assertThat(postCallback(URI.create(delivery.url()).getPath(), delivery.body().getBytes(StandardCharsets.UTF_8),
                    Map.of())).isEqualTo(200);
            assertThat(simulator().completeTask(delivery.taskId())).isTrue();
            assertThat(warmUp.get(20, TimeUnit.SECONDS).getException()).isNull();
            getMockEndpoint("mock:lost").reset();
        } finally {
            simulator().timing(timing);
        }
    }

    @Test
    void aForgedCallbackDoesNotCompleteTheWaitASignedOneDoes() throws Exception {
        KlingSimulator signed = SIGNED_SIM.simulator();
        SimulatorTiming timing = signed.timing();
        signed.timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1))); // finishes when the test says
        // a first task's signed callbacks show that callbacks reach this application: only then is a wait held
        CompletableFuture<Exchange> warmUp = template.asyncSend("direct:signed", e -> e.getMessage().setBody("A warm-up"));
        await().until(() -> !signed.callbackDeliveries().isEmpty());
        String warmUpId = signed.callbackDeliveries().get(0).taskId();
        assertThat(signed.completeTask(warmUpId)).isTrue();
        assertThat(warmUp.get(20, TimeUnit.SECONDS).getException()).isNull();
        getMockEndpoint("mock:signed").reset();
        try (TaskReadCounter reads = TaskReadCounter.on(signed, T2V_LIST)) {
            CompletableFuture<Exchange> wait = template.asyncSend("direct:signed", e -> e.getMessage().setBody("A slow sunrise"));
            // "processing", signed: answered, nothing to confirm
            await().until(() -> signed.callbackDeliveries().stream().anyMatch(d -> !d.taskId().equals(warmUpId)));
            String id = signed.callbackDeliveries().stream().filter(d -> !d.taskId().equals(warmUpId)).findFirst().orElseThrow().taskId();

            byte[] forged = ("{\"task_id\":\"" + id + "\",\"task_status\":\"succeed\",\"task_result\":{\"videos\":[{\"id\":\"v\","
                             + "\"url\":\"https://evil.example/forged.mp4\",\"duration\":\"5\"}]}}").getBytes(StandardCharsets.UTF_8);
            String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("not-the-secret-not-the-secret-32".getBytes(StandardCharsets.UTF_8));
            assertThat(postCallback(SIGNED_PATH, forged, Map.of())).as("unsigned").isEqualTo(401);
            assertThat(postCallback(SIGNED_PATH, forged, new StandardWebhookVerifier(otherSecret).signatureHeaders("f1", Instant.now(), forged)))
                    .as("signed with another secret").isEqualTo(401);
            String taskId = id;
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> !wait.isDone() && reads.gets(taskId) == 0);

            // Kling's own signed callback completes it, with the API's result
            assertThat(signed.completeTask(id)).isTrue();
            Exchange done = wait.get(20, TimeUnit.SECONDS);
            assertThat(done.getException()).isNull();
            KlingTask task = done.getMessage().getBody(KlingTask.class);
            assertThat(task.taskId()).isEqualTo(id);
            assertThat(task.resultUrls()).singleElement().asString().startsWith(signed.baseUrl());
            assertThat(reads.gets(id)).isEqualTo(1);
            assertThat(getMockEndpoint("mock:signed").getReceivedCounter()).isEqualTo(1);
        } finally {
            signed.timing(timing);
        }
    }

    @Test
    void aNegativeGracePeriodIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("kling:text2video?waitForCompletion=true&callbackGracePeriod=-1"))
                .hasStackTraceContaining("callbackGracePeriod must not be negative");
    }
}
