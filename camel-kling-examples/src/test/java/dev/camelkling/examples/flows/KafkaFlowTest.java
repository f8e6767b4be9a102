package dev.camelkling.examples.flows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.examples.MediaCheck;
import dev.camelkling.examples.flows.FlowApp.Dsl;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.http.ErrorCode;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.RequestHandler;
import dev.camelkling.simulator.http.SimRequest;
import dev.camelkling.simulator.http.SimResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the Kafka flow (Java and YAML DSL) against an in-process KRaft broker and the Kling simulator, stops it in the
 * middle (gracefully, and with kill -9), delivers jobs again, and checks what a user sees: one result record per job
 * on the results topic, keyed like the job, with the task's final status, and one Kling task per job.
 * <p>
 * Tasks that must still be open when the flow stops are "held": created while the simulator's timing is one hour, and
 * released with {@code completeTask}, so "stopped mid-run" does not depend on timing.
 */
class KafkaFlowTest {

    private static final SimulatorTiming FAST = SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300));
    private static final SimulatorTiming HELD = SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A JVM of its own starts slowly on a busy build machine. */
    private static final Duration JVM_START_TIMEOUT = Duration.ofSeconds(60);
    private static final String RISK_CONTROL = "Failure to pass the risk control system";
    /** A prompt with this makes the test's filter answer the create like Kling's content-safety check (400/1301). */
    private static final String REFUSE_MARKER = "[[refuse]]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedKafka kafka;
    private static KlingSimulator simulator;

    private final List<FlowApp> apps = new ArrayList<>();
    private final KlingCreates creates = new KlingCreates();
    private Process crashedFlow;

    @BeforeAll
    static void startBrokerAndSimulator() throws Exception {
        kafka = EmbeddedKafka.start();
        simulator = KlingSimulator.builder().timing(FAST).maxConcurrentTasks(100).build().start();
    }

    @AfterAll
    static void stopBrokerAndSimulator() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void freshSimulator() {
        simulator.reset();
        simulator.timing(FAST);
        simulator.addRequestFilter(creates);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (crashedFlow != null) {
            crashedFlow.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        creates.releaseHeldAnswer();
        apps.forEach(FlowApp::close);
        simulator.removeRequestFilter(creates);
    }

    /**
     * Jobs 0-11 are processed; jobs 12-21 get their tasks, which are held, and the flow stops gracefully before any of
     * them finished. While it is down, jobs 22-29 arrive, seven jobs arrive a second time (some done, some held, a
     * refused one) and the held tasks finish. A new flow instance takes over.
     */
    @ParameterizedTest
    @EnumSource(Dsl.class)
    void restartMidRunGivesEveryJobOneTaskAndOneResult(Dsl dsl, @TempDir Path downloads) throws Exception {
        Run run = new Run(dsl, "restart");
        run.send(0, 12);
        run.startFlow();
        await().atMost(TIMEOUT).until(() -> run.resultsFor(0, 12));

        simulator.timing(HELD);
        run.send(12, 22);
        await().atMost(TIMEOUT).until(() -> run.tasksCreatedFor(12, 22) && run.allJobsCommitted());
        apps.get(0).close();
        assertThat(run.publishedIdentities()).as("results published before the stop")
                .containsExactlyInAnyOrderElementsOf(run.identities(0, 12));

        run.send(22, 30);
        for (int n : new int[] {0, 2, 5, 8, 11, 12, 14}) {
            run.send(n); // delivered again: already done (0, 2, 5), refused (8, 11), or created and held (12, 14)
        }
        simulator.timing(FAST);
        run.tasksOf(12, 22).forEach(taskId -> assertThat(simulator.completeTask(taskId)).isTrue());

        run.startFlow();
        await().atMost(TIMEOUT).until(() -> run.resultsFor(0, 30) && run.allJobsCommitted());
        apps.get(1).close();

        run.assertOneResultAndOneTaskPerJob(30);
        for (int n : new int[] {0, 2, 5, 12, 14}) {
            assertThat(creates.statuses(run.externalTaskId(n))).as("creates of job %d, sent twice", n)
                    .containsExactly(200, 400); // the second one is refused as a reused external id and resumed
        }
        assertThat(creates.statuses(run.externalTaskId(11))).as("creates of the job Kling refuses, sent twice")
                .containsExactly(400, 400);
        assertThat(creates.statuses(run.externalTaskId(8))).as("the invalid job is never sent").isEmpty();
        assertThat(creates.statuses(run.externalTaskId(23))).as("the job without prompt is never sent").isEmpty();
        KafkaFlowResult succeeded = run.resultOf(0);
        Path video = download(succeeded.resultUrls().get(0), downloads.resolve("job-0.mp4"));
        assertThat(MediaCheck.isRealMedia(video)).as("result of job 0 is an MP4").isTrue();
    }

    /**
     * The flow runs in its own JVM (the standalone main) and is killed with SIGKILL while Kling holds back the answer
     * to a create that did make its task, so the job's offset is not committed. Jobs keep coming while it is down. The
     * restarted flow reads the job again: it must resume the task, not create a second one, and publish its result
     * once.
     */
    @ParameterizedTest
    @EnumSource(Dsl.class)
    void killDuringACreateResumesTheTaskOnRestart(Dsl dsl) throws Exception {
        Run run = new Run(dsl, "kill");
        run.send(0, 6);
        crashedFlow = run.startStandaloneFlow();
        await().atMost(JVM_START_TIMEOUT).until(() -> run.resultsFor(0, 6));

        simulator.timing(HELD);
        creates.holdAnswerTo(run.externalTaskId(6));
        run.send(6);
        await().atMost(TIMEOUT).until(() -> creates.statuses(run.externalTaskId(6)).size() == 1);
        crashedFlow.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(crashedFlow.isAlive()).isFalse();
        assertThat(run.allJobsCommitted()).as("job 6 was not committed when the flow died").isFalse();
        assertThat(run.publishedIdentities()).containsExactlyInAnyOrderElementsOf(run.identities(0, 6));

        creates.releaseHeldAnswer();
        simulator.timing(FAST);
        run.tasksOf(6, 7).forEach(simulator::completeTask);
        run.send(7, 10);
        run.startFlow();
        await().atMost(TIMEOUT).until(() -> run.resultsFor(0, 10) && run.allJobsCommitted());
        apps.get(0).close();

        run.assertOneResultAndOneTaskPerJob(10);
        assertThat(creates.statuses(run.externalTaskId(6))).as("creates of job 6: before the kill and after")
                .containsExactly(200, 400);
    }

    private static Path download(String url, Path target) throws IOException, InterruptedException {
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(target));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** What a job should end as. */
    enum Outcome { SUCCEED, FAILED_AT_KLING, REFUSED }

    /**
     * Job n of a run: its key (null for a record without key), prompt (null for a record without value), expected
     * outcome and, for a refused job, what its result's message must say.
     */
    record Job(int n, String key, String prompt, Outcome outcome, String reason) {

        static Job number(int n) {
            String key = "order-" + n;
            String prompt = "A paper boat on a river, take " + n;
            return switch (n) {
                case 2 -> succeeds(n, "Bestellung 2 für Köln", prompt);                 // not an id: hashed
                case 3 -> new Job(n, null, prompt, Outcome.REFUSED, "key is required");
                case 5, 17, 26 -> new Job(n, key, prompt + " [[fail]]", Outcome.FAILED_AT_KLING, null);
                case 7 -> succeeds(n, "h.7", prompt);                                     // looks hashed: hashed
                case 8 -> new Job(n, key, "x".repeat(2501), Outcome.REFUSED,
                        "prompt must be at most 2500 characters");
                case 11 -> new Job(n, key, prompt + " " + REFUSE_MARKER, Outcome.REFUSED, "1301 (HTTP 400)");
                case 14 -> succeeds(n, "order-14-" + "x".repeat(300), prompt);           // too long: hashed
                case 23 -> new Job(n, key, null, Outcome.REFUSED, "prompt is required"); // a record without value
                default -> succeeds(n, key, prompt);
            };
        }

        private static Job succeeds(int n, String key, String prompt) {
            return new Job(n, key, prompt, Outcome.SUCCEED, null);
        }

        /** How a job is told apart on the results topic: its key, or for the one record without key, a marker. */
        String identity() {
            return key == null ? "<no key>" : key;
        }

        boolean makesATask() {
            return outcome != Outcome.REFUSED;
        }
    }

    /** One test's flow: its own topics, consumer group and external id prefix, so runs never see each other. */
    private final class Run {
        private final Dsl dsl;
        private final Map<String, String> settings = new LinkedHashMap<>(KafkaFlow.DEFAULTS);
        private final KafkaFlowKeys keys;

        Run(Dsl dsl, String name) throws Exception {
            this.dsl = dsl;
            String id = name + "-" + dsl.name().toLowerCase();
            settings.put("kafka.brokers", kafka.bootstrapServers());
            settings.put("kafka.flow.jobsTopic", id + "-jobs");
            settings.put("kafka.flow.resultsTopic", id + "-results");
            settings.put("kafka.flow.keysTopic", id + "-keys");
            settings.put("kafka.flow.publishedTopic", id + "-published");
            settings.put("kafka.flow.group", id);
            settings.put("kafka.flow.idPrefix", "kf-" + id + "-");
            settings.put("kafka.flow.maxConcurrentTasks", "50");
            settings.put("kafka.flow.pollTimeoutMs", "500");
            settings.put("kafka.flow.sessionTimeoutMs", "6000"); // the broker's minimum: a killed member leaves soon
            settings.put("kafka.flow.resultsPollDelay", "200");
            settings.put("kafka.flow.demoJobs", "0");
            keys = new KafkaFlowKeys(settings.get("kafka.flow.idPrefix"));
            kafka.createTopic(settings.get("kafka.flow.jobsTopic"), 3);
            KafkaFlow.ensureTopics(settings);
        }

        void startFlow() throws Exception {
            FlowApp app = new FlowApp(dsl, new KafkaFlow(), KafkaFlow.YAML, KlingBackend.using(simulator));
            settings.forEach(app::property);
            apps.add(app);
            app.start();
        }

        /** The standalone main in a JVM of its own, pointed at the simulator as if it were the real API. */
        Process startStandaloneFlow() throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", // starts sooner; it lives only a few seconds
                    "-cp", System.getProperty("java.class.path"),
                    "-Dflow.dsl=" + dsl.name().toLowerCase()));
            settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.add(KafkaFlow.class.getName());
            Path log = Path.of("target", "kafka-flow-killed-" + dsl.name().toLowerCase() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("KLING_BASE_URL", simulator.baseUrl());
            builder.environment().put("KLING_ACCESS_KEY", simulator.accessKey());
            builder.environment().put("KLING_SECRET_KEY", simulator.secretKey());
            builder.environment().remove("KLING_API_KEY");
            return builder.start();
        }

        void send(int from, int to) throws Exception {
            for (int n = from; n < to; n++) {
                send(n);
            }
        }

        void send(int n) throws Exception {
            Job job = Job.number(n);
            kafka.send(settings.get("kafka.flow.jobsTopic"), job.key(), job.prompt());
        }

        String externalTaskId(int n) {
            return keys.externalTaskId(Job.number(n).key());
        }

        List<String> identities(int from, int to) {
            return IntStream.range(from, to).mapToObj(n -> Job.number(n).identity()).toList();
        }

        List<ConsumerRecord<String, String>> published() {
            return kafka.readAll(settings.get("kafka.flow.resultsTopic"));
        }

        List<String> publishedIdentities() {
            return published().stream().map(r -> r.key() == null ? "<no key>" : r.key()).toList();
        }

        boolean resultsFor(int from, int to) {
            return publishedIdentities().containsAll(identities(from, to));
        }

        boolean allJobsCommitted() throws Exception {
            return kafka.consumedToEnd(settings.get("kafka.flow.group"), settings.get("kafka.flow.jobsTopic"));
        }

        boolean tasksCreatedFor(int from, int to) {
            return IntStream.range(from, to).filter(n -> Job.number(n).makesATask())
                    .allMatch(n -> creates.taskId(externalTaskId(n)).isPresent());
        }

        List<String> tasksOf(int from, int to) {
            return IntStream.range(from, to).filter(n -> Job.number(n).makesATask())
                    .mapToObj(n -> creates.taskId(externalTaskId(n)).orElseThrow()).toList();
        }

        KafkaFlowResult resultOf(int n) {
            return published().stream().filter(r -> Objects.equals(r.key(), Job.number(n).key()))
                    .map(r -> parse(r.value())).findFirst().orElseThrow();
        }

        /** The whole results topic against jobs 0..count-1, and the simulator's tasks against the same jobs. */
        void assertOneResultAndOneTaskPerJob(int count) {
            List<ConsumerRecord<String, String>> published = published();
            Map<String, Long> resultsPerJob = published.stream().collect(Collectors.groupingBy(
                    r -> r.key() == null ? "<no key>" : r.key(), Collectors.counting()));
            assertThat(resultsPerJob).as("results per job").hasSize(count)
                    .containsOnlyKeys(identities(0, count))
                    .allSatisfy((job, results) -> assertThat(results).as("results of %s", job).isOne());

            Map<String, Job> jobs = IntStream.range(0, count).mapToObj(Job::number)
                    .collect(Collectors.toMap(Job::identity, Function.identity()));
            for (ConsumerRecord<String, String> record : published) {
                KafkaFlowResult result = parse(record.value());
                assertThat(result.key()).as("key in the result").isEqualTo(record.key());
                assertExpectedResult(jobs.get(record.key() == null ? "<no key>" : record.key()), result);
            }

            Map<String, Integer> tasksPerId = new HashMap<>();
            for (Job job : jobs.values()) {
                if (job.key() != null) {
                    String externalTaskId = keys.externalTaskId(job.key());
                    assertThat(externalTaskId).hasSizeLessThanOrEqualTo(256).matches("[A-Za-z0-9._-]+");
                    tasksPerId.put(job.identity(), simulator.tasksByExternalId(externalTaskId));
                }
            }
            assertThat(tasksPerId).as("Kling tasks per job").allSatisfy((job, tasks) ->
                    assertThat(tasks).as("tasks of %s", job).isEqualTo(jobs.get(job).makesATask() ? 1 : 0));
            long expectedTasks = jobs.values().stream().filter(Job::makesATask).count();
            assertThat(simulator.externalIdSummary().noDuplicates()).isTrue();
            assertThat(simulator.createdTaskCount()).as("tasks created in all").isEqualTo(expectedTasks);
        }

        private void assertExpectedResult(Job job, KafkaFlowResult result) {
            switch (job.outcome()) {
                case SUCCEED -> {
                    assertThat(result.status()).as("status of %s", job.identity()).isEqualTo("succeed");
                    assertThat(result.resultUrls()).as("result urls of %s", job.identity()).isNotEmpty();
                    assertThat(result.externalTaskId()).isEqualTo(keys.externalTaskId(job.key()));
                    assertThat(simulator.taskStatus(result.taskId())).contains("succeed");
                }
                case FAILED_AT_KLING -> {
                    assertThat(result.status()).as("status of %s", job.identity()).isEqualTo("failed");
                    assertThat(result.statusMessage()).isEqualTo(RISK_CONTROL);
                    assertThat(simulator.taskStatus(result.taskId())).contains("failed");
                }
                case REFUSED -> {
                    assertThat(result.status()).as("status of %s", job.identity()).isEqualTo("failed");
                    assertThat(result.statusMessage()).as("message of %s", job.identity()).contains(job.reason());
                    assertThat(result.taskId()).isNull();
                    assertThat(result.resultUrls()).isEmpty();
                }
            }
        }
    }

    private static KafkaFlowResult parse(String json) {
        try {
            return JSON.readValue(json, KafkaFlowResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Watches the simulator's text2video creates: per external id, the HTTP status of each attempt and the task made.
     * It answers creates whose prompt has {@link #REFUSE_MARKER} as Kling's content-safety check would, and can hold
     * back the answer to one external id's create after the task was made (a crash window between create and commit).
     */
    private static final class KlingCreates implements RequestFilter {
        private record Attempt(String externalTaskId, int status, String taskId) {
        }

        private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile String heldExternalTaskId;

        @Override
        public SimResponse filter(SimRequest request, RequestHandler next) {
            if (!request.method().equals("POST") || !request.path().equals("/v1/videos/text2video")) {
                return next.handle(request);
            }
            JsonNode body = readTree(request.body());
            String externalTaskId = body.path("external_task_id").asText(null);
            SimResponse answer = body.path("prompt").asText("").contains(REFUSE_MARKER)
                    ? Envelope.error(ErrorCode.CONTENT_SAFETY, null)
                    : next.handle(request);
            String taskId = answer.status() == 200
                    ? readTree(answer.body()).path("data").path("task_id").asText()
                    : null;
            attempts.add(new Attempt(externalTaskId, answer.status(), taskId));
            if (externalTaskId != null && externalTaskId.equals(heldExternalTaskId)) {
                awaitRelease();
            }
            return answer;
        }

        private void awaitRelease() {
            try {
                release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void holdAnswerTo(String externalTaskId) {
            heldExternalTaskId = externalTaskId;
        }

        void releaseHeldAnswer() {
            release.countDown();
        }

        List<Integer> statuses(String externalTaskId) {
            return attempts.stream().filter(a -> externalTaskId.equals(a.externalTaskId()))
                    .map(Attempt::status).toList();
        }

        Optional<String> taskId(String externalTaskId) {
            return attempts.stream().filter(a -> externalTaskId.equals(a.externalTaskId()) && a.taskId() != null)
                    .map(Attempt::taskId).findFirst();
        }

        private static JsonNode readTree(byte[] json) {
            try {
                return JSON.readTree(new String(json, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
