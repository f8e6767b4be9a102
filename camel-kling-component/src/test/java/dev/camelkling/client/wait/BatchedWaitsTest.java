package dev.camelkling.client.wait;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.TaskQuery;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimRequest;
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
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Waits on new-design tasks against the simulator over HTTP: read in {@code GET /tasks?task_ids=} batches, or from the
 * pages of finished tasks ({@code POST /tasks}) when many are due; a task a batch leaves out; both designs in one
 * client; reads the client makes for others (a consumer's list) completing waits.
 */
class BatchedWaitsTest {

    private static final String API_KEY = "batched-waits-key";
    private static final Duration NEVER = Duration.ofHours(1);
    private static final WaitPolicy QUICK = new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(60));
    /** So slow that a test sees no read of its own before it acts. */
    private static final WaitPolicy PATIENT = new WaitPolicy(Duration.ofMinutes(10), 1, Duration.ofMinutes(10), Duration.ofMinutes(30));

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(API_KEY).timing(SimulatorTiming.FAST)
            .maxConcurrentTasks(1_000));

    /** Every API request with its query. */
    private final List<SimRequest> requests = new CopyOnWriteArrayList<>();
    private final RequestFilter recorder = (request, next) -> {
        requests.add(request);
        return next.handle(request);
    };
    private KlingClient client;

    @BeforeEach
    void setUp() {
        SIM.simulator().reset();
        SIM.simulator().timing(SimulatorTiming.of(NEVER, NEVER));
        SIM.simulator().addRequestFilter(recorder);
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).apiKey(API_KEY)
                .detectionTarget(Duration.ofMillis(100)).build());
    }

    @AfterEach
    void tearDown() {
        client.close();
        SIM.simulator().removeRequestFilter(recorder);
        SIM.simulator().timing(SimulatorTiming.FAST);
    }

    private KlingTask createNew(String prompt) throws Exception {
        KlingTask task = value(client.create(KlingRequest.of(KlingFeature.TEXT2VIDEO, Map.of("model_name", "kling-3.0", "prompt", prompt))));
        assertThat(task.design()).isEqualTo(DesignStandard.NEW_DESIGN);
        return task;
    }

    /** The ids of each {@code GET /tasks?task_ids=} call so far. */
    private List<List<String>> batchReads() {
        return requests.stream().filter(r -> r.method().equals("GET") && r.path().equals("/tasks") && r.query().containsKey("task_ids"))
                .map(r -> List.of(r.query().get("task_ids").split(","))).toList();
    }

    private long count(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    /**
     * Creates {@code n} tasks (every fourth fails), waits for all, lets the reads start, checks them, then finishes
     * the tasks in shuffled order.
     */
    private void waitAndFinishShuffled(int n, Predicate<BatchedWaitsTest> readsStarted, Runnable whileRunning) throws Exception {
        List<KlingTask> created = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            created.add(createNew(i % 4 == 0 ? "Task " + i + " [[fail]]" : "Task " + i));
        }
        List<CompletableFuture<KlingTask>> waits = new ArrayList<>();
        for (KlingTask task : created) {
            waits.add(client.awaitCompletion(KlingFeature.TEXT2VIDEO, task, QUICK));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> readsStarted.test(this));
        assertThat(waits).noneMatch(CompletableFuture::isDone);
        whileRunning.run();
        List<KlingTask> finishOrder = new ArrayList<>(created);
        Collections.shuffle(finishOrder, new Random(7));
        for (KlingTask task : finishOrder) {
            SIM.simulator().completeTask(task.taskId());
        }
        for (int i = 0; i < n; i++) {
            KlingTask done = value(waits.get(i));
            assertThat(done.taskId()).isEqualTo(created.get(i).taskId());
            assertThat(done.design()).isEqualTo(DesignStandard.NEW_DESIGN);
            if (i % 4 == 0) {
                assertThat(done.status()).isEqualTo(KlingTaskStatus.FAILED);
            } else {
                assertThat(done.status()).isEqualTo(KlingTaskStatus.SUCCEED);
                assertThat(done.resultUrls()).singleElement().asString().startsWith(SIM.baseUrl());
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> client.stats().waitsInFlight() == 0);
    }

    @Test
    void upToTwentyWaitsAreReadTogetherInOneBatchPerRound() throws Exception {
        waitAndFinishShuffled(12, test -> test.batchReads().size() >= 4, () -> {
            // the first round may start while the waits are still being added
            List<List<String>> reads = batchReads();
            int together = reads.indexOf(reads.stream().filter(ids -> ids.size() == 12).findFirst().orElseThrow());
            assertThat(reads.subList(together, reads.size())).as("from then on each round read all twelve in one call").hasSizeGreaterThan(2)
                    .allSatisfy(ids -> assertThat(ids).hasSize(12));
        });

        assertThat(batchReads()).allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(KlingClient.TASKS_PER_READ));
    }

    @Test
    void manyWaitsAreAnsweredByThePagesOfFinishedTasksWithoutReadingEachTask() throws Exception {
        waitAndFinishShuffled(45, test -> test.count("POST", "/tasks") >= 3, () -> {
            List<SimRequest> sinceFirstPage = requests.subList(requests.indexOf(requests.stream()
                    .filter(r -> r.method().equals("POST") && r.path().equals("/tasks")).findFirst().orElseThrow()), requests.size());
            assertThat(sinceFirstPage).as("from the first page of finished tasks on, no task was read by id")
                    .noneMatch(r -> r.method().equals("GET") && r.path().equals("/tasks"));
        });
    }

    @Test
    void aTaskABatchLeavesOutIsReadAloneAndCompletes() throws Exception {
        List<KlingTask> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createNew("Task " + i));
        }
        KlingTask hidden = created.get(2);
        RequestFilter hide = hideFrom(hidden.taskId(), request -> request.query().getOrDefault("task_ids", "").contains(","));
        SIM.simulator().addRequestFilter(hide);
        try {
            List<CompletableFuture<KlingTask>> waits = new ArrayList<>();
            for (KlingTask task : created) {
                waits.add(client.awaitCompletion(KlingFeature.TEXT2VIDEO, task, QUICK));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> batchReads().stream().anyMatch(ids -> ids.size() == 5));
            SIM.simulator().completeTask(hidden.taskId()); // the others keep running

            assertThat(value(waits.get(2)).status()).isEqualTo(KlingTaskStatus.SUCCEED);
            assertThat(waits).filteredOn(CompletableFuture::isDone).hasSize(1);
            assertThat(batchReads()).as("the hidden task's own reads").contains(List.of(hidden.taskId()));
        } finally {
            SIM.simulator().removeRequestFilter(hide);
        }
    }

    @Test
    void aTaskKlingNeverReturnsFailsItsWaitNamingTheTask() throws Exception {
        KlingTask other = createNew("Other");
        KlingTask hidden = createNew("Gone");
        RequestFilter hide = hideFrom(hidden.taskId(), request -> true);
        SIM.simulator().addRequestFilter(hide);
        try {
            CompletableFuture<KlingTask> gone = client.awaitCompletion(KlingFeature.TEXT2VIDEO, hidden, QUICK);
            CompletableFuture<KlingTask> running = client.awaitCompletion(KlingFeature.TEXT2VIDEO, other, QUICK);

            assertThatThrownBy(() -> value(gone)).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(KlingApiException.class).hasMessageContaining(hidden.taskId())
                    .satisfies(e -> assertThat(((KlingApiException) e).code()).isEqualTo(1203));
            assertThat(running).isNotDone();
        } finally {
            SIM.simulator().removeRequestFilter(hide);
        }
    }

    @Test
    void aTaskThePagesOfFinishedTasksMissIsStillReadByIdAndCompletes() throws Exception {
        client.close();
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).apiKey(API_KEY)
                .detectionTarget(Duration.ofMillis(100)).maxPollInterval(Duration.ofMillis(200)).build());
        List<KlingTask> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(createNew("Task " + i));
        }
        KlingTask hidden = created.get(7);
        RequestFilter hide = hideFrom(hidden.taskId(), request -> request.method().equals("POST"));
        SIM.simulator().addRequestFilter(hide);
        try {
            List<CompletableFuture<KlingTask>> waits = new ArrayList<>();
            for (KlingTask task : created) {
                waits.add(client.awaitCompletion(KlingFeature.TEXT2VIDEO, task, QUICK));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> count("POST", "/tasks") >= 1);
            SIM.simulator().completeTask(hidden.taskId());

            assertThat(value(waits.get(7)).status()).isEqualTo(KlingTaskStatus.SUCCEED);
            assertThat(waits).filteredOn(CompletableFuture::isDone).hasSize(1);
        } finally {
            SIM.simulator().removeRequestFilter(hide);
        }
    }

    @Test
    void legacyAndNewDesignWaitsOfOneClientEachReadTheirOwnWay() throws Exception {
        List<KlingTask> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(createNew("New " + i));
            created.add(value(client.create(KlingRequests.text2video().prompt(i == 1 ? "Legacy [[fail]]" : "Legacy " + i).build())));
        }
        List<CompletableFuture<KlingTask>> waits = new ArrayList<>();
        for (KlingTask task : created) {
            waits.add(client.awaitCompletion(KlingFeature.TEXT2VIDEO, task, QUICK));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> batchReads().size() >= 2
                && count("GET", "/v1/videos/text2video") >= 2);
        List<KlingTask> finishOrder = new ArrayList<>(created);
        Collections.shuffle(finishOrder, new Random(11));
        finishOrder.forEach(task -> SIM.simulator().completeTask(task.taskId()));

        for (int i = 0; i < created.size(); i++) {
            KlingTask done = value(waits.get(i));
            assertThat(done.taskId()).isEqualTo(created.get(i).taskId());
            assertThat(done.design()).isEqualTo(created.get(i).design());
            assertThat(done.status()).isEqualTo(i == 3 ? KlingTaskStatus.FAILED : KlingTaskStatus.SUCCEED);
        }
        List<String> legacyIds = created.stream().filter(t -> t.design() == DesignStandard.LEGACY).map(KlingTask::taskId).toList();
        assertThat(batchReads()).as("legacy tasks are not read through GET /tasks")
                .allSatisfy(ids -> assertThat(ids).doesNotContainAnyElementsOf(legacyIds));
    }

    @Test
    void aConsumersListPageCompletesTheWaitsOfTheFinalTasksItShowsWithoutAReadOfTheirOwn() throws Exception {
        KlingTask newDesign = createNew("Seen by the consumer");
        KlingTask legacy = value(client.create(KlingRequests.text2video().prompt("Also seen").build()));
        CompletableFuture<KlingTask> newWait = client.awaitCompletion(KlingFeature.TEXT2VIDEO, newDesign, PATIENT);
        CompletableFuture<KlingTask> legacyWait = client.awaitCompletion(KlingFeature.TEXT2VIDEO, legacy, PATIENT);
        SIM.simulator().completeTask(newDesign.taskId());
        SIM.simulator().completeTask(legacy.taskId());

        value(client.listTasks(TaskQuery.all())); // what the cursor consumer reads
        assertThat(value(newWait).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(legacyWait).as("the page showed it final too").isDone();

        assertThat(batchReads()).as("no read of the waits' own").isEmpty();
        assertThat(count("GET", "/v1/videos/text2video/" + legacy.taskId())).isZero();
    }

    @Test
    void aLegacyListPageAndABatchReadCompleteWaitsToo() throws Exception {
        KlingTask legacy = value(client.create(KlingRequests.text2video().prompt("Listed").build()));
        KlingTask newDesign = createNew("Batched");
        CompletableFuture<KlingTask> legacyWait = client.awaitCompletion(KlingFeature.TEXT2VIDEO, legacy, PATIENT);
        CompletableFuture<KlingTask> newWait = client.awaitCompletion(KlingFeature.TEXT2VIDEO, newDesign, PATIENT);
        SIM.simulator().completeTask(legacy.taskId());
        SIM.simulator().completeTask(newDesign.taskId());

        value(client.list(KlingFeature.TEXT2VIDEO, 1, 50)); // what the polling consumer reads
        value(client.getTasks(List.of(newDesign.taskId(), "someone-elses")));

        assertThat(value(legacyWait).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(value(newWait).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(count("GET", "/v1/videos/text2video/" + legacy.taskId())).isZero();
        assertThat(batchReads()).hasSize(1);
    }

    /** Leaves one task out of the {@code /tasks} answers (batches and pages) of the requests {@code which} selects. */
    private static RequestFilter hideFrom(String taskId, Predicate<SimRequest> which) {
        return (request, next) -> {
            SimResponse response = next.handle(request);
            return request.path().equals("/tasks") && which.test(request) ? AnswersWithout.without(taskId, response) : response;
        };
    }

    private static <T> T value(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }
}
