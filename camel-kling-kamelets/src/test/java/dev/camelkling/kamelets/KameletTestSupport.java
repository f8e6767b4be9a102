package dev.camelkling.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

/**
 * Runs Pipes and routes of the catalog's Kamelets in Camel Main against one Kling simulator over real HTTP: tasks
 * finish within ~300 ms and the Kamelets re-poll every 50-250 ms.
 */
abstract class KameletTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static KlingSimulator sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        sim = KlingSimulator.builder().timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300))).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }

    /** A catalog Kamelet pointed at the simulator, with short re-poll intervals (actions only). */
    static PipeSpec.Endpoint kling(String kamelet) {
        PipeSpec.Endpoint endpoint = PipeSpec.kamelet(kamelet).with("baseUrl", sim.baseUrl())
                .with("accessKey", sim.accessKey()).with("secretKey", sim.secretKey());
        return kamelet.endsWith("-action") ? endpoint.with("pollInterval", 50).with("maxPollInterval", 250) : endpoint;
    }

    /** timer-source from apache/camel-kamelets, firing once. */
    static PipeSpec.Endpoint timerOnce(String message) {
        return PipeSpec.kamelet("timer-source").with("message", message).with("repeatCount", 1).with("period", 100);
    }

    /**
     * A value as a Pipe run by camel-yaml-dsl needs it when it has spaces or URI syntax: Camel 4.18 writes Pipe
     * properties URL-encoded into a kamelet: URI and the Kamelet receives them still encoded; RAW(...) keeps them as
     * written (docs/deploy-camel-k.md).
     */
    static String raw(String value) {
        return "RAW(" + value + ")";
    }

    /** A file sink whose file names carry the task's id and status headers, so the test sees both. */
    PipeSpec.Endpoint fileSink(Path out, String extension) {
        return PipeSpec.uri("file:" + out + "?fileName=${header.CamelKlingTaskId}_${header.CamelKlingTaskStatus}." + extension
                            + "&tempPrefix=.writing-");
    }

    /** Runs the Pipe resource as {@code camel run pipe.yaml} does (camel-yaml-dsl's Pipe loader). */
    CamelMainRun runPipe(PipeSpec pipe) throws Exception {
        return runPipe(pipe, Map.of());
    }

    CamelMainRun runPipe(PipeSpec pipe, Map<String, String> applicationProperties) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "pipe-", ".yaml"), pipe.pipeYaml());
        return CamelMainRun.start(applicationProperties, file);
    }

    /** Runs the integration the Camel K operator makes of the Pipe: a route of kamelet:name/id plus properties. */
    CamelMainRun runAsCamelK(PipeSpec pipe, Map<String, String> moreProperties) throws Exception {
        PipeSpec.CamelKIntegration integration = pipe.camelKIntegration();
        Path file = Files.writeString(Files.createTempFile(dir, "integration-", ".yaml"), integration.routeYaml());
        Map<String, String> properties = new LinkedHashMap<>(integration.applicationProperties());
        properties.putAll(moreProperties);
        return CamelMainRun.start(properties, file);
    }

    /** A finished text2video task made directly with the component: input for the Kamelets that need a video. */
    static KlingTask video() throws Exception {
        return withComponent(template -> template.requestBody(klingUri("text2video") + "&waitForCompletion=true",
                "A presenter facing the camera", KlingTask.class));
    }

    /** Creates text2video tasks with these external ids (and the callback URL, if any), without waiting for them. */
    static List<String> createTasks(List<String> externalIds, String callbackUrl) throws Exception {
        String uri = klingUri("text2video") + (callbackUrl == null ? "" : "&callbackUrl=" + callbackUrl);
        return withComponent(template -> externalIds.stream().map(id -> template.requestBodyAndHeader(uri,
                "A paper boat on a pond", "CamelKlingExternalTaskId", id, KlingTask.class).taskId()).toList());
    }

    private static String klingUri(String feature) {
        return "kling:" + feature + "?pollInterval=50&maxPollInterval=250&baseUrl=" + sim.baseUrl() + "&accessKey="
               + sim.accessKey() + "&secretKey=" + sim.secretKey();
    }

    private static <T> T withComponent(ThrowingFunction<ProducerTemplate, T> work) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        try {
            context.start();
            return work.apply(context.createProducerTemplate());
        } finally {
            context.stop();
        }
    }

    interface ThrowingFunction<A, B> {
        B apply(A input) throws Exception;
    }

    static List<Path> awaitFiles(Path directory, int count) {
        await().atMost(TIMEOUT).until(() -> files(directory).size() >= count);
        return files(directory);
    }

    static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            // the file sinks write under a hidden temporary name first (tempPrefix): only finished files count
            return list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The task id a file sink named {@code <task id>_<status>.<ext>} wrote. */
    static String taskIdOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.indexOf('_'));
    }

    static String statusOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.indexOf('_') + 1, name.indexOf('.', name.indexOf('_')));
    }
}
