package dev.camelkling.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

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
        String updated = replaceBetween(doc, "deployment:java",
                "Java DSL (`ConsumerDeployment`):\n\n```java\n" + javaRegion(java) + "```\n");
        updated = replaceBetween(updated, "deployment:yaml", "YAML DSL (`routes/consumer-partition.yaml`):\n\n```yaml\n"
                                                              + Files.readString(YAML, StandardCharsets.UTF_8) + "```\n");
        if (Boolean.getBoolean("kling.docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/consumers.md deployment snippets are stale: run mvn test -pl camel-kling-examples"
                           + " -Dtest=ConsumersDocTest -Dkling.docs.update=true").isEqualTo(updated);
    }

    private static String javaRegion(String java) {
        int start = java.indexOf("// example:consumer\n");
        int end = java.indexOf("// end:consumer\n");
        assertThat(start).as("region example:consumer in ConsumerDeployment").isNotNegative();
        assertThat(end).as("region end:consumer").isGreaterThan(start);
        String region = java.substring(java.indexOf('\n', start) + 1, java.lastIndexOf('\n', end) + 1);
        return region.lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String replaceBetween(String doc, String marker, String content) {
        String start = "<!-- " + marker + ": START -->\n";
        String end = "<!-- " + marker + ": END -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from).as("marker %s in docs/consumers.md", start.trim()).isNotNegative();
        assertThat(to).as("marker %s", end).isGreaterThan(from);
        return doc.substring(0, from + start.length()) + content + doc.substring(to);
    }
}
