package dev.camelkling.karaf.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;

/**
 * Karaf 4.4.10, unpacked by the build, started headless on free loopback ports. camel-kling's features.xml is added
 * and {@code feature:install camel-kling} resolves camel-kling as a bundle of its own, by its own manifest, against
 * the Camel 4.18 runtime bundle standing in for camel-karaf's camel-core feature. A route bundle configured from
 * etc/dev.camelkling.example.cfg (its secret key through {@code $[env:...]}) then generates an image at the
 * in-process simulator and writes it as a PNG.
 */
class KlingOnKarafIT {

    private static final Logger LOG = LoggerFactory.getLogger(KlingOnKarafIT.class);
    private static final String SECRET_KEY_VARIABLE = "KLING_IT_SECRET_KEY";
    private static final String CAMEL_KLING_BUNDLE = "dev.camelkling.camel-kling";

    private static final Path KARAF_HOME = Path.of(System.getProperty("karaf.home"));
    private static final Path WORK = Path.of(System.getProperty("karaf.it.work", "target/karaf-it"));
    private static final Path OUTPUT = WORK.resolve("out");

    private static KlingSimulator simulator;
    private static KarafProcess karaf;

    @BeforeAll
    static void startKarafWithCamelKlingAndTheRouteBundle() throws Exception {
        long started = System.nanoTime();
        simulator = KlingSimulator.builder()
                .timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300)))
                .build()
                .start();
        Files.createDirectories(WORK);
        deleteDirectoryContents(OUTPUT);

        int[] ports = FreePorts.take(3);
        String password = UUID.randomUUID().toString();
        KarafConfiguration etc = new KarafConfiguration(KARAF_HOME);
        etc.ports(ports[0], ports[1], ports[2]);
        etc.user("karaf", password);
        etc.mavenRepositories(Path.of(System.getProperty("karaf.it.repository")), WORK.resolve("empty-local-repository"));
        etc.configuration("dev.camelkling.example", routeSettings());

        karaf = KarafProcess.start(KARAF_HOME, ports[0], "karaf", password,
                Map.of(SECRET_KEY_VARIABLE, simulator.secretKey()), WORK.resolve("karaf-console.log"));
        awaitShell();
        LOG.info("Karaf up after {} ms", (System.nanoTime() - started) / 1_000_000);

        // what docs/deploy-karaf.md tells users, with the stand-in for `feature:repo-add camel <version>`
        karaf.shell("feature:repo-add " + KlingOnKarafIT.class.getResource("/camel-karaf-standin-features.xml"));
        karaf.shell("feature:repo-add mvn:dev.camelkling/camel-kling-karaf-feature/"
                + System.getProperty("camel-kling.version") + "/xml/features");
        karaf.shell("feature:install camel-kling");
        karaf.shell("bundle:install -s " + Path.of(System.getProperty("route.bundle")).toUri());
        LOG.info("feature and route bundle installed after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static Map<String, String> routeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kling.baseUrl", simulator.baseUrl());
        settings.put("kling.accessKey", simulator.accessKey());
        // interpolated by Configuration Admin from the Karaf process's environment: the key is not in the file
        settings.put("kling.secretKey", "$[env:" + SECRET_KEY_VARIABLE + "]");
        settings.put("kling.pollInterval", "50");
        settings.put("kling.maxPollInterval", "250");
        settings.put("prompt", "a lighthouse on a cliff, drawn in ink");
        settings.put("output.directory", OUTPUT.toAbsolutePath().toString());
        return settings;
    }

    private static void awaitShell() {
        await("Karaf's shell and feature service").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(karaf.isAlive()).as("Karaf process").isTrue();
                    return karaf.shell("feature:list -i").contains("kar ");
                });
    }

    @AfterAll
    static void stopKaraf() throws Exception {
        try {
            if (karaf != null) {
                karaf.close();
            }
        } finally {
            Path log = KARAF_HOME.resolve("data/log/karaf.log");
            if (Files.exists(log)) {
                Files.copy(log, WORK.resolve("karaf.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    @Test
    void routeBundleWritesTheImageGeneratedThroughCamelKling() throws Exception {
        Path png = await("a PNG in " + OUTPUT).atMost(Duration.ofSeconds(60))
                .until(() -> files(".png").stream().findFirst().orElse(null), p -> p != null);

        BufferedImage image = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> read(png), i -> i != null);
        assertThat(image.getWidth()).isPositive();
        assertThat(image.getHeight()).isPositive();
        assertThat(files(".png")).hasSize(1);
        assertThat(simulator.createdTaskCount()).as("tasks created at the simulator").isEqualTo(1);
    }

    @Test
    void camelKlingIsActiveAsABundleOfItsOwn() throws Exception {
        String bundles = karaf.shell("bundle:list -s -t 0");
        List<String> camelKling = bundles.lines().filter(l -> l.contains("| " + CAMEL_KLING_BUNDLE + " ")
                || l.trim().endsWith("| " + CAMEL_KLING_BUNDLE)).toList();
        assertThat(camelKling).as("bundle:list\n%s", bundles).hasSize(1);
        assertThat(camelKling.get(0)).contains("Active");

        assertThat(karaf.shell("feature:list -i")).containsPattern("(?m)^camel-kling\\s.*Started");
    }

    @Test
    void camelKlingsImportsAreWiredToCamelJacksonAndTheWrappedJavaJwt() throws Exception {
        String bundleId = karaf.shell("bundle:id " + CAMEL_KLING_BUNDLE).trim();
        String requirements = karaf.shell("bundle:requirements " + bundleId);
        LOG.info("camel-kling's requirements:\n{}", requirements);
        assertThat(provider(requirements, "org.apache.camel"))
                .matches("org\\.apache\\.camel 4\\.18\\.\\d+ from dev\\.camelkling\\.camel-kling-karaf-it-runtime \\[\\d+]");
        assertThat(provider(requirements, "com.fasterxml.jackson.databind"))
                .matches("com\\.fasterxml\\.jackson\\.databind 2\\.\\d+\\.\\d+ from com\\.fasterxml\\.jackson\\.core\\.jackson-databind \\[\\d+]");
        assertThat(provider(requirements, "com.auth0.jwt"))
                .matches("com\\.auth0\\.jwt 4\\.5\\.0 from com\\.auth0\\.java-jwt \\[\\d+]");
    }

    /** From bundle:requirements: "... (osgi.wiring.package=PKG)... resolved by:" then "osgi.wiring.package; PROVIDER". */
    private static String provider(String requirements, String packageName) {
        List<String> lines = requirements.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).contains("(osgi.wiring.package=" + packageName + ")")) {
                return lines.get(i + 1).trim().replaceFirst("^osgi\\.wiring\\.package; ", "");
            }
        }
        throw new AssertionError("no requirement on " + packageName + " in\n" + requirements);
    }

    @Test
    void camelFoundTheComponentAndItsGeneratedConfigurersInCamelKlingsBundle() throws Exception {
        Path wiringFile = OUTPUT.resolve("camel-kling-wiring.properties");
        await("route bundle started Camel").atMost(Duration.ofSeconds(60)).until(() -> Files.exists(wiringFile));
        Properties wiring = new Properties();
        try (InputStream in = Files.newInputStream(wiringFile)) {
            wiring.load(in);
        }
        assertThat(wiring.getProperty("component.bundle")).isEqualTo(CAMEL_KLING_BUNDLE);
        assertThat(wiring.getProperty("component.class")).isEqualTo("dev.camelkling.component.KlingComponent");
        // the generated configurers, found through META-INF/services inside camel-kling's bundle (not reflection)
        assertThat(wiring.getProperty("component.configurer"))
                .isEqualTo("dev.camelkling.component.KlingComponentConfigurer");
        assertThat(wiring.getProperty("endpoint.configurer"))
                .isEqualTo("dev.camelkling.component.KlingEndpointConfigurer");
        assertThat(wiring.getProperty("camel.bundle")).isEqualTo("dev.camelkling.camel-kling-karaf-it-runtime");
        assertThat(wiring.getProperty("camel.version")).startsWith("4.18.");
    }

    private static List<Path> files(String suffix) throws IOException {
        if (!Files.isDirectory(OUTPUT)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(OUTPUT)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static BufferedImage read(Path png) throws IOException {
        return ImageIO.read(png.toFile());
    }

    private static void deleteDirectoryContents(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
