package dev.camelkling.kamelets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A secret key with '+', '&amp;' and '%' reaches Kling intact through every way a Kamelet gets its properties, while
 * the Kamelet leaves its optional properties unset (so Camel drops their placeholders and re-encodes the URI), and is
 * never logged.
 */
class SecretsTest extends KameletTestSupport {

    static final String ACCESS_KEY = "awkward-ak";
    static final String SECRET = "Kl1ng+S3cr&t%Key";
    static final String KAMELET = "kling-image-generation-action";

    static KlingSimulator awkward;

    @BeforeAll
    static void startAwkwardSimulator() {
        awkward = KlingSimulator.builder().accessKey(ACCESS_KEY).secretKey(SECRET)
                .timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300))).build().start();
    }

    @AfterAll
    static void stopAwkwardSimulator() {
        awkward.close();
    }

    @BeforeEach
    void resetAwkwardSimulator() {
        awkward.reset();
    }

    private static PipeSpec pipe(Path out, PipeSpec.Endpoint source, PipeSpec.Endpoint action) {
        return PipeSpec.named("secret-pipe").source(source).step(action)
                .sink(PipeSpec.uri("file:" + out + "?fileName=${header.CamelKlingTaskId}_${header.CamelKlingTaskStatus}.png"
                                   + "&tempPrefix=.writing-"));
    }

    /** The action with everything but the secret key; every other optional property is left unset. */
    private static PipeSpec.Endpoint action() {
        return PipeSpec.kamelet(KAMELET).with("baseUrl", awkward.baseUrl()).with("accessKey", ACCESS_KEY)
                .with("download", true).with("pollInterval", 50).with("maxPollInterval", 250);
    }

    private void assertOnePngMadeWithTheSecret(Path out) throws Exception {
        List<Path> files = awaitFiles(out, 1);
        assertThat(files).hasSize(1);
        assertThat(statusOf(files.get(0))).isEqualTo("succeed");
        assertThat(awkward.taskStatus(taskIdOf(files.get(0)))).contains("succeed");
        assertThat(TestMedia.image(files.get(0))).isNotNull();
        assertThat(awkward.createdTaskCount()).isEqualTo(1);
    }

    private static void assertSecretNotIn(String log) {
        // the log did show the key's property, masked (Camel's summary of the Kamelet properties)
        assertThat(log).contains("secretKey = xxxxxx")
                .doesNotContain(SECRET)
                .doesNotContain(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))
                .doesNotContain("S3cr");
    }

    @Test
    void asCamelKRunsAPipeTheSecretIsAnApplicationPropertyAndArrivesAsWritten() throws Exception {
        Path out = dir.resolve("out");
        PipeSpec pipe = pipe(out, timerOnce("A lighthouse at dusk"), action().with("secretKey", SECRET));
        try (LogCapture log = LogCapture.start(); CamelMainRun run = runAsCamelK(pipe, Map.of())) {
            assertOnePngMadeWithTheSecret(out);
            assertSecretNotIn(log.text());
        }
    }

    @Test
    void asCamelKRunsAPipeThatTakesTheSecretFromAKubernetesSecretMountedAsProperties() throws Exception {
        Path out = dir.resolve("out");
        PipeSpec pipe = pipe(out, timerOnce("A lighthouse at dusk"), action().with("secretKey", "{{kling.secret-key}}"));
        // kamel run/bind --config secret:kling mounts the Secret's keys as properties such as kling.secret-key
        try (LogCapture log = LogCapture.start(); CamelMainRun run = runAsCamelK(pipe, Map.of("kling.secret-key", SECRET))) {
            assertOnePngMadeWithTheSecret(out);
            assertSecretNotIn(log.text());
        }
    }

    @Test
    void aKameletUriTakesTheSecretInRaw() throws Exception {
        Path routes = Files.writeString(dir.resolve("route.yaml"), """
                - route:
                    from:
                      uri: direct:poster
                      steps:
                        - to: "kamelet:%s?baseUrl=%s&accessKey=%s&secretKey=RAW(%s)&pollInterval=50&maxPollInterval=250"
                """.formatted(KAMELET, awkward.baseUrl(), ACCESS_KEY, SECRET));
        try (LogCapture log = LogCapture.start(); CamelMainRun run = CamelMainRun.start(Map.of(), routes)) {
            Exchange out = run.template().request("direct:poster", e -> e.getMessage().setBody("A lighthouse at dusk"));

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader("CamelKlingTaskStatus")).isEqualTo("succeed");
            assertThat(awkward.createdTaskCount()).isEqualTo(1);
            assertSecretNotIn(log.text());
        }
    }

    @Test
    void aPipeRunByCamelYamlDslTakesTheSecretInRaw() throws Exception {
        Path out = dir.resolve("out");
        PipeSpec pipe = pipe(out, timerOnce(raw("A lighthouse at dusk")), action().with("secretKey", raw(SECRET)));
        try (LogCapture log = LogCapture.start(); CamelMainRun run = runPipe(pipe)) {
            assertOnePngMadeWithTheSecret(out);
            assertSecretNotIn(log.text());
        }
    }

    @Test
    void aPipeRunByCamelYamlDslTakesTheSecretFromTheKameletsApplicationProperty() throws Exception {
        Path out = dir.resolve("out");
        PipeSpec pipe = pipe(out, timerOnce(raw("A lighthouse at dusk")), action());
        try (LogCapture log = LogCapture.start();
             CamelMainRun run = runPipe(pipe, Map.of("camel.kamelet." + KAMELET + ".secretKey", SECRET))) {
            assertOnePngMadeWithTheSecret(out);
            assertSecretNotIn(log.text());
        }
    }

    /**
     * Camel 4.18's Pipe loader writes the properties URL-encoded into the route's kamelet: URI, whose normalisation
     * then decodes %25 and %26 before parsing it: the route cannot even be created, whatever the Kamelet does. The
     * docs say to write such a value as RAW(...); this pins the failure they describe.
     */
    @Test
    void aPipeRunByCamelYamlDslCannotTakeASecretWithPercentWrittenPlainly() {
        PipeSpec pipe = pipe(dir.resolve("out"), timerOnce("poster"), action().with("secretKey", SECRET));

        assertThatThrownBy(() -> runPipe(pipe).close())
                .hasStackTraceContaining("Failed to resolve endpoint: kamelet://" + KAMELET)
                .hasStackTraceContaining("URLDecoder: Illegal hex characters in escape (%) pattern");
        assertThat(awkward.createdTaskCount()).isZero();
    }
}
