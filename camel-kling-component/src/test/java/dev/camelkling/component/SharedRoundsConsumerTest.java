package dev.camelkling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.RequestLog;
import dev.camelkling.client.Text2VideoTasks;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.wait.WaitPolicy;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A polling consumer and the waits of the same client share their reads both ways: what the waits read spares the
 * consumer's own reads (a new-design task a wait read final is not read again by id; a legacy page 1 a wait round has
 * just read answers the consumer's page 1), and every task is still emitted exactly once. Counted in requests the
 * simulator received, not in time.
 */
class SharedRoundsConsumerTest {

    private static final String API_KEY = "shared-rounds-key-5c1e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration NEVER = Duration.ofHours(1);
    private static final WaitPolicy QUICK = new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(60));

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(API_KEY).maxConcurrentTasks(100));

    private RequestLog requests;
    /** The ids of the tasks created, from the creates' answers. */
    private final List<String> createdIds = new CopyOnWriteArrayList<>();
    private final RequestFilter creates = (request, next) -> {
        SimResponse response = next.handle(request);
        if (request.method().equals("POST") && !request.path().equals("/tasks") && response.status() == 200) {
            createdIds.add(createdTaskId(response));
        }
        return response;
    };

    private static String createdTaskId(SimResponse created) {
        try {
            JsonNode data = JSON.readTree(created.body()).path("data");
            return data.hasNonNull("task_id") ? data.get("task_id").asText() : data.path("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private final List<String> emitted = new CopyOnWriteArrayList<>();
    private KlingClient client;
    private CamelContext application;

    @BeforeEach
    void tasksRunUntilCompletedAndRequestsAreLogged() {
        SIM.simulator().reset();
        SIM.simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), NEVER));
        requests = RequestLog.on(SIM.simulator());
        SIM.simulator().addRequestFilter(creates);
    }

    @AfterEach
    void stopAll() {
        if (application != null) {
            application.stop();
        }
        if (client != null) {
            client.close();
        }
        requests.close();
        SIM.simulator().removeRequestFilter(creates);
        SIM.simulator().timing(SimulatorTiming.FAST);
    }

    /** The consuming application: a consumer on the test's client (option klingClient), emitted tasks recorded. */
    private KlingConsumer startConsumer(String options) throws Exception {
        application = new DefaultCamelContext();
        application.getRegistry().bind("sharedClient", client);
        application.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?klingClient=#sharedClient&delay=100&initialDelay=0&" + options)
                        .process(e -> emitted.add(e.getMessage().getHeader(KlingConstants.TASK_ID, String.class)));
            }
        });
        application.start();
        return (KlingConsumer) application.getRoutes().get(0).getConsumer();
    }

    /**
     * An application whose producers and consumer have clients of their own on one account: the producers' endpoints
     * set a concurrency limit, the consumer's not (its route starts when the test says).
     */
    private CamelContext startApplication(String credentials, String consumerOptions) throws Exception {
        application = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent(new CredentialsResolver(name -> null));
        kling.getConfiguration().setBaseUrl(SIM.baseUrl());
        if (credentials.equals("apiKey")) {
            kling.getConfiguration().setApiKey(API_KEY);
        } else {
            kling.getConfiguration().setAccessKey(SIM.accessKey());
            kling.getConfiguration().setSecretKey(SIM.secretKey());
        }
        kling.getConfiguration().setPollInterval(50);
        kling.getConfiguration().setMaxPollInterval(200);
        kling.getConfiguration().setDetectionTarget(5_000); // the bound of a shared page's age: generous on a slow machine
        application.addComponent("kling", kling);
        application.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?delay=100&initialDelay=0&" + consumerOptions).routeId("consumer").autoStartup(false)
                        .process(e -> emitted.add(e.getMessage().getHeader(KlingConstants.TASK_ID, String.class)));
            }
        });
        application.start();
        return application;
    }

    /** Creates and waits in producers (waitForCompletion) whose endpoint has a client other than the consumer's. */
    private List<CompletableFuture<KlingTask>> produceAndWait(String options, int count) {
        ProducerTemplate producer = application.createProducerTemplate();
        List<CompletableFuture<KlingTask>> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(producer.asyncRequestBody("kling:text2video?waitForCompletion=true&maxConcurrentTasks=50" + (options.isEmpty() ? "" : "&" + options),
                    "Produced " + i, KlingTask.class));
        }
        return waits;
    }

    private List<String> createdTaskIds(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> createdIds.size() >= count);
        return List.copyOf(createdIds);
    }

    private List<KlingTask> createRunning(Map<String, Object> fields, int count) throws Exception {
        return Text2VideoTasks.create(client, fields, count);
    }

    private List<CompletableFuture<KlingTask>> awaitAll(List<KlingTask> tasks) {
        return tasks.stream().map(task -> client.awaitCompletion(KlingFeature.TEXT2VIDEO, task, QUICK)).toList();
    }

    private long requestsSince(int mark, String prefix) {
        return requests.since(mark, prefix);
    }

    private long byIdReadsSince(int mark, List<KlingTask> tasks) {
        return requests.since(mark).stream()
                .filter(r -> r.startsWith("GET /tasks?") && tasks.stream().anyMatch(task -> r.contains(task.taskId())))
                .count();
    }

    /** Every task once, and nothing more while polls go on. */
    private void assertEmittedOnce(KlingConsumer consumer, List<KlingTask> tasks) {
        List<String> ids = tasks.stream().map(KlingTask::taskId).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> emitted.size() >= ids.size());
        long polls = consumer.getPollCount();
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getPollCount() >= polls + 3);
        assertThat(emitted).containsExactlyInAnyOrderElementsOf(ids);
    }

    /**
     * New design: the consumer awaits four running tasks (it listed them before they were final and reads them by id
     * each poll). While it is suspended, waits of the same client read them final; once it polls again it emits them
     * from what the waits read and sends no {@code GET /tasks} of its own for them.
     */
    @Test
    void newDesignTasksTheWaitsReadFinalAreEmittedWithoutTheConsumerReadingThemAgain() throws Exception {
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).apiKey(API_KEY).build());
        List<KlingTask> running = createRunning(Map.of("model_name", "kling-3.0-turbo"), 4);
        KlingConsumer consumer = startConsumer("designStandard=NEW_DESIGN");
        await().atMost(Duration.ofSeconds(20)).until(() -> byIdReadsSince(0, running) >= 2); // awaited: read by id each poll
        consumer.suspend();
        await().atMost(Duration.ofSeconds(20)).until(() -> !consumer.isPolling());

        List<CompletableFuture<KlingTask>> waits = awaitAll(running);
        running.forEach(task -> SIM.simulator().completeTask(task.taskId()));
        for (CompletableFuture<KlingTask> wait : waits) {
            assertThat(value(wait).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        }
        assertThat(emitted).as("nothing emitted while the consumer was suspended").isEmpty();
        int resumed = requests.size();
        consumer.resume();

        assertEmittedOnce(consumer, running);
        assertThat(byIdReadsSince(resumed, running)).as("the consumer's own reads of tasks the waits read final").isZero();
    }

    /**
     * New design: of six running tasks the consumer awaits, four are waited for by waits of the same client. The
     * consumer leaves those to the waits (its {@code GET /tasks} batches hold only the two others) and emits them from
     * the waits' final reads; every task is emitted once.
     */
    @Test
    void newDesignTasksThatWaitsAreWaitingForAreLeftToThemAndEmittedFromTheirFinalRead() throws Exception {
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).apiKey(API_KEY).build());
        List<KlingTask> waited = createRunning(Map.of("model_name", "kling-3.0-turbo"), 4);
        List<KlingTask> unwaited = createRunning(Map.of("model_name", "kling-3.0-turbo"), 2);
        List<CompletableFuture<KlingTask>> waits = awaitAll(waited);
        KlingConsumer consumer = startConsumer("designStandard=NEW_DESIGN");
        await().atMost(Duration.ofSeconds(20)).until(() -> byIdReadsSince(0, unwaited) >= 5); // five polls read them

        waited.forEach(task -> SIM.simulator().completeTask(task.taskId()));
        for (CompletableFuture<KlingTask> wait : waits) {
            assertThat(value(wait).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> emitted.size() >= waited.size());
        unwaited.forEach(task -> SIM.simulator().completeTask(task.taskId()));
        List<KlingTask> all = new ArrayList<>(waited);
        all.addAll(unwaited);
        assertEmittedOnce(consumer, all);

        assertThat(requests.since(0)).as("the consumer's batches (those of the unwaited tasks) leave the waited ones out")
                .filteredOn(r -> r.startsWith("GET /tasks?") && unwaited.stream().anyMatch(task -> r.contains(task.taskId())))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(r -> assertThat(waited).noneMatch(task -> r.contains(task.taskId())));
    }

    /**
     * Legacy design: four waits on text2video read list pages in rounds; while they run, the consumer's page 1 is
     * answered by the page a round has just read, so it sends no page 1 of its own. Once the waits end, it reads its
     * own page 1 again, and every task is emitted once.
     */
    @Test
    void legacyConsumerTakesPageOneFromTheWaitRoundsWhileTheyRun() throws Exception {
        // the staleness bound is the detection target: generous here, so that a slow machine cannot make a page too old
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).accessKey(SIM.accessKey(), SIM.secretKey())
                .detectionTarget(Duration.ofSeconds(5)).build());
        List<KlingTask> running = createRunning(Map.of(), 4);
        List<CompletableFuture<KlingTask>> waits = awaitAll(running);
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsSince(0, "GET /v1/videos/text2video?{pageNum=1, pageSize=50}") >= 1);

        int started = requests.size();
        KlingConsumer consumer = startConsumer("pageSize=20");
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getPollCount() >= 5);

        assertThat(requestsSince(started, "GET /v1/videos/text2video?{pageNum=1, pageSize=20}"))
                .as("the consumer's own page-1 reads while the waits' rounds run").isZero();
        assertThat(waits).noneMatch(CompletableFuture::isDone);

        running.forEach(task -> SIM.simulator().completeTask(task.taskId()));
        for (CompletableFuture<KlingTask> wait : waits) {
            assertThat(value(wait).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        }
        assertEmittedOnce(consumer, running);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> requestsSince(started, "GET /v1/videos/text2video?{pageNum=1, pageSize=20}") >= 1);
    }

    /**
     * Legacy design, producers of another client of the account: their waits' rounds answer the consumer's page 1;
     * every task is emitted once.
     */
    @Test
    void legacyConsumerTakesPageOneFromTheRoundsOfProducersOfTheSameAccount() throws Exception {
        startApplication("accessKey", "pageSize=20");
        List<CompletableFuture<KlingTask>> waits = produceAndWait("", 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsSince(0, "GET /v1/videos/text2video?{pageNum=1, pageSize=50}") >= 1);
        int started = requests.size();
        application.getRouteController().startRoute("consumer");
        KlingConsumer consumer = (KlingConsumer) application.getRoute("consumer").getConsumer();
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getPollCount() >= 5);

        assertThat(requestsSince(started, "GET /v1/videos/text2video?{pageNum=1, pageSize=20}"))
                .as("the consumer's own page-1 reads while the producers' rounds run").isZero();

        List<String> ids = createdTaskIds(4);
        ids.forEach(SIM.simulator()::completeTask);
        List<KlingTask> done = new ArrayList<>();
        for (CompletableFuture<KlingTask> wait : waits) {
            done.add(value(wait));
        }
        assertEmittedOnce(consumer, done);
    }

    /**
     * New design, producers of another client of the account: tasks their waits read final are emitted without the
     * consumer reading them by id.
     */
    @Test
    void newDesignConsumerTakesWhatProducersOfTheSameAccountReadFinal() throws Exception {
        startApplication("apiKey", "designStandard=NEW_DESIGN");
        SIM.simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), NEVER));
        List<CompletableFuture<KlingTask>> waits = produceAndWait("modelName=kling-3.0-turbo", 4);
        List<String> ids = createdTaskIds(4);
        application.getRouteController().startRoute("consumer");
        KlingConsumer consumer = (KlingConsumer) application.getRoute("consumer").getConsumer();
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getPollCount() >= 3 && requests.since(0).stream()
                .anyMatch(r -> r.startsWith("GET /tasks?") && ids.stream().allMatch(r::contains))); // the consumer awaits them all
        consumer.suspend();
        await().atMost(Duration.ofSeconds(20)).until(() -> !consumer.isPolling());

        ids.forEach(SIM.simulator()::completeTask);
        List<KlingTask> done = new ArrayList<>();
        for (CompletableFuture<KlingTask> wait : waits) {
            done.add(value(wait));
        }
        int resumed = requests.size();
        consumer.resume();

        assertEmittedOnce(consumer, done);
        assertThat(byIdReadsSince(resumed, done)).as("the consumer's own reads of tasks the producers read final").isZero();
    }

    private static <T> T value(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }
}
