package dev.camelkling.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route examples in docs/kling-component.md are the ones {@link FeatureExamplesTest} runs: this test copies each
 * feature's Java route (between {@code // example:<feature>} and {@code // end:<feature>} in FeatureExamples) and its
 * YAML file into the docs, and fails when the docs differ. Run with {@code -Dkling.docs.update=true} to rewrite them.
 */
class DocsExamplesTest {

    private static final Path DOC = Path.of("..", "docs", "kling-component.md");
    private static final Path JAVA = Path.of("src", "main", "java", "dev", "camelkling", "examples", "FeatureExamples.java");
    private static final Path YAML = Path.of("src", "main", "resources", "routes");

    @Test
    void docsShowTheExamplesThatAreTested() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String java = Files.readString(JAVA, StandardCharsets.UTF_8);
        String updated = doc;
        for (String feature : FeatureExamplesTest.features()) {
            String block = "Java DSL:\n\n```java\n" + DocRegions.javaRegion(java, feature) + "```\n\nYAML DSL:\n\n```yaml\n"
                           + Files.readString(YAML.resolve(feature + ".yaml"), StandardCharsets.UTF_8) + "```\n";
            updated = DocRegions.replaceBetween(updated, "example:" + feature, block);
        }
        if (Boolean.getBoolean("kling.docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/kling-component.md examples are stale: run mvn test -pl camel-kling-examples"
                           + " -Dtest=DocsExamplesTest -Dkling.docs.update=true").isEqualTo(updated);
    }
}
