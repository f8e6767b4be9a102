package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import dev.camelkling.client.schema.NewDesignModel;
import dev.camelkling.client.schema.NewDesignModels;
import dev.camelkling.client.schema.NewDesignProduct;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the per-model tables of the new design in docs/kling-component.md equal to the client's model tables
 * ({@link NewDesignModels}), which the local validation uses. Run with {@code -Dkling.docs.update=true} to rewrite them.
 */
class NewDesignModelDocsTest {

    private static final Path DOC = Path.of("..", "docs", "kling-component.md");
    private static final String START = "<!-- new-design-models: START -->\n";
    private static final String END = "<!-- new-design-models: END -->";

    @Test
    void theModelTablesInTheDocsMatchTheClientsTables() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(START);
        int to = doc.indexOf(END);
        assertThat(from).as("marker %s", START.trim()).isNotNegative();
        assertThat(to).as("marker %s", END).isGreaterThan(from);
        String updated = doc.substring(0, from + START.length()) + tables() + doc.substring(to);
        if (Boolean.getBoolean("kling.docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/kling-component.md model tables are stale: run with -Dkling.docs.update=true").isEqualTo(updated);
    }

    private static String tables() {
        StringBuilder out = new StringBuilder();
        for (NewDesignProduct product : NewDesignProduct.values()) {
            out.append("`POST ").append(product.path()).append("/{model}`:\n\n")
                    .append("| `modelName` | `resolution` | `duration` (s) | `audio` | `multiShot` | `aspectRatio` | prompt length"
                            + " | last frame | elements | voices | 1080p needed for |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (NewDesignModel model : NewDesignModels.models(product)) {
                out.append("| `").append(model.id()).append("` | ").append(list(model.resolutions()))
                        .append(" | ").append(durations(model.durations()))
                        .append(" | ").append(model.audio().isEmpty() ? "-" : list(model.audio()))
                        .append(" | ").append(yesNo(model.multiShot()))
                        .append(" | ").append(yesNo(model.aspectRatio()))
                        .append(" | ").append(model.maxPromptLength())
                        .append(" | ").append(yesNo(model.lastFrame()))
                        .append(" | ").append(model.maxElements())
                        .append(" | ").append(model.maxVoices())
                        .append(" | ").append(model.fullHdFor().isEmpty() ? "-" : String.join(", ", model.fullHdFor()))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String list(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Consecutive seconds as a range (3-15), others listed; none: the input video's length. */
    private static String durations(List<Integer> seconds) {
        if (seconds.isEmpty()) {
            return "the video's";
        }
        boolean consecutive = seconds.get(seconds.size() - 1) - seconds.get(0) == seconds.size() - 1;
        return consecutive && seconds.size() > 2 ? seconds.get(0) + "-" + seconds.get(seconds.size() - 1) : list(seconds);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
