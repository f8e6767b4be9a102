package dev.camelkling.client;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.wait.WaitPolicy;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the client's reads offer its other users: the page 1 its wait rounds read ({@link KlingClient#firstPage}),
 * while no older than the detection target, and the final tasks any read returned ({@link KlingClient#onFinalTasksRead}).
 */
class SharedReadsTest {

    private static final String API_KEY = "shared-reads-key-91d0";
    private static final WaitPolicy QUICK = new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(60));
    private static final String PAGE_ONE = "GET /v1/videos/text2video?{pageNum=1, pageSize=";

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(API_KEY).maxConcurrentTasks(100));

    private final MutableClock clock = new MutableClock(Instant.now());
    private RequestLog requests;
    private KlingClient client;

    @BeforeEach
    void runningTasksAndARequestLog() {
        SIM.simulator().reset();
        SIM.simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1)));
        requests = RequestLog.on(SIM.simulator());
    }

    @AfterEach
    void closeAll() {
        client.close();
        requests.close();
        SIM.simulator().timing(SimulatorTiming.FAST);
    }

    private List<KlingTask> create(Map<String, Object> fields, int count) throws Exception {
        return Text2VideoTasks.create(client, fields, count);
    }

    private long since(int mark, String prefix) {
        return requests.since(mark, prefix);
    }

    @Test
    void pageOneOfAWaitRoundAnswersFirstPageWhileNoOlderThanTheDetectionTargetAndWithPagesAtLeastAsLarge() throws Exception {
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).accessKey(SIM.accessKey(), SIM.secretKey())
                .clock(clock).detectionTarget(Duration.ofSeconds(1)).build());
        List<KlingTask> tasks = create(Map.of(), 3);
        List<CompletableFuture<KlingTask>> waits = tasks.stream()
                .map(task -> client.awaitCompletion(KlingFeature.TEXT2VIDEO, task, QUICK)).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> since(0, PAGE_ONE + "50}") >= 1);
        tasks.forEach(task -> SIM.simulator().completeTask(task.taskId()));
        for (CompletableFuture<KlingTask> wait : waits) {
            value(wait);
        }
        int mark = requests.size();

        // the statuses are those of the last round that read pages (the last waits may have ended on GETs)
        List<KlingTask> shared = value(client.firstPage(KlingFeature.TEXT2VIDEO, 2));
        assertThat(shared).extracting(KlingTask::taskId).containsExactly(tasks.get(2).taskId(), tasks.get(1).taskId());
        assertThat(since(mark, "GET ")).as("answered by the waits' page").isZero();

        assertThat(value(client.firstPage(KlingFeature.TEXT2VIDEO, 60))).hasSize(3);
        assertThat(since(mark, PAGE_ONE + "60}")).as("larger than the waits' pages: read").isEqualTo(1);

        clock.advance(Duration.ofMillis(1_001));
        assertThat(value(client.firstPage(KlingFeature.TEXT2VIDEO, 2))).hasSize(2);
        assertThat(since(mark, PAGE_ONE + "2}")).as("older than the detection target: read").isEqualTo(1);

        assertThatThrownBy(() -> value(client.firstPage(KlingFeature.TEXT2VIDEO, 0)))
                .hasCauseInstanceOf(KlingValidationException.class).hasMessageContaining("pageSize");
    }

    @Test
    void withoutWaitsFirstPageReadsEveryTime() throws Exception {
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).accessKey(SIM.accessKey(), SIM.secretKey())
                .clock(clock).build());
        create(Map.of(), 3);
        value(client.list(KlingFeature.TEXT2VIDEO, 1, 50)); // a page read for no wait is not kept
        int mark = requests.size();

        value(client.firstPage(KlingFeature.TEXT2VIDEO, 20));
        value(client.firstPage(KlingFeature.TEXT2VIDEO, 20));

        assertThat(since(mark, PAGE_ONE + "20}")).isEqualTo(2);
    }

    @Test
    void listenersGetTheFinalTasksOfEveryReadUntilTheyUnsubscribe() throws Exception {
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).apiKey(API_KEY).build());
        List<KlingTask> tasks = create(Map.of("model_name", "kling-3.0-turbo"), 2);
        List<String> ids = tasks.stream().map(KlingTask::taskId).toList();
        List<KlingTask> heard = new CopyOnWriteArrayList<>();
        KlingClient.Subscription subscription = client.onFinalTasksRead(heard::addAll);

        value(client.getTasks(ids));
        assertThat(heard).as("running tasks are not handed on").isEmpty();

        SIM.simulator().completeTask(ids.get(0));
        value(client.getTasks(ids));
        assertThat(heard).extracting(KlingTask::taskId).containsExactly(ids.get(0));

        subscription.close();
        SIM.simulator().completeTask(ids.get(1));
        value(client.getTasks(ids));
        assertThat(heard).hasSize(1);
    }

    private static <T> T value(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }
}
