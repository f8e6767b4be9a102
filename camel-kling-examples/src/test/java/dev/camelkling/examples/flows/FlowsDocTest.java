package dev.camelkling.examples.flows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.camelkling.examples.DocRegions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes shown in docs/flows.md are the ones the flow tests run: the Java region between {@code // example:<name>}
 * and {@code // end:<name>} of each flow class. Run with {@code -Dkling.docs.update=true} to rewrite the doc.
 */
class FlowsDocTest {

    private static final Path DOC = Path.of("..", "docs", "flows.md");
    private static final Path FLOWS = Path.of("src", "main", "java", "dev", "camelkling", "examples", "flows");
    private static final List<String> NAMES = List.of("file", "ftp", "kafka", "sql", "http");

    @Test
    void docsShowTheRoutesThatAreTested() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String updated = doc;
        for (String name : NAMES) {
            String className = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Flow";
            String java = Files.readString(FLOWS.resolve(className + ".java"), StandardCharsets.UTF_8);
            updated = DocRegions.replaceBetween(updated, "flow:" + name, "```java\n" + DocRegions.javaRegion(java, name) + "```\n");
        }
        if (Boolean.getBoolean("kling.docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/flows.md routes are stale: run mvn test -pl camel-kling-examples -Dtest=FlowsDocTest"
                           + " -Dkling.docs.update=true").isEqualTo(updated);
    }
}
