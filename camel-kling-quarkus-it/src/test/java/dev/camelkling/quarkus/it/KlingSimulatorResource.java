package dev.camelkling.quarkus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the Kling simulator in-process before the Quarkus application and points the application's
 * {@code camel.component.kling.*} configuration at it, with keys nobody else uses: a task can only succeed if they
 * reached the component, and a leak into the log is findable.
 */
public class KlingSimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the log file to write; without it, the log file @QuarkusIntegrationTest's launcher writes. */
    static final String LOG_FILE = "log-file";
    private static final Path LAUNCHER_LOG = Path.of("target", "quarkus.log");

    private Path ownLogFile;
    private PosterFixture fixture;

    @Override
    public void init(Map<String, String> initArgs) {
        ownLogFile = initArgs.containsKey(LOG_FILE) ? Path.of(initArgs.get(LOG_FILE)) : null;
    }

    @Override
    public Map<String, String> start() {
        KlingSimulator simulator = KlingSimulator.builder()
                .accessKey("ak-" + UUID.randomUUID()).secretKey("sk-" + UUID.randomUUID())
                .timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300)))
                .build().start();
        Path work = createTempDirectory();
        fixture = new PosterFixture(simulator, work.resolve("inbox"), work.resolve("outbox"),
                ownLogFile != null ? ownLogFile : LAUNCHER_LOG);
        Map<String, String> config = new HashMap<>(Map.ofEntries(
                Map.entry("camel.component.kling.base-url", simulator.baseUrl()),
                Map.entry("camel.component.kling.access-key", simulator.accessKey()),
                Map.entry("camel.component.kling.secret-key", simulator.secretKey()),
                Map.entry("camel.component.kling.poll-interval", "50"),
                Map.entry("camel.component.kling.max-poll-interval", "250"),
                Map.entry("posters.inbox", fixture.inbox().toString()),
                Map.entry("posters.outbox", fixture.outbox().toString()),
                // the component's and Camel Quarkus' own logging at DEBUG, into the file the test searches
                Map.entry("quarkus.log.category.\"dev.camelkling\".level", "DEBUG"),
                Map.entry("quarkus.log.category.\"org.apache.camel.quarkus\".level", "DEBUG"),
                Map.entry("posters.poll-delay", "100")));
        if (ownLogFile != null) {
            deleteIfExists(ownLogFile); // a line from an earlier run must not pass for one of this run
            config.put("quarkus.log.file.enabled", "true");
            config.put("quarkus.log.file.path", ownLogFile.toAbsolutePath().toString());
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fixture, new TestInjector.MatchesType(PosterFixture.class));
    }

    @Override
    public void stop() {
        if (fixture != null) {
            fixture.simulator().close();
            deleteRecursively(fixture.inbox().getParent());
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("kling-quarkus-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
