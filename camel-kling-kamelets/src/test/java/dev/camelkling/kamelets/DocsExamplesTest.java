package dev.camelkling.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Integration and Pipe custom resources of docs/deploy-camel-k.md are these test resources, word for word, and
 * what of them can run without Kubernetes runs: the Integration's flow as a route, the Pipe as the Camel K operator
 * turns it into one, with the properties a mounted Secret would give. The dependencies and traits need the operator.
 */
class DocsExamplesTest extends KameletTestSupport {

    static final Path DOC = Path.of("..", "docs", "deploy-camel-k.md");

    /** What `--config secret:kling` (the mount trait) makes of a Secret with these keys, plus the simulator's URL. */
    private Map<String, String> secretAndSimulator(String baseUrlProperty) {
        return Map.of("kling.access-key", sim.accessKey(), "kling.secret-key", sim.secretKey(), baseUrlProperty, sim.baseUrl());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DocsExamplesTest.class.getResourceAsStream("/camel-k/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocsShowTheExamplesWordForWord() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (String example : List.of("integration.yaml", "pipe.yaml")) {
            assertThat(doc).as("docs/deploy-camel-k.md shows camel-k/" + example).contains("```yaml\n" + resource(example) + "```\n");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIntegrationsFlowMakesAPoster() throws Exception {
        Path out = dir.resolve("posters");
        Map<String, Object> integration = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(resource("integration.yaml").replace("/var/kling/posters", out.toString()));
        Map<String, Object> spec = (Map<String, Object>) integration.get("spec");
        assertThat((List<String>) spec.get("dependencies"))
                .containsExactly("mvn:dev.camelkling:camel-kling:" + KameletCatalogTest.componentVersion());
        Path flows = Files.writeString(dir.resolve("flows.yaml"), new Dump(DumpSettings.builder().build()).dumpToString(spec.get("flows")));

        try (CamelMainRun run = CamelMainRun.start(secretAndSimulator("camel.component.kling.base-url"), flows)) {
            List<Path> files = awaitFiles(out, 1);
            assertThat(TestMedia.image(files.get(0)).getHeight()).isGreaterThan(TestMedia.image(files.get(0)).getWidth());
        }
    }

    @Test
    void thePipeMakesAVideoAsCamelKRunsIt() throws Exception {
        Path out = dir.resolve("videos");
        PipeSpec pipe = PipeSpec.parse(resource("pipe.yaml").replace("/var/kling/videos", out.toString()));

        // the base URL (and a short re-poll) are the Kamelet's application properties here, so that the Pipe stays as
        // the docs show it
        Map<String, String> properties = new HashMap<>(secretAndSimulator("camel.kamelet.kling-text-to-video-action.baseUrl"));
        properties.put("camel.kamelet.kling-text-to-video-action.pollInterval", "50");
        try (CamelMainRun run = runAsCamelK(pipe, properties)) {
            List<Path> files = awaitFiles(out, 1);
            assertThat(TestMedia.isMp4(files.get(0))).isTrue();
        }
        assertThat(sim.createdTaskCount()).isEqualTo(1);
    }
}
