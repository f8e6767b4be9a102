package dev.camelkling.client;

import dev.camelkling.client.callback.CallbackBody;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.transport.WireJson;
import dev.camelkling.client.transport.KlingJson;
import dev.camelkling.client.transport.RetryPolicy;
import dev.camelkling.client.wait.TaskSlots;
import dev.camelkling.client.wait.WaitPolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultKind;
import dev.camelkling.simulator.fault.FaultMatch;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The client-side concurrency queue against the simulator, which answers 1303 beyond its own limit. */
class ConcurrencyQueueTest {

    private static final long GUARD_SECONDS = 60;
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), 2, 0.2);
    private static final Set<String> FINAL = Set.of("succeed", "failed");

    @RegisterExtension
    KlingSimulatorExtension sim = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(2).timing(SimulatorTiming.FAST));

    /** Task ids the server created, and the most of them unfinished at once right after a create. */
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final AtomicInteger maxUnfinished = new AtomicInteger();
    private final AtomicInteger limited = new AtomicInteger();
    private final RequestFilter observer = (request, next) -> {
        SimResponse response = next.handle(request);
        if ("POST".equals(request.method())) {
            if (response.status() == 429) {
                limited.incrementAndGet();
            } else if (response.status() == 200) {
                try {
                    JsonNode data = WireJson.MAPPER.readTree(response.body()).path("data");
                    created.add(data.path("task_id").asText());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                KlingSimulator simulator = sim.simulator();
                long unfinished = created.stream().filter(id -> !FINAL.contains(simulator.taskStatus(id).orElse("succeed"))).count();
                maxUnfinished.accumulateAndGet((int) unfinished, Math::max);
            }
        }
        return response;
    };
    private final List<KlingClient> clients = new ArrayList<>();

    @BeforeEach
    void observe() {
        sim.simulator().addRequestFilter(observer);
    }

    @AfterEach
    void close() {
        clients.forEach(KlingClient::close);
    }

    private KlingClient client(UnaryOperator<KlingClientConfig.Builder> settings) {
        KlingClient client = KlingClient.create(settings.apply(KlingClientConfig.builder().baseUrl(sim.baseUrl())
                .accessKey(sim.accessKey(), sim.simulator().secretKey()).retryPolicy(FAST_RETRIES)).build());
        clients.add(client);
        return client;
    }

    private static KlingRequest video(String prompt) {
        return KlingRequests.text2video().prompt(prompt).build();
    }

    @Test
    void sixCreatesAtOnceWithLimitTwoNeverExceedTheLimitAndAllGoOut() throws Exception {
        KlingClient client = client(b -> b.maxConcurrentTasks(2).concurrencyCheckInterval(Duration.ofMillis(100)));

        List<CompletableFuture<KlingTask>> creates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            creates.add(client.create(video("fox " + i)));
        }
        CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)).get(GUARD_SECONDS, TimeUnit.SECONDS);

        assertThat(creates).allSatisfy(f -> assertThat(f).isCompletedWithValueMatching(t -> t.taskId() != null));
        assertThat(sim.simulator().createdTaskCount()).isEqualTo(6);
        assertThat(created).hasSize(6);
        assertThat(limited).as("1303 answers").hasValue(0);
        assertThat(maxUnfinished.get()).as("unfinished tasks at the server").isBetween(1, 2);
    }

    @Test
    void createsGoOutInOrderWhenAwaitCompletionSeesATaskFinal() throws Exception {
        sim.simulator().maxConcurrentTasks(1);
        KlingClient client = client(b -> b.maxConcurrentTasks(1).concurrencyCheckInterval(Duration.ofMinutes(10)));

        KlingTask first = client.create(video("first")).get(GUARD_SECONDS, TimeUnit.SECONDS);
        CompletableFuture<KlingTask> second = client.create(video("second"));
        CompletableFuture<KlingTask> third = client.create(video("third"));
        // both reached the queue, which holds them: nothing more is sent however long one would watch
        await().atMost(Duration.ofSeconds(GUARD_SECONDS)).until(() -> client.stats().createsQueued() == 2);
        assertThat(sim.simulator().createdTaskCount()).isEqualTo(1);
        assertThat(second).isNotDone();
        assertThat(third).isNotDone();

        client.awaitCompletion(KlingFeature.TEXT2VIDEO, first.taskId(),
                new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(30))).get(GUARD_SECONDS, TimeUnit.SECONDS);
        KlingTask secondTask = second.get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(third).isNotDone();
        assertThat(created).containsExactly(first.taskId(), secondTask.taskId());

        client.awaitCompletion(KlingFeature.TEXT2VIDEO, secondTask.taskId(),
                new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(30))).get(GUARD_SECONDS, TimeUnit.SECONDS);
        third.get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(limited).hasValue(0);
    }

    @Test
    void aWaitingCreateThatIsCancelledLeavesTheQueue() throws Exception {
        sim.simulator().maxConcurrentTasks(1);
        KlingClient client = client(b -> b.maxConcurrentTasks(1).concurrencyCheckInterval(Duration.ofMillis(100)));

        client.create(video("first")).get(GUARD_SECONDS, TimeUnit.SECONDS);
        CompletableFuture<KlingTask> cancelled = client.create(video("cancelled"));
        CompletableFuture<KlingTask> next = client.create(video("next"));
        cancelled.cancel(false);

        next.get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(sim.simulator().createdTaskCount()).isEqualTo(2);
    }

    @Test
    void a1303ThatComesBackAnywayIsRetriedAfterABackoff() throws Exception {
        KlingClient client = client(b -> b.maxConcurrentTasks(2));
        sim.simulator().faults().next(FaultMatch.creates(), Fault.before(FaultKind.CONCURRENCY_1303));

        long started = System.nanoTime();
        KlingTask task = client.create(video("shared account")).get(GUARD_SECONDS, TimeUnit.SECONDS);

        assertThat(task.taskId()).isNotBlank();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(TaskCreation.CONCURRENCY_FIRST_DELAY);
        assertThat(sim.simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void withoutALimitA1303IsReportedAsBefore() throws Exception {
        KlingClient client = client(b -> b);
        sim.simulator().faults().next(FaultMatch.creates(), Fault.before(FaultKind.CONCURRENCY_1303));

        try {
            client.create(video("unqueued")).get(GUARD_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected 1303");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOfSatisfying(KlingApiException.class, api -> assertThat(api.code()).isEqualTo(1303));
        }
    }

    @Test
    void imageTasksTakeNSlots() {
        KlingRequest four = KlingRequests.imageGeneration().prompt("cats").field("n", 4).build();
        assertThat(TaskSlots.slotsOf(four)).isEqualTo(4);
        assertThat(TaskSlots.slotsOf(KlingRequests.imageGeneration().prompt("cat").build())).isEqualTo(1);
        assertThat(TaskSlots.slotsOf(video("fox"))).isEqualTo(1);
    }

    @Test
    void slotsAreGrantedFifoAndAFinalTaskGivesItsNSlotsBack() {
        java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            fifo(new TaskSlots(3, Duration.ofMinutes(10), scheduler, Runnable::run, (f, id) -> new CompletableFuture<>()));
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static void fifo(TaskSlots slots) {
        CompletableFuture<Void> big = slots.acquire(2);
        CompletableFuture<Void> second = slots.acquire(2);
        CompletableFuture<Void> small = slots.acquire(1);
        assertThat(big).isCompleted();
        assertThat(second).as("does not fit").isNotDone();
        assertThat(small).as("FIFO: waits behind the larger head").isNotDone();

        KlingTask running = CallbackBody.task("{\"task_id\":\"t1\",\"task_status\":\"processing\"}");
        slots.created(KlingFeature.IMAGE_GENERATION, running, 2);
        assertThat(second).isNotDone();
        slots.observed(CallbackBody.task("{\"task_id\":\"t1\",\"task_status\":\"succeed\"}"));
        assertThat(second).isCompleted();
        assertThat(small).isCompleted();
        assertThat(slots.used()).isEqualTo(3);
        slots.release(2);
        slots.release(1);
        assertThat(slots.used()).isZero();
    }
}
