package dev.camelkling.client.wait;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waits read together against the simulator over HTTP: list pages for many, GETs for few, any finishing order. */
class CoalescedWaitsTest {

    private static final Duration NEVER = Duration.ofHours(1);
    private static final WaitPolicy QUICK = new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(60));

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.timing(SimulatorTiming.FAST).maxConcurrentTasks(1_000));

    /** Method and path (with the query) of every API request, with when it arrived. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Long> firstGetNanos = new ConcurrentHashMap<>();
    private final RequestFilter recorder = (request, next) -> {
        String line = request.method() + " " + request.path() + (request.query().isEmpty() ? "" : "?list");
        requests.add(line);
        firstGetNanos.putIfAbsent(line, System.nanoTime());
        return next.handle(request);
    };
    private KlingClient client;

    @BeforeEach
    void setUp() {
        SIM.simulator().reset();
        SIM.simulator().timing(SimulatorTiming.of(NEVER, NEVER));
        SIM.simulator().addRequestFilter(recorder);
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl())
                .accessKey(SIM.accessKey(), SIM.secretKey()).detectionTarget(Duration.ofMillis(100)).build());
    }

    @AfterEach
    void tearDown() {
        client.close();
        SIM.simulator().removeRequestFilter(recorder);
        SIM.simulator().timing(SimulatorTiming.FAST);
    }

    private KlingTask create(String prompt) throws Exception {
        return value(client.create(KlingRequests.text2video().prompt(prompt).build()));
    }

    private long lists() {
        return requests.stream().filter(r -> r.startsWith("GET /v1/videos/text2video?list")).count();
    }

    private long getsOf(String taskId) {
        return requests.stream().filter(r -> r.equals("GET /v1/videos/text2video/" + taskId)).count();
    }

    @Test
    void manyWaitsCompleteWithTheirOwnOutcomeWhicheverOrderTheirTasksFinishIn() throws Exception {
        List<KlingTask> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(create(i % 4 == 0 ? "Task " + i + " [[fail]]" : "Task " + i));
        }
        List<CompletableFuture<KlingTask>> waits = new ArrayList<>();
        for (KlingTask task : created) {
            waits.add(client.awaitCompletion(KlingFeature.TEXT2VIDEO, task.taskId(), QUICK));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> lists() >= 1);
        List<KlingTask> finishOrder = new ArrayList<>(created);
        Collections.shuffle(finishOrder, new java.util.Random(3));
        for (KlingTask task : finishOrder) {
            SIM.simulator().completeTask(task.taskId());
        }

        for (int i = 0; i < created.size(); i++) {
            KlingTask done = value(waits.get(i));
            assertThat(done.taskId()).isEqualTo(created.get(i).taskId());
            if (i % 4 == 0) {
                assertThat(done.status()).isEqualTo(KlingTaskStatus.FAILED);
                assertThat(done.resultUrls()).isEmpty();
            } else {
                assertThat(done.status()).isEqualTo(KlingTaskStatus.SUCCEED);
                assertThat(done.resultUrls()).singleElement().asString().startsWith(SIM.baseUrl());
            }
        }
        assertThat(lists()).as("list pages answered for the waits").isPositive();
        assertThat(created).as("no task was read one by one every round")
                .allSatisfy(task -> assertThat(getsOf(task.taskId())).isLessThan(lists()));
        await().atMost(Duration.ofSeconds(5)).until(() -> client.stats().waitsInFlight() == 0);
    }

    @Test
    void oneOrTwoWaitsReadTheirTasksWithPlainGets() throws Exception {
        KlingTask first = create("First");
        KlingTask second = create("Second");
        CompletableFuture<KlingTask> one = client.awaitCompletion(KlingFeature.TEXT2VIDEO, first.taskId(), QUICK);
        CompletableFuture<KlingTask> two = client.awaitCompletion(KlingFeature.TEXT2VIDEO, second.taskId(), QUICK);
        await().atMost(Duration.ofSeconds(10)).until(() -> getsOf(second.taskId()) >= 2);
        SIM.simulator().completeTask(first.taskId());
        SIM.simulator().completeTask(second.taskId());

        assertThat(value(one).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(value(two).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(lists()).isZero();
    }

    @Test
    void aWaitedTaskTheListPagesDoNotShowIsReadWithItsOwnGet() throws Exception {
        List<KlingTask> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create("Task " + i));
        }
        KlingTask hidden = created.get(2);
        RequestFilter hide = (request, next) -> {
            SimResponse response = next.handle(request);
            return request.method().equals("GET") && request.path().equals("/v1/videos/text2video") ? AnswersWithout.without(hidden.taskId(), response) : response;
        };
        SIM.simulator().addRequestFilter(hide);
        try {
            List<CompletableFuture<KlingTask>> waits = new ArrayList<>();
            for (KlingTask task : created) {
                waits.add(client.awaitCompletion(KlingFeature.TEXT2VIDEO, task.taskId(), QUICK));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> lists() >= 1);
            SIM.simulator().completeTask(hidden.taskId()); // the four others keep running: every round lists them

            assertThat(value(waits.get(2)).status()).isEqualTo(KlingTaskStatus.SUCCEED);
            assertThat(waits).filteredOn(CompletableFuture::isDone).hasSize(1);
            assertThat(getsOf(hidden.taskId())).as("the hidden task's own reads").isPositive();
        } finally {
            SIM.simulator().removeRequestFilter(hide);
        }
    }

    @Test
    void theFirstReadOfATaskThisClientCreatedComesAtTheInitialIntervalNotRightAfterTheCreate() throws Exception {
        WaitPolicy oneSecond = new WaitPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(2), Duration.ofSeconds(60));
        SIM.simulator().timing(SimulatorTiming.FAST);
        CompletableFuture<KlingTask> waiting = client.createAndAwait(KlingRequests.text2video().prompt("Patience").build(), oneSecond);

        KlingTask done = value(waiting);

        long createdAt = firstGetNanos.get("POST /v1/videos/text2video");
        long firstRead = firstGetNanos.get("GET /v1/videos/text2video/" + done.taskId());
        assertThat(Duration.ofNanos(firstRead - createdAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(getsOf(done.taskId())).as("final at its first read").isEqualTo(1);
    }

    @Test
    void onceTasksLikeItAreKnownAWaitReadsLittleBeforeTheirUsualDuration() throws Exception {
        WaitPolicy everyFiftyMillis = new WaitPolicy(Duration.ofMillis(50), 1, Duration.ofSeconds(5), Duration.ofSeconds(60));
        SIM.simulator().timing(SimulatorTiming.of(Duration.ofMillis(100), Duration.ofMillis(1_500)));
        KlingTask unknown = value(client.createAndAwait(KlingRequests.text2video().prompt("Teach").build(), everyFiftyMillis));
        KlingTask learned = value(client.createAndAwait(KlingRequests.text2video().prompt("Apply").build(), everyFiftyMillis));

        assertThat(getsOf(unknown.taskId())).as("reads while nothing was known").isGreaterThanOrEqualTo(10);
        assertThat(getsOf(learned.taskId())).as("reads once the duration was learned").isLessThanOrEqualTo(4);
    }

    private static <T> T value(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unused")
    private static KlingSimulator sim() {
        return SIM.simulator();
    }
}
