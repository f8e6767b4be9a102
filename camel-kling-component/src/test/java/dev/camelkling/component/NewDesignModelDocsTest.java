package dev.camelkling.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.schema.NewDesignModel;
import dev.camelkling.client.schema.NewDesignModels;
import dev.camelkling.client.schema.NewDesignProduct;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the per-model tables of the new design in docs/kling-component.md equal to the client's model tables
 * ({@link NewDesignModels}), and the table of which options each design takes equal to the schemas, both of which the
 * local validation uses. Run with {@code -Dkling.docs.update=true} to rewrite them.
 */
class NewDesignModelDocsTest {

    private static final Path DOC = Path.of("..", "docs", "kling-component.md");
    private static final String MODELS = "new-design-models";
    private static final String OPTIONS = "design-standard-options";

    @Test
    void theModelTablesInTheDocsMatchTheClientsTables() throws Exception {
        assertDocsSection(MODELS, tables());
    }

    /**
     * The table of which options each design takes is generated from the schemas' data that validation refuses a field
     * of the other design by ({@link dev.camelkling.client.schema.RequestSchema#designsTaking}), so it cannot drift.
     */
    @Test
    void theOptionsOfEachDesignInTheDocsMatchTheSchemas() throws Exception {
        assertDocsSection(OPTIONS, optionsByDesign());
    }

    /** Compares the section between the marker's START and END lines with {@code content}; rewrites it when asked. */
    private static void assertDocsSection(String marker, String content) throws Exception {
        String start = "<!-- " + marker + ": START -->\n";
        String end = "<!-- " + marker + ": END -->";
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from).as("marker %s", start.trim()).isNotNegative();
        assertThat(to).as("marker %s", end).isGreaterThan(from);
        String updated = doc.substring(0, from + start.length()) + content + doc.substring(to);
        if (Boolean.getBoolean("kling.docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/kling-component.md section %s is stale: run with -Dkling.docs.update=true", marker)
                .isEqualTo(updated);
    }

    /** One row per request option of the features with a new-design path; per feature, the designs that take it. */
    static String optionsByDesign() throws IOException {
        JsonNode endpointOptions;
        try (InputStream in = NewDesignModelDocsTest.class.getResourceAsStream("/META-INF/dev/camelkling/component/kling.json")) {
            assertThat(in).as("generated component JSON on the classpath").isNotNull();
            endpointOptions = new ObjectMapper().readTree(in).get("properties");
        }
        List<KlingFeature> features = Arrays.stream(KlingFeature.values())
                .filter(feature -> feature.schema().newDesignProduct().isPresent()).toList();
        Set<String> fields = new LinkedHashSet<>();
        features.forEach(feature -> fields.addAll(feature.schema().fieldNames()));
        StringBuilder out = new StringBuilder("| Option | Header |");
        features.forEach(feature -> out.append(" `kling:").append(feature.uriName()).append("` |"));
        out.append("\n|---|---|").append("---|".repeat(features.size())).append('\n');
        for (String field : fields) {
            KlingRequestAssembler.FieldBinding binding = KlingRequestAssembler.FieldBinding.forField(field);
            String option = endpointOptions.has(binding.option()) ? "`" + binding.option() + "`" : "-";
            out.append("| ").append(option).append(" | `").append(binding.header()).append("` |");
            features.forEach(feature -> out.append(' ').append(designs(feature.schema().designsTaking(field))).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    private static String designs(Set<DesignStandard> designs) {
        if (designs.size() == DesignStandard.values().length) {
            return "both";
        }
        return designs.isEmpty() ? "-" : designs.contains(DesignStandard.LEGACY) ? "legacy" : "new design";
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
