package dev.camelkling.examples.flows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.component.KlingConstants;
import dev.camelkling.examples.MediaCheck;
import dev.camelkling.examples.flows.FlowApp.Dsl;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

/**
 * The file-drop flow, in both DSLs, against the simulator on real folders: videos and sidecars for good jobs, error
 * reports for failed and invalid ones, inputs moved only when their task is final, and one task per job across a
 * restart in the middle of a run.
 */
class FileFlowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOX = "A red fox trotting through fresh snow at dawn\n";

    @TempDir
    Path root;

    private Path inbox;
    private Path outbox;
    private Path errors;
    private KlingSimulator simulator;
    private final List<FlowApp> apps = new ArrayList<>();

    @BeforeEach
    void startSimulator() throws IOException {
        simulator = KlingSimulator.builder().timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300)))
                .maxConcurrentTasks(50).build().start();
        inbox = Files.createDirectories(root.resolve("inbox"));
        outbox = root.resolve("videos");
        errors = root.resolve("errors");
    }

    @AfterEach
    void stopAll() {
        try {
            apps.forEach(FlowApp::close);
        } finally {
            simulator.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void txtAndJsonJobsBecomeVideosWithSidecars(Dsl dsl) throws Exception {
        startApp(dsl);
        drop("fox.txt", FOX);
        drop("city night.v2.JSON", """
                {"prompt": "Neon reflections on a rainy street at night", "aspectRatio": "9:16", "duration": 10}
                """);

        await().atMost(DEADLINE).until(() -> isDone("fox.txt") && isDone("city night.v2.JSON"));

        // outputs are named after the input without its last extension
        for (Map.Entry<String, String> jobAndInput : Map.of("fox", "fox.txt", "city night.v2", "city night.v2.JSON")
                .entrySet()) {
            String job = jobAndInput.getKey();
            String input = jobAndInput.getValue();
            assertThat(MediaCheck.isRealMedia(outbox.resolve(job + ".mp4"))).as(job + ".mp4 is an MP4").isTrue();
            JsonNode sidecar = readJson(outbox.resolve(job + ".json"));
            assertThat(sidecar.path("status").asText()).isEqualTo("succeed");
            assertThat(sidecar.path("input").asText()).isEqualTo(input);
            assertThat(sidecar.path("video").asText()).isEqualTo(job + ".mp4");
            assertThat(sidecar.path("externalTaskId").asText()).isEqualTo(externalIdOf(input));
            String taskId = sidecar.path("taskId").asText();
            assertThat(simulator.taskStatus(taskId)).as("the simulator knows task " + taskId).contains("succeed");
            assertThat(simulator.tasksByExternalId(sidecar.path("externalTaskId").asText())).isEqualTo(1);
            assertThat(sidecar.path("resultUrls")).hasSize(1);
            assertThat(sidecar.path("createdAt").asText()).isNotBlank();
            assertThat(sidecar.path("updatedAt").asText()).isNotBlank();
        }
        // the JSON options reached Kling: a portrait video of 10 s; the .txt job has Kling's defaults (16:9, 5 s)
        Mp4Facts portrait = Mp4Facts.of(outbox.resolve("city night.v2.mp4"));
        assertThat(portrait.height()).isGreaterThan(portrait.width());
        assertThat(portrait.seconds()).isEqualTo(10.0, offset(0.5));
        Mp4Facts landscape = Mp4Facts.of(outbox.resolve("fox.mp4"));
        assertThat(landscape.width()).isGreaterThan(landscape.height());
        assertThat(landscape.seconds()).isEqualTo(5.0, offset(0.5));
        assertThat(simulator.createdTaskCount()).isEqualTo(2);

        // the same file dropped again unchanged is the same job: its video again, from the task already paid for
        Files.delete(outbox.resolve("fox.mp4"));
        drop("fox.txt", FOX);
        await().atMost(DEADLINE).until(() -> !Files.exists(inbox.resolve("fox.txt")));
        assertThat(MediaCheck.isRealMedia(outbox.resolve("fox.mp4"))).isTrue();
        assertThat(isDone("fox.txt")).isTrue();
        assertThat(simulator.createdTaskCount()).isEqualTo(2);
        assertThat(errors).doesNotExist();
        assertThat(inbox.resolve(".failed")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aTaskThatFailsGoesToTheErrorFolder(Dsl dsl) throws Exception {
        startApp(dsl);
        drop("boat.txt", "A paper boat on a stormy sea [[fail]]");

        await().atMost(DEADLINE).until(() -> Files.exists(inbox.resolve(".failed/boat.txt")));

        JsonNode error = readJson(errors.resolve("boat.error.json"));
        assertThat(error.path("input").asText()).isEqualTo("boat.txt");
        assertThat(error.path("status").asText()).isEqualTo("failed");
        assertThat(error.path("statusMessage").asText()).isEqualTo("Failure to pass the risk control system");
        assertThat(error.path("reason").asText()).contains("Failure to pass the risk control system");
        assertThat(simulator.taskStatus(error.path("taskId").asText())).contains("failed");
        assertThat(inbox.resolve("boat.txt")).doesNotExist();
        assertThat(outbox.resolve("boat.mp4")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void invalidJobsNameTheFieldAndCreateNoTask(Dsl dsl) throws Exception {
        startApp(dsl);
        Map<String, String> badJobs = Map.of(
                "seven-seconds.json", "{\"prompt\": \"A lighthouse\", \"duration\": 7}",
                "wide.json", "{\"prompt\": \"A lighthouse\", \"aspectRatio\": \"2:1\"}",
                "snake.json", "{\"prompt\": \"A lighthouse\", \"aspect_ratio\": \"4:3\"}",
                "colour.json", "{\"prompt\": \"A lighthouse\", \"colour\": \"red\"}",
                "own-id.json", "{\"prompt\": \"A lighthouse\", \"externalTaskId\": \"mine\"}",
                "no-prompt.json", "{\"duration\": 5}",
                "broken.json", "{\"prompt\": \"A lighthouse\"",
                "empty.txt", "");
        badJobs.forEach(this::drop);

        await().atMost(DEADLINE).until(() -> badJobs.keySet().stream()
                .allMatch(name -> Files.exists(inbox.resolve(".failed").resolve(name))));

        Map<String, String> fieldOf = Map.of("seven-seconds", "duration", "wide", "aspect_ratio",
                "snake", "aspect_ratio", "colour", "colour", "own-id", "externalTaskId", "no-prompt", "prompt",
                "broken", "body", "empty", "prompt");
        fieldOf.forEach((job, field) -> {
            JsonNode error = readJson(errors.resolve(job + ".error.json"));
            assertThat(error.path("field").asText()).as(job).isEqualTo(field);
            assertThat(error.path("rule").asText()).as(job).isNotBlank();
            if (!field.equals("body")) { // a KlingValidationException's message names its field; Jackson's does not
                assertThat(error.path("reason").asText()).as(job).contains(field);
            }
            assertThat(error.has("taskId")).as(job + " made no task").isFalse();
        });
        assertThat(readJson(errors.resolve("seven-seconds.error.json")).path("rule").asText()).contains("5", "10");
        assertThat(readJson(errors.resolve("wide.error.json")).path("rule").asText()).contains("16:9");
        assertThat(simulator.createdTaskCount()).isZero();
        assertThat(outbox).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aFileStillBeingWrittenIsLeftAloneUntilComplete(Dsl dsl) throws Exception {
        startApp(dsl, 1000); // a file must have gone unmodified for 1 s before it is read
        Path job = inbox.resolve("kite.json");
        Files.writeString(job, "{\"prompt\": \"A red kite");
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            // a slow writer: more words every 50 ms for about 1.5 s; read half-way, the JSON would be broken
            AtomicInteger words = new AtomicInteger();
            writer.scheduleAtFixedRate(() -> append(job, words.incrementAndGet() < 30 ? " rising" : "\"}"),
                    50, 50, TimeUnit.MILLISECONDS);
            await().atMost(DEADLINE).until(() -> words.get() >= 30);
        } finally {
            writer.shutdownNow();
        }

        await().atMost(DEADLINE).until(() -> isDone("kite.json"));
        assertThat(readJson(outbox.resolve("kite.json")).path("status").asText()).isEqualTo("succeed");
        assertThat(errors).doesNotExist();
        assertThat(simulator.createdTaskCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aRestartMidRunResumesEveryJobsTaskInsteadOfCreatingAnother(Dsl dsl) throws Exception {
        simulator.timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMinutes(10))); // held until completeTask
        List<String> jobs = List.of("balloon.txt", "snail.json");
        FlowApp first = startApp(dsl);
        drop("balloon.txt", "A hot air balloon over a valley");
        drop("snail.json", "{\"prompt\": \"A snail racing a leaf\", \"aspectRatio\": \"1:1\"}");
        await().atMost(DEADLINE).until(() -> simulator.createdTaskCount() == jobs.size());

        first.close(); // stopped mid-run: every task is still processing at Kling
        for (String job : jobs) {
            assertThat(inbox.resolve(job)).as(job + " stays in the inbox until its task is final").exists();
        }
        assertThat(inbox.resolve(".done")).doesNotExist();
        assertThat(inbox.resolve(".failed")).doesNotExist();
        assertThat(errors).doesNotExist();

        FlowApp second = startApp(dsl);
        await().atMost(DEADLINE).until(() -> second.context().getInflightRepository().size() == jobs.size());
        ProducerTemplate kling = second.context().createProducerTemplate();
        for (String job : jobs) {
            String taskId = kling.request("kling:text2video?operation=get", exchange -> exchange.getMessage()
                    .setHeader(KlingConstants.EXTERNAL_TASK_ID, externalIdOf(job)))
                    .getMessage().getHeader(KlingConstants.TASK_ID, String.class);
            assertThat(simulator.completeTask(taskId)).as("task of " + job + " was still running").isTrue();
        }

        await().atMost(DEADLINE).until(() -> jobs.stream().allMatch(this::isDone));
        for (String job : jobs) {
            String base = job.substring(0, job.lastIndexOf('.'));
            assertThat(MediaCheck.isRealMedia(outbox.resolve(base + ".mp4"))).isTrue();
            assertThat(readJson(outbox.resolve(base + ".json")).path("status").asText()).isEqualTo("succeed");
            assertThat(simulator.tasksByExternalId(externalIdOf(job))).as("tasks for " + job).isEqualTo(1);
        }
        assertThat(simulator.createdTaskCount()).isEqualTo(jobs.size());
        assertThat(simulator.externalIdSummary().noDuplicates()).isTrue();
        assertThat(inbox.resolve(".failed")).doesNotExist();
        assertThat(errors).doesNotExist();
    }

    private FlowApp startApp(Dsl dsl) throws Exception {
        return startApp(dsl, 100);
    }

    private FlowApp startApp(Dsl dsl, int readLockMillis) throws Exception {
        FlowApp app = new FlowApp(dsl, new FileFlow(), FileFlow.YAML, KlingBackend.using(simulator))
                .property("file.inbox", inbox)
                .property("file.outbox", outbox)
                .property("file.errors", errors)
                .property("file.pollDelay", 100)
                .property("file.readLockCheckInterval", readLockMillis)
                .property("camel.component.kling.pollInterval", 50)
                .property("camel.component.kling.maxPollInterval", 250)
                // a stop mid-run must not wait for tasks that take minutes: the restart resumes them
                .property("camel.main.shutdownTimeout", 1);
        apps.add(app);
        return app.start();
    }

    private void drop(String name, String content) {
        try {
            Files.writeString(inbox.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finished: the input was moved to .done, which the flow does only after writing the video and its sidecar. */
    private boolean isDone(String job) {
        return Files.exists(inbox.resolve(".done").resolve(job));
    }

    private String externalIdOf(String job) {
        try {
            Path input = Files.exists(inbox.resolve(job)) ? inbox.resolve(job) : inbox.resolve(".done").resolve(job);
            return FileFlowJobId.of("file-", job, Files.readAllBytes(input));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Frame size and length of an MP4, read from its first video track header ({@code tkhd}) and {@code mvhd}. */
    record Mp4Facts(int width, int height, double seconds) {

        static Mp4Facts of(Path mp4) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(mp4));
            int mvhd = indexOf(bytes, "mvhd", 0);
            // version 0 mvhd: version+flags, creation, modification, then timescale and duration (32 bits each)
            double seconds = (double) Integer.toUnsignedLong(bytes.getInt(mvhd + 20))
                             / Integer.toUnsignedLong(bytes.getInt(mvhd + 16));
            for (int tkhd = indexOf(bytes, "tkhd", 0); tkhd >= 0; tkhd = indexOf(bytes, "tkhd", tkhd + 4)) {
                // version 0 tkhd: width and height (16.16 fixed point) are its last 8 bytes, 76 bytes after the type
                int width = bytes.getInt(tkhd + 4 + 76) >>> 16;
                int height = bytes.getInt(tkhd + 4 + 80) >>> 16;
                if (width > 0) {
                    return new Mp4Facts(width, height, seconds);
                }
            }
            throw new IllegalStateException("No video track in " + mp4);
        }

        private static int indexOf(ByteBuffer bytes, String type, int from) {
            byte[] wanted = type.getBytes(StandardCharsets.US_ASCII);
            search:
            for (int i = from; i + wanted.length <= bytes.limit(); i++) {
                for (int k = 0; k < wanted.length; k++) {
                    if (bytes.get(i + k) != wanted[k]) {
                        continue search;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
