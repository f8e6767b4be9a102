package dev.camelkling.client.wait;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.KlingVideo;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.RequestFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link KlingClient#callbackReceived}: a verified callback completes a wait with one read of the API; a forged one
 * does not complete it; without a callback the wait falls back to polling after the grace period.
 */
class CallbackCompletedWaitsTest {

    private static final WaitPolicy QUICK = new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(60));
    private static final Duration NEVER = Duration.ofHours(1);

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.timing(SimulatorTiming.FAST));

    private final List<String> reads = new CopyOnWriteArrayList<>();
    private final RequestFilter recorder = (request, next) -> {
        if (request.method().equals("GET") && request.path().startsWith("/v1/")) {
            reads.add(request.path());
        }
        return next.handle(request);
    };
    private KlingClient client;

    @BeforeEach
    void setUp() {
        SIM.simulator().reset();
        SIM.simulator().addRequestFilter(recorder);
    }

    @AfterEach
    void tearDown() {
        client.close();
        SIM.simulator().removeRequestFilter(recorder);
        SIM.simulator().timing(SimulatorTiming.FAST);
    }

    private KlingClient client(Duration gracePeriod) {
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).accessKey(SIM.accessKey(), SIM.secretKey())
                .callbackGracePeriod(gracePeriod).build());
        return client;
    }

    private KlingRequest withCallback(String prompt) {
        return KlingRequests.text2video().prompt(prompt).callbackUrl(SIM.baseUrl() + "/callbacks/nobody-listens").build();
    }

    @Test
    void aVerifiedFinalCallbackCompletesTheWaitWithOneReadAndNoPolling() throws Exception {
        client(Duration.ofHours(1));
        KlingTask created = value(client.create(withCallback("Called back")));
        client.callbackReceived(KlingFeature.TEXT2VIDEO, task(created.taskId(), KlingTaskStatus.PROCESSING, "https://x.example/p.mp4")); // callbacks reach us
        CompletableFuture<KlingTask> waiting = client.awaitCompletion(KlingFeature.TEXT2VIDEO, created.taskId(), QUICK);
        await().atMost(Duration.ofSeconds(10)).until(() -> SIM.simulator().taskStatus(created.taskId()).orElse("").equals("succeed"));
        assertThat(reads).as("status reads while the callback was awaited").isEmpty();

        boolean waited = client.callbackReceived(KlingFeature.TEXT2VIDEO, task(created.taskId(), KlingTaskStatus.SUCCEED, "https://cdn.example/x.mp4"));

        KlingTask done = value(waiting);
        assertThat(waited).isTrue();
        assertThat(done.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(done.resultUrls()).singleElement().asString().startsWith(SIM.baseUrl());
        assertThat(reads).containsExactly("/v1/videos/text2video/" + created.taskId());
    }

    @Test
    void confirmingACallbackReadsTheTaskOnceWithTheWaitForItOrAloneWithoutOne() throws Exception {
        client(Duration.ofHours(1));
        KlingTask waitedFor = value(client.create(withCallback("Confirmed with its wait")));
        KlingTask alone = value(client.create(withCallback("Confirmed alone")));
        client.callbackReceived(KlingFeature.TEXT2VIDEO, task(waitedFor.taskId(), KlingTaskStatus.PROCESSING, "https://x.example/p.mp4")); // callbacks reach us
        CompletableFuture<KlingTask> waiting = client.awaitCompletion(KlingFeature.TEXT2VIDEO, waitedFor.taskId(), QUICK);
        for (KlingTask task : List.of(waitedFor, alone)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> SIM.simulator().taskStatus(task.taskId()).orElse("").equals("succeed"));
        }
        assertThat(reads).as("status reads while the callback was awaited").isEmpty();

        KlingTask confirmed = value(client.confirm(KlingFeature.TEXT2VIDEO, task(waitedFor.taskId(), KlingTaskStatus.SUCCEED, "https://forged.example/x.mp4")));
        assertThat(confirmed.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(confirmed.resultUrls()).singleElement().asString().startsWith(SIM.baseUrl()); // the API's word, not the callback's
        assertThat(value(waiting)).isEqualTo(confirmed);
        assertThat(reads).as("one read for the confirmation and the wait").containsExactly("/v1/videos/text2video/" + waitedFor.taskId());

        KlingTask confirmedAlone = value(client.confirm(KlingFeature.TEXT2VIDEO, task(alone.taskId(), KlingTaskStatus.SUCCEED, "https://forged.example/y.mp4")));
        assertThat(confirmedAlone.resultUrls()).singleElement().asString().startsWith(SIM.baseUrl());
        assertThat(reads).hasSize(2).last().isEqualTo("/v1/videos/text2video/" + alone.taskId());
    }

    @Test
    void aForgedFinalCallbackForARunningTaskDoesNotCompleteTheWait() throws Exception {
        client(Duration.ofHours(1));
        SIM.simulator().timing(SimulatorTiming.of(NEVER, NEVER));
        KlingTask created = value(client.create(withCallback("Forged")));
        client.callbackReceived(KlingFeature.TEXT2VIDEO, task(created.taskId(), KlingTaskStatus.PROCESSING, "https://x.example/p.mp4")); // callbacks reach us
        CompletableFuture<KlingTask> waiting = client.awaitCompletion(KlingFeature.TEXT2VIDEO, created.taskId(), QUICK);

        client.callbackReceived(KlingFeature.TEXT2VIDEO, task(created.taskId(), KlingTaskStatus.SUCCEED, "https://forged.example/x.mp4"));
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.size() == 1); // the one re-read
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

        SIM.simulator().completeTask(created.taskId());
        client.callbackReceived(KlingFeature.TEXT2VIDEO, task(created.taskId(), KlingTaskStatus.SUCCEED, "https://forged.example/x.mp4"));
        KlingTask done = value(waiting);
        assertThat(done.resultUrls()).as("what the API says, never the callback's content")
                .singleElement().asString().startsWith(SIM.baseUrl());
        assertThat(reads).hasSize(2);
    }

    @Test
    void aCallbackThatNeverComesFallsBackToPollingAfterTheGracePeriod() throws Exception {
        client(Duration.ofMillis(500));
        KlingTask done = value(client.createAndAwait(withCallback("Nobody calls"), QUICK));

        assertThat(done.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(reads).isNotEmpty();
    }

    @Test
    void withoutACallbackOfItsFeatureTheWaitIsPolledAndTheFirstOneHoldsIt() throws Exception {
        client(Duration.ofHours(1));
        SIM.simulator().timing(SimulatorTiming.of(NEVER, NEVER));
        KlingTask created = value(client.create(withCallback("Held once called back")));
        CompletableFuture<KlingTask> waiting = client.awaitCompletion(KlingFeature.TEXT2VIDEO, created.taskId(), QUICK);
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.size() >= 2); // no evidence yet: its normal schedule

        client.callbackReceived(KlingFeature.TEXT2VIDEO, task(created.taskId(), KlingTaskStatus.PROCESSING, "https://x.example/p.mp4"));
        int seen = reads.size();
        // at most the read already under way; none after it while the hold lasts
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> reads.size() <= seen + 1);
        int held = reads.size();

        SIM.simulator().completeTask(created.taskId());
        client.callbackReceived(KlingFeature.TEXT2VIDEO, task(created.taskId(), KlingTaskStatus.SUCCEED, "https://x.example/p.mp4"));
        assertThat(value(waiting).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(reads).hasSize(held + 1);
    }

    @Test
    void aCallbackNamingATaskThisClientDidNotCreateIsNoEvidence() throws Exception {
        client(Duration.ofHours(1));
        client.callbackReceived(KlingFeature.TEXT2VIDEO, task("forged-123", KlingTaskStatus.PROCESSING, "https://x.example/p.mp4"));
        KlingTask created = value(client.create(withCallback("Not vouched for")));
        CompletableFuture<KlingTask> waiting = client.awaitCompletion(KlingFeature.TEXT2VIDEO, created.taskId(), QUICK);

        assertThat(value(waiting).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(reads).isNotEmpty();
    }

    @Test
    void aCallbackForATaskNobodyWaitsForChangesNothing() {
        client(Duration.ofHours(1));

        assertThat(client.callbackReceived(KlingFeature.TEXT2VIDEO, task("123", KlingTaskStatus.SUCCEED, "https://x.example/v.mp4"))).isFalse();
        assertThat(reads).isEmpty();
    }

    /** A task as a callback would carry it. */
    private static KlingTask task(String taskId, KlingTaskStatus status, String videoUrl) {
        return new KlingTask(taskId, status, "", null, null, List.of(new KlingVideo("v1", videoUrl, "5")), List.of(), 1L, 2L,
                null, null, List.of(), List.of(), null);
    }

    private static <T> T value(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }
}
