package dev.camelkling.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment snippets in docs/consumers.md are the ones {@link ConsumerExactlyOnceKafkaTest} runs: the Java route
 * between {@code // example:consumer} and {@code // end:consumer} in ConsumerDeployment, and
 * routes/consumer-partition.yaml. Run with {@code -Dkling.docs.update=true} to rewrite the doc.
 */
class ConsumersDocTest {

    private static final Path DOC = Path.of("..", "docs", "consumers.md");
    private static final Path JAVA = Path.of("src", "main", "java", "dev", "camelkling", "examples", "ConsumerDeployment.java");
    private static final Path YAML = Path.of("src", "main", "resources", "routes", "consumer-partition.yaml");

    @Test
    void docsShowTheDeploymentThatIsTested() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String java = Files.readString(JAVA, StandardCharsets.UTF_8);
        String updated = DocRegions.replaceBetween(doc, "deployment:java",
                "Java DSL (`ConsumerDeployment`):\n\n```java\n" + DocRegions.javaRegion(java, "consumer") + "```\n");
        updated = DocRegions.replaceBetween(updated, "deployment:yaml", "YAML DSL (`routes/consumer-partition.yaml`):\n\n```yaml\n"
                                                              + Files.readString(YAML, StandardCharsets.UTF_8) + "```\n");
        if (Boolean.getBoolean("kling.docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/consumers.md deployment snippets are stale: run mvn test -pl camel-kling-examples"
                           + " -Dtest=ConsumersDocTest -Dkling.docs.update=true").isEqualTo(updated);
    }
}
