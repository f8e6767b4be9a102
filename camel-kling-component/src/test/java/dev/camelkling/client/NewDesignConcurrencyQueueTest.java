package dev.camelkling.client;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.transport.RetryPolicy;
import dev.camelkling.client.wait.WaitPolicy;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The concurrency queue ({@code maxConcurrentTasks}) with new-design tasks, against the simulator's own limit (one
 * running task per account and model, 429/1303 beyond): the queue learns that a task ended by reading it the new
 * design's way ({@code GET /tasks}), from its own check or from the waits' batched rounds.
 */
class NewDesignConcurrencyQueueTest {

    private static final String API_KEY = "queue-key";
    private static final Duration NEVER = Duration.ofHours(1);

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(API_KEY).timing(SimulatorTiming.FAST));

    private final List<SimRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger limited = new AtomicInteger();
    private final RequestFilter recorder = (request, next) -> {
        requests.add(request);
        var response = next.handle(request);
        if (response.status() == 429) {
            limited.incrementAndGet();
        }
        return response;
    };
    private KlingClient client;

    @BeforeEach
    void setUp() {
        SIM.simulator().reset();
        SIM.simulator().maxConcurrentTasks(1);
        SIM.simulator().timing(SimulatorTiming.of(NEVER, NEVER));
        SIM.simulator().addRequestFilter(recorder);
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).apiKey(API_KEY)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), 2, 0.2))
                .maxConcurrentTasks(1).concurrencyCheckInterval(Duration.ofMillis(100)).build());
    }

    @AfterEach
    void tearDown() {
        client.close();
        SIM.simulator().removeRequestFilter(recorder);
        SIM.simulator().maxConcurrentTasks(1_000);
        SIM.simulator().timing(SimulatorTiming.FAST);
    }

    private static KlingRequest kling3(String prompt) {
        return KlingRequest.of(KlingFeature.TEXT2VIDEO, Map.of("model_name", "kling-3.0", "prompt", prompt));
    }

    private long reads(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    @Test
    void theQueuesOwnCheckReadsANewDesignTaskThroughGetTasksAndSendsTheNextCreateOnlyOnceItEnded() throws Exception {
        KlingTask first = client.create(kling3("first")).get(30, TimeUnit.SECONDS);
        CompletableFuture<KlingTask> second = client.create(kling3("second"));

        await().atMost(Duration.ofSeconds(10)).until(() -> reads("GET", "/tasks") >= 2);
        assertThat(second).as("queued while the first runs").isNotDone();
        assertThat(reads("GET", "/v1/videos/text2video/" + first.taskId())).as("read on the legacy path").isZero();

        SIM.simulator().completeTask(first.taskId());
        KlingTask secondTask = second.get(30, TimeUnit.SECONDS);

        assertThat(secondTask.design()).isEqualTo(first.design());
        assertThat(limited).as("429/1303 answers").hasValue(0);
        assertThat(SIM.simulator().createdTaskCount()).isEqualTo(2);
    }

    @Test
    void aWaitsBatchedRoundThatSeesTheTaskEndFreesItsSlot() throws Exception {
        KlingTask first = client.create(kling3("waited")).get(30, TimeUnit.SECONDS);
        CompletableFuture<KlingTask> waited = client.awaitCompletion(KlingFeature.TEXT2VIDEO, first,
                new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(30)));
        CompletableFuture<KlingTask> second = client.create(kling3("next"));
        await().atMost(Duration.ofSeconds(10)).until(() -> reads("GET", "/tasks") >= 2);
        assertThat(second).isNotDone();

        SIM.simulator().completeTask(first.taskId());

        assertThat(waited.get(30, TimeUnit.SECONDS).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        second.get(30, TimeUnit.SECONDS);
        assertThat(limited).hasValue(0);
        assertThat(reads("GET", "/v1/videos/text2video/" + first.taskId())).isZero();
    }
}
