package dev.camelkling.examples.flows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.component.KlingComponent;
import dev.camelkling.examples.MediaCheck;
import dev.camelkling.examples.flows.FlowApp.Dsl;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultKind;
import dev.camelkling.simulator.fault.FaultMatch;
import dev.camelkling.simulator.fault.FaultStats;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SQL flow ({@link SqlFlow}, flows/sql-flow.yaml) against a real database: H2 in-process always, and PostgreSQL
 * as well when {@code -Dkling.it.postgres=<JDBC URL>} is given (docs/flows/sql.md shows how to start one). Every test
 * runs on a table of its own (a fresh H2 database, or a fresh PostgreSQL schema).
 * <p>
 * The simulator counts the create requests it receives per external task id, so "one task per job" is checked where a
 * double claim would show: a second create of a job is refused as a duplicate and resolved by the component, so the
 * number of tasks alone could not reveal it.
 */
class SqlFlowTest {

    private static final SimulatorTiming FAST = SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300));
    /** Tasks that stay running until the test completes them. */
    private static final SimulatorTiming HELD = SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PREFIX = "job-";
    private static final String RISK_CONTROL = "Failure to pass the risk control system";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KlingSimulator simulator;
    private static String pictureUrl;
    /** POSTs of creates the simulator received, per external_task_id (also those refused as duplicates). */
    private static final Map<String, AtomicInteger> createRequests = new ConcurrentHashMap<>();
    /** Every request the simulator received, as "METHOD path". */
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    enum Database { H2, POSTGRES }

    @BeforeAll
    static void startSimulator() throws IOException {
        simulator = KlingSimulator.builder().timing(FAST).maxConcurrentTasks(100).build().start();
        simulator.addRequestFilter((request, next) -> {
            requests.add(request.method() + " " + request.path());
            if (request.method().equals("POST") && request.path().startsWith("/v1/")) {
                JsonNode externalId = readTree(request.body()).path("external_task_id");
                if (externalId.isTextual()) {
                    createRequests.computeIfAbsent(externalId.asText(), id -> new AtomicInteger()).incrementAndGet();
                }
            }
            return next.handle(request);
        });
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @BeforeEach
    void forgetTasks() throws IOException {
        simulator.timing(FAST);
        simulator.faults().clear();
        simulator.reset(); // every test numbers its jobs from 1 again, so job-1 must be new to the simulator
        createRequests.clear();
        requests.clear();
        pictureUrl = simulator.hostImage(picture()); // after the reset, which forgets hosted media too
    }

    @AfterEach
    void closeAppsAndDatabases() throws Exception {
        Exception first = null;
        for (int i = toClose.size() - 1; i >= 0; i--) { // the apps before their tables, each even if one fails
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static Stream<Arguments> dslAndDatabase() {
        return Stream.of(Database.values()).flatMap(db -> Stream.of(Dsl.values()).map(dsl -> Arguments.of(dsl, db)));
    }

    /**
     * Twenty jobs of every kind, with options in both spellings, two that Kling fails, and five invalid ones (a value
     * out of range, a misspelt field, an unknown kind, options that are not JSON, a reference to a missing image): each
     * ends in its state, with one task if it is valid and none if it is not.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("dslAndDatabase")
    void twentyMixedJobsEndInTheirStates(Dsl dsl, Database database) throws Exception {
        JobsTable jobs = table(database);
        FlowApp app = start(dsl, jobs, "sql-flow");
        assertThat(app.context().getRoutes()).extracting(route -> route.getRouteId()).as("routes of the %s DSL", dsl)
                .containsExactlyInAnyOrderElementsOf(expectedRouteIds());
        List<Job> inserted = jobs.insert(mixedJobs());

        await().atMost(TIMEOUT).until(() -> jobs.rows().stream().allMatch(Row::isFinal));

        Map<Long, Row> rows = jobs.rows().stream().collect(Collectors.toMap(Row::id, row -> row));
        for (Job job : inserted) {
            Row row = rows.get(job.id());
            String externalId = PREFIX + job.id();
            assertThat(row.status()).as("job %s (%s)", job.id(), job.spec()).isEqualTo(job.spec().status());
            assertThat(row.owner()).as("owner of job %s", job.id()).startsWith("sql-flow@");
            switch (job.spec().expect()) {
                case SUCCEEDS -> {
                    assertThat(row.taskId()).isNotNull();
                    assertThat(simulator.taskStatus(row.taskId())).contains("succeed");
                    assertThat(row.resultUrls()).as("results of job %s", job.id()).hasSize(job.spec().results());
                    assertThat(row.error()).isNull();
                }
                case TASK_FAILS -> {
                    assertThat(row.taskId()).isNotNull();
                    assertThat(simulator.taskStatus(row.taskId())).contains("failed");
                    assertThat(row.error()).isEqualTo(job.spec().error());
                    assertThat(row.resultUrls()).isEmpty();
                }
                case INVALID -> {
                    assertThat(row.taskId()).isNull();
                    assertThat(row.error()).as("error of job %s", job.id()).contains(job.spec().error());
                    assertThat(createRequests).as("nothing sent for job %s", job.id()).doesNotContainKey(externalId);
                }
            }
            int tasks = job.spec().expect() == Expect.INVALID ? 0 : 1;
            assertThat(simulator.tasksByExternalId(externalId)).as("tasks of %s", externalId).isEqualTo(tasks);
        }
        assertOneCreateRequestPerJob();
        assertThat(simulator.createdTaskCount()).isEqualTo(15);
        assertThat(simulator.externalIdSummary().noDuplicates()).isTrue();

        Row video = rows.get(firstSucceeding(inserted, "text2video").id());
        Row image = rows.get(firstSucceeding(inserted, "imageGeneration").id());
        assertThat(MediaCheck.isRealMedia(download(video.resultUrls().get(0), "video.mp4"))).isTrue();
        assertThat(MediaCheck.isRealMedia(download(image.resultUrls().get(0), "image.png"))).isTrue();
    }

    /**
     * Two instances (one per DSL) on one table, started before the jobs arrive so that both read the same NEW rows:
     * each job is claimed and created by exactly one of them, and both take a share.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Database.class)
    void twoInstancesSplitTheJobsWithoutOverlap(Database database) throws Exception {
        JobsTable jobs = table(database);
        // two jobs a poll: one instance alone needs ten polls (450 ms of delays at least) to claim all twenty, so the
        // other, polling every 50 ms meanwhile, takes a share however fast or loaded the machine is
        start(Dsl.JAVA, jobs, "sql-a", "sql.batchSize", 2);
        start(Dsl.YAML, jobs, "sql-b", "sql.batchSize", 2);
        List<JobSpec> specs = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            String kind = n % 2 == 0 ? "text2video" : "imageGeneration";
            specs.add(JobSpec.succeeds(kind, "Shared table, job " + n + ": a lantern in the fog", null, 1));
        }
        List<Job> inserted = jobs.insert(specs); // one transaction: both instances see all 20 at their next poll

        await().atMost(TIMEOUT).until(() -> jobs.rows().stream().allMatch(Row::isFinal));

        // a job claimed by both would have been created by both: the second create shows here, though it made no task
        assertOneCreateRequestPerJob();
        assertThat(createRequests).hasSize(20);
        for (Job job : inserted) {
            assertThat(simulator.tasksByExternalId(PREFIX + job.id())).as("tasks of job %s", job.id()).isEqualTo(1);
        }
        assertThat(simulator.createdTaskCount()).isEqualTo(20);
        List<Row> rows = jobs.rows();
        assertThat(rows).hasSize(20).allSatisfy(row -> assertThat(row.status()).isEqualTo("SUCCEEDED"));
        Map<String, Long> byOwner = rows.stream().collect(Collectors.groupingBy(
                row -> row.owner().substring(0, row.owner().indexOf('@')), Collectors.counting()));
        assertThat(byOwner).as("jobs per instance").containsOnlyKeys("sql-a", "sql-b");
    }

    /**
     * The flow is stopped mid-run, while tasks are running and jobs may still be NEW; the tasks finish while it is
     * down; a new instance on the same table takes over. Every job ends SUCCEEDED, created exactly once.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Dsl.class) // on H2 only: the SQL is the same as in the tests above, which also run on PostgreSQL
    void aRestartMidRunLosesNothingAndCreatesNothingTwice(Dsl dsl) throws Exception {
        JobsTable jobs = table(Database.H2);
        simulator.timing(HELD);
        FlowApp first = start(dsl, jobs, "sql-first", "sql.batchSize", 4);
        List<JobSpec> specs = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            specs.add(JobSpec.succeeds(n % 3 == 0 ? "imageGeneration" : "text2video", "Restart, job " + n, null, 1));
        }
        List<Job> inserted = jobs.insert(specs);
        await().atMost(TIMEOUT).until(() -> jobs.rows().stream().filter(row -> row.taskId() != null).count() >= 6);
        first.close();

        List<Row> atStop = jobs.rows();
        assertThat(atStop).noneMatch(Row::isFinal); // every task was still running
        atStop.stream().map(Row::taskId).filter(id -> id != null).forEach(simulator::completeTask); // while it is down
        simulator.timing(FAST);
        start(dsl, jobs, "sql-second");

        await().atMost(TIMEOUT).until(() -> jobs.rows().stream().allMatch(Row::isFinal));
        assertOneCreateRequestPerJob();
        assertThat(createRequests).hasSize(20);
        assertThat(simulator.createdTaskCount()).isEqualTo(20);
        Map<Long, Row> rows = jobs.rows().stream().collect(Collectors.toMap(Row::id, row -> row));
        for (Job job : inserted) {
            Row row = rows.get(job.id());
            assertThat(row.status()).as("job %s", job.id()).isEqualTo("SUCCEEDED");
            assertThat(row.resultUrls()).hasSize(1);
            assertThat(simulator.tasksByExternalId(PREFIX + job.id())).isEqualTo(1);
            Row before = atStop.stream().filter(r -> r.id() == job.id()).findFirst().orElseThrow();
            assertThat(row.owner()).as("owner of job %s", job.id())
                    .startsWith(before.status().equals("NEW") ? "sql-second@" : "sql-first@");
        }
        assertThat(atStop).extracting(Row::status).contains("SUBMITTED");
    }

    /**
     * Kling misbehaves on a third of the creates: refusals that created nothing (1303, 5002 before the task), errors
     * after the task was made (5000, and a 429 that contradicts it), a connection reset after the task was made; and
     * twice it says the resource pack is used up (1102), once before and once after making the task. Every job still
     * ends SUCCEEDED with exactly one task: the component reconciles the ambiguous answers by external id, and the
     * recovery route takes up the jobs that the 1102 answers left SUBMITTED (the component does not retry those).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Dsl.class) // on H2 only: the SQL is the same as in the tests above, which also run on PostgreSQL
    void faultsOnCreatesLoseNoJobAndCreateNoneTwice(Dsl dsl) throws Exception {
        JobsTable jobs = table(Database.H2);
        simulator.faults().seed(20261206)
                .script(FaultMatch.creates(), 2, Fault.before(FaultKind.RESOURCE_PACK_1102))
                .script(FaultMatch.creates(), 5, Fault.after(FaultKind.RESOURCE_PACK_1102))
                .rate(0.3, FaultMatch.creates(),
                        Fault.before(FaultKind.CONCURRENCY_1303), Fault.before(FaultKind.TIMEOUT_5002),
                        Fault.after(FaultKind.INTERNAL_ERROR_5000), Fault.after(FaultKind.RATE_LIMIT_1302),
                        Fault.after(FaultKind.CONNECTION_RESET));
        start(dsl, jobs, "sql-faults", "sql.staleAfterSeconds", 1);
        List<JobSpec> specs = new ArrayList<>();
        for (int n = 1; n <= 16; n++) {
            String kind = List.of("text2video", "imageGeneration", "omniImage", "image2video").get(n % 4);
            String options = kind.equals("image2video") ? "{\"image\": \"" + pictureUrl + "\"}" : null;
            specs.add(JobSpec.succeeds(kind, "Through the storm, job " + n, options, 1));
        }
        List<Job> inserted = jobs.insert(specs);

        await().atMost(TIMEOUT).until(() -> jobs.rows().stream().allMatch(Row::isFinal));

        FaultStats faults = simulator.faults().stats();
        assertThat(faults.injected()).as("faults injected: %s", faults.byFault()).isGreaterThanOrEqualTo(4);
        assertThat(faults.injected(FaultKind.RESOURCE_PACK_1102)).as("1102 answers").isEqualTo(2);
        assertThat(jobs.rows()).allSatisfy(row -> {
            assertThat(row.status()).as("job %s", row.id()).isEqualTo("SUCCEEDED");
            assertThat(row.error()).isNull();
            assertThat(row.resultUrls()).hasSize(1);
            assertThat(simulator.taskStatus(row.taskId())).contains("succeed");
        });
        for (Job job : inserted) {
            assertThat(simulator.tasksByExternalId(PREFIX + job.id())).as("tasks of job %s", job.id()).isEqualTo(1);
        }
        assertThat(simulator.createdTaskCount()).isEqualTo(16);
    }

    /**
     * An instance died after claiming jobs: one before its create went out; two after it (the tasks exist and are still
     * running, but their ids never reached the table): a text2video one, whose task Kling can look up by external id,
     * and an imageGeneration one, which has no such lookup; one with its task recorded and still running; and one whose
     * recorded task Kling does not know. The next instance looks each one's task up again: it creates the first (one
     * create), finds the text2video task (no create), sends the imageGeneration create again with the same external id
     * and resumes the existing task that Kling answers with (no second task), leaves the running one SUBMITTED until it
     * finishes, and fails the unknown one. A job claimed just now is left alone.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("dslAndDatabase")
    void staleSubmittedJobsAreRecoveredWithTheirExternalIds(Dsl dsl, Database database) throws Exception {
        JobsTable jobs = table(database);
        long neverCreated = jobs.insertClaimed("text2video", "Claimed, then the instance died", 1);
        long unrecordedVideo = jobs.insertClaimed("text2video", "Created, then the instance died", 1);
        long unrecordedImage = jobs.insertClaimed("imageGeneration", "Created, then the instance died", 1);
        long recorded = jobs.insertClaimed("text2video", "Created and recorded, then the instance died", 1);
        long unknownTask = jobs.insertClaimed("text2video", "Recorded a task Kling does not know", 1);
        long claimedJustNow = jobs.insertClaimed("text2video", "Claimed a moment ago by a live instance", 0);
        simulator.timing(HELD); // still running when the flow starts: the consumers of finished tasks cannot see them
        Map<Long, String> deadInstanceTasks = Map.of(
                unrecordedVideo, createTaskAsTheDeadInstance("text2video", PREFIX + unrecordedVideo),
                unrecordedImage, createTaskAsTheDeadInstance("imageGeneration", PREFIX + unrecordedImage),
                recorded, createTaskAsTheDeadInstance("text2video", PREFIX + recorded));
        simulator.timing(FAST);
        jobs.recordTask(recorded, deadInstanceTasks.get(recorded));
        jobs.recordTask(unknownTask, "999999999999999999");

        start(dsl, jobs, "sql-recovery");

        await().atMost(TIMEOUT).until(() -> deadInstanceTasks.entrySet().stream().allMatch(task ->
                task.getValue().equals(jobs.uncheckedRow(task.getKey()).taskId())
                && jobs.uncheckedRow(task.getKey()).owner().startsWith("sql-recovery@"))
                                            && jobs.row(unknownTask).isFinal());
        assertThat(createRequests.get(PREFIX + unrecordedVideo)).as("found by its external id").hasValue(1);
        assertThat(createRequests.get(PREFIX + unrecordedImage)).as("the dead instance's create and the replay")
                .hasValue(2);
        assertThat(createRequests.get(PREFIX + recorded)).as("read by its task id").hasValue(1);
        assertThat(requests).contains("GET /v1/videos/text2video/" + deadInstanceTasks.get(recorded));
        deadInstanceTasks.keySet().forEach(id -> assertThat(jobs.uncheckedRow(id).status()).isEqualTo("SUBMITTED"));
        Row unknown = jobs.row(unknownTask);
        assertThat(unknown.status()).isEqualTo("FAILED");
        assertThat(unknown.error()).contains("999999999999999999");

        deadInstanceTasks.values().forEach(simulator::completeTask);
        await().atMost(TIMEOUT).until(() -> Stream.concat(Stream.of(neverCreated), deadInstanceTasks.keySet().stream())
                .allMatch(id -> jobs.uncheckedRow(id).isFinal()));

        Row first = jobs.row(neverCreated);
        assertThat(first.status()).isEqualTo("SUCCEEDED");
        assertThat(first.owner()).startsWith("sql-recovery@");
        assertThat(first.resultUrls()).hasSize(1);
        assertThat(simulator.tasksByExternalId(PREFIX + neverCreated)).isEqualTo(1);
        assertThat(createRequests.get(PREFIX + neverCreated)).hasValue(1);
        deadInstanceTasks.forEach((id, task) -> {
            Row row = jobs.uncheckedRow(id);
            assertThat(row.status()).as("job %s", id).isEqualTo("SUCCEEDED");
            assertThat(row.taskId()).as("the task the dead instance created for job %s", id).isEqualTo(task);
            assertThat(row.resultUrls()).hasSize(1);
            assertThat(simulator.tasksByExternalId(PREFIX + id)).isEqualTo(1);
        });

        Row live = jobs.row(claimedJustNow);
        assertThat(live.status()).isEqualTo("SUBMITTED");
        assertThat(live.owner()).isEqualTo("an-instance-that-is-still-working");
        assertThat(createRequests).doesNotContainKey(PREFIX + claimedJustNow);
        assertThat(simulator.createdTaskCount()).isEqualTo(4);
    }

    // --- the jobs -------------------------------------------------------------------------------------------------

    enum Expect { SUCCEEDS, TASK_FAILS, INVALID }

    /** A job to insert and what must become of it; {@code error}: the exact task message, or a part of the rule. */
    record JobSpec(String kind, String prompt, String options, Expect expect, int results, String error) {

        static JobSpec succeeds(String kind, String prompt, String options, int results) {
            return new JobSpec(kind, prompt, options, Expect.SUCCEEDS, results, null);
        }

        static JobSpec taskFails(String kind, String prompt, String message) {
            return new JobSpec(kind, prompt, null, Expect.TASK_FAILS, 0, message);
        }

        static JobSpec invalid(String kind, String prompt, String options, String error) {
            return new JobSpec(kind, prompt, options, Expect.INVALID, 0, error);
        }

        String status() {
            return expect == Expect.SUCCEEDS ? "SUCCEEDED" : "FAILED";
        }
    }

    record Job(long id, JobSpec spec) {
    }

    private static List<JobSpec> mixedJobs() {
        String picture = "\"" + pictureUrl + "\"";
        return List.of(
                JobSpec.succeeds("text2video", "A red fox trotting through fresh snow at dawn", null, 1),
                JobSpec.succeeds("imageGeneration", "A lighthouse poster in flat colours", "{\"n\": 2}", 2),
                JobSpec.succeeds("text2video", "A paper boat drifting down a rainy street", "{\"duration\": 5}", 1),
                JobSpec.succeeds("image2video", "The scene slowly comes alive", "{\"image\": " + picture + "}", 1),
                JobSpec.succeeds("imageGeneration", "A bowl of ramen, top view", "{\"aspect_ratio\": \"3:4\"}", 1),
                JobSpec.taskFails("text2video", "A storm over the harbour [[fail]]", RISK_CONTROL),
                JobSpec.succeeds("multiImage2video", "The two pictures meet on a beach",
                        "{\"image_list\": [" + picture + ", " + picture + "], \"aspectRatio\": \"9:16\"}", 1),
                JobSpec.invalid("text2video", "A kite over the dunes", "{\"duration\": 7}", "duration"),
                JobSpec.succeeds("imageGeneration", "Three apples on a table",
                        "{\"n\": 3, \"aspectRatio\": \"1:1\"}", 3),
                JobSpec.succeeds("image2video", null, "{\"image\": " + picture + ", \"duration\": \"10\"}", 1),
                JobSpec.succeeds("omniImage", "Put <<<image_1>>> on a vintage poster",
                        "{\"image_list\": [" + picture + "]}", 1),
                JobSpec.invalid("lipSync", "Say hello", null, "kind must be one of"),
                JobSpec.succeeds("motionControl", null, "{\"image_url\": " + picture
                        + ", \"video_url\": \"https://media.example.com/dance.mp4\","
                        + " \"character_orientation\": \"image\", \"mode\": \"std\"}", 1),
                JobSpec.taskFails("imageGeneration", "A mural [[fail: no paint left]]", "no paint left"),
                JobSpec.succeeds("text2video", "Fireflies in a jar",
                        "{\"negative_prompt\": \"blur\", \"cfg_scale\": 0.5}", 1),
                JobSpec.invalid("imageGeneration", "A map of the stars", "{n: 2", "options must be a JSON object"),
                JobSpec.invalid("text2video", "A windmill at dusk", "{\"aspectRatoi\": \"16:9\"}",
                        "aspectRatoi is not a known field"),
                JobSpec.succeeds("imageGeneration", "A cat in a cardboard box", null, 1),
                JobSpec.succeeds("text2video", "A hot-air balloon over the valley", "{\"duration\": 10}", 1),
                JobSpec.invalid("omniImage", "Let <<<image_2>>> wave",
                        "{\"image_list\": [" + picture + "]}", "image_2"));
    }

    private static Job firstSucceeding(List<Job> jobs, String kind) {
        return jobs.stream().filter(job -> job.spec().kind().equals(kind) && job.spec().expect() == Expect.SUCCEEDS)
                .findFirst().orElseThrow();
    }

    /** Both DSLs define the same routes, with a consumer of finished tasks for every kind of job. */
    private static List<String> expectedRouteIds() {
        List<String> ids = new ArrayList<>(List.of("sql-flow-claim", "sql-flow-submit", "sql-flow-failure",
                "sql-flow-done", "sql-flow-record", "sql-flow-recover"));
        SqlFlowJobs.KINDS.forEach(kind -> ids.add("sql-flow-done-" + kind));
        return ids;
    }

    private static void assertOneCreateRequestPerJob() {
        assertThat(createRequests).allSatisfy((externalId, requests) ->
                assertThat(requests).as("create requests for %s", externalId).hasValue(1));
    }

    // --- the flow and its database --------------------------------------------------------------------------------

    /** Starts the flow on the table; {@code settings}: more flow properties, as name, value, name, value... */
    private FlowApp start(Dsl dsl, JobsTable jobs, String name, Object... settings) throws Exception {
        FlowApp app = new FlowApp(dsl, new SqlFlow(), SqlFlow.YAML, KlingBackend.using(simulator))
                .property("camel.main.name", name)
                .property("sql.url", jobs.url())
                .property("sql.user", jobs.user())
                .property("sql.password", jobs.password())
                .property("sql.externalIdPrefix", PREFIX)
                .property("sql.pollDelay", 50)
                .property("sql.taskPollDelay", 100)
                .property("sql.recoveryDelay", 100)
                .property("sql.staleAfterSeconds", 60)
                .property("camel.component.kling.pollInterval", 50)
                .property("camel.component.kling.maxPollInterval", 250);
        for (int i = 0; i < settings.length; i += 2) {
            app.property((String) settings[i], settings[i + 1]);
        }
        toClose.add(app);
        return app.start();
    }

    private JobsTable table(Database database) throws SQLException {
        JobsTable table = database == Database.H2 ? JobsTable.h2() : JobsTable.postgres();
        toClose.add(table);
        return table;
    }

    /** The task a previous instance created for a job (with the job's external id) before it died. */
    private String createTaskAsTheDeadInstance(String kind, String externalId) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            KlingComponent kling = new KlingComponent();
            kling.getConfiguration().setBaseUrl(simulator.baseUrl());
            kling.getConfiguration().setAccessKey(simulator.accessKey());
            kling.getConfiguration().setSecretKey(simulator.secretKey());
            context.addComponent("kling", kling);
            context.start();
            Exchange created = context.createProducerTemplate().request("kling:" + kind, exchange -> {
                exchange.getMessage().setBody("Created by an instance that died before it wrote the task id");
                exchange.getMessage().setHeader("CamelKlingExternalTaskId", externalId);
            });
            assertThat(created.getException()).isNull();
            return created.getMessage().getHeader("CamelKlingTaskId", String.class);
        }
    }

    /** A row of the jobs table as the test reads it. */
    record Row(long id, String status, String owner, String taskId, List<String> resultUrls, String error) {

        boolean isFinal() {
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        }
    }

    /** The jobs table of one test: in a fresh H2 in-memory database, or a fresh schema of the PostgreSQL database. */
    private record JobsTable(String url, String user, String password, DataSource dataSource, String cleanUp)
            implements AutoCloseable {

        static JobsTable h2() {
            String url = "jdbc:h2:mem:sql-flow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            return open(url, "sa", "", "SHUTDOWN");
        }

        /** Needs {@code -Dkling.it.postgres=<JDBC URL>}; the user and password default to postgres and none. */
        static JobsTable postgres() throws SQLException {
            String base = System.getProperty("kling.it.postgres");
            assumeTrue(base != null && !base.isBlank(), "PostgreSQL runs only with -Dkling.it.postgres=<JDBC URL>");
            String user = System.getProperty("kling.it.postgres.user", "postgres");
            String password = System.getProperty("kling.it.postgres.password", "");
            String schema = "sql_flow_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = new DriverManagerDataSource(base, user, password).getConnection();
                 Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            }
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return open(url, user, password, "drop schema " + schema + " cascade");
        }

        private static JobsTable open(String url, String user, String password, String cleanUp) {
            // the flow creates the table when it starts; the test needs it earlier, so it runs the same schema
            return new JobsTable(url, user, password, SqlFlowDatabase.open(url, user, password), cleanUp);
        }

        /** Inserts the jobs in one transaction and returns them with their ids, in order. */
        List<Job> insert(List<JobSpec> specs) throws SQLException {
            List<Job> jobs = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement insert = c.prepareStatement(
                         "insert into jobs (kind, prompt, options) values (?, ?, ?)", new String[] {"id"})) {
                c.setAutoCommit(false);
                for (JobSpec spec : specs) {
                    insert.setString(1, spec.kind());
                    insert.setString(2, spec.prompt());
                    insert.setString(3, spec.options());
                    insert.executeUpdate();
                    try (ResultSet key = insert.getGeneratedKeys()) {
                        key.next();
                        jobs.add(new Job(key.getLong(1), spec));
                    }
                }
                c.commit();
            }
            return jobs;
        }

        /** A job an instance claimed this many hours ago and has not written a task id for. */
        long insertClaimed(String kind, String prompt, int hoursAgo) throws SQLException {
            String owner = hoursAgo == 0 ? "an-instance-that-is-still-working" : "an-instance-that-died";
            try (Connection c = dataSource.getConnection();
                 PreparedStatement insert = c.prepareStatement(
                         "insert into jobs (kind, prompt, status, owner, updated_at) values (?, ?, 'SUBMITTED', ?,"
                         + " LOCALTIMESTAMP - INTERVAL '" + hoursAgo + "' HOUR)", new String[] {"id"})) {
                insert.setString(1, kind);
                insert.setString(2, prompt);
                insert.setString(3, owner);
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    return key.getLong(1);
                }
            }
        }

        /** Writes a task id into a job, as the instance that created the task did before it died. */
        void recordTask(long id, String taskId) throws SQLException {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement update = c.prepareStatement("update jobs set task_id = ? where id = ?")) {
                update.setString(1, taskId);
                update.setLong(2, id);
                update.executeUpdate();
            }
        }

        Row uncheckedRow(long id) {
            try {
                return row(id);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        List<Row> rows() throws SQLException {
            return select("select id, status, owner, task_id, result_urls, error from jobs order by id", null);
        }

        Row row(long id) throws SQLException {
            return select("select id, status, owner, task_id, result_urls, error from jobs where id = ?", id).get(0);
        }

        private List<Row> select(String sql, Long id) throws SQLException {
            List<Row> rows = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
                if (id != null) {
                    select.setLong(1, id);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong("id"), rs.getString("status"), rs.getString("owner"),
                                rs.getString("task_id"), urls(rs.getString("result_urls")), rs.getString("error")));
                    }
                }
            }
            return rows;
        }

        private static List<String> urls(String json) {
            if (json == null) {
                return List.of();
            }
            try {
                return JSON.readValue(json, new TypeReference<List<String>>() {
                });
            } catch (IOException e) {
                throw new AssertionError("result_urls is not a JSON array of URLs: " + json, e);
            }
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(cleanUp);
            }
        }
    }

    // --- media ----------------------------------------------------------------------------------------------------

    @TempDir
    Path downloads;

    private Path download(String url, String name) throws IOException, InterruptedException {
        Path file = downloads.resolve(name);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofFile(file));
        return file;
    }

    private static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, 640, 360);
        g.setColor(Color.ORANGE);
        g.fillOval(260, 120, 120, 120);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }
}
