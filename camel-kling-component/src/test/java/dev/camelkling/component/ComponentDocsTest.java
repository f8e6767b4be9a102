package dev.camelkling.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.client.request.KlingFeature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the option and header tables in docs/kling-component.md equal to what the component's generated JSON says, the
 * way Camel's own build refreshes its component pages. Run with {@code -Dkling.docs.update=true} to rewrite them.
 */
class ComponentDocsTest {

    private static final Path DOC = Path.of("..", "docs", "kling-component.md");

    @Test
    void optionTablesInTheDocsMatchTheGeneratedMetadata() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/camelkling/component/kling.json")) {
            assertThat(in).as("generated component JSON on the classpath").isNotNull();
            json = new ObjectMapper().readTree(in);
        }
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String updated = doc;
        updated = replaceBetween(updated, "component-options", table(json.get("componentProperties")));
        updated = replaceBetween(updated, "endpoint-options", table(json.get("properties")));
        updated = replaceBetween(updated, "headers", headerTable(json.get("headers")));
        for (KlingFeature feature : KlingFeature.values()) {
            updated = replaceBetween(updated, "feature-options:" + feature.uriName(), featureTable(feature, json));
        }
        if (Boolean.getBoolean("kling.docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/kling-component.md is stale: run mvn test -Dtest=ComponentDocsTest -Dkling.docs.update=true")
                .isEqualTo(updated);
    }

    private static String table(JsonNode properties) {
        StringBuilder out = new StringBuilder("| Name | Group | Type | Default | Description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode o = p.getValue();
            String name = "`" + p.getKey() + "`" + (o.path("kind").asText().equals("path") ? " (path)" : "")
                          + (o.path("required").asBoolean() ? " *required*" : "") + (o.path("secret").asBoolean() ? " *secret*" : "");
            String type = o.path("type").asText() + (o.has("enum") ? ": " + join(o.get("enum")) : "");
            out.append("| ").append(name).append(" | ").append(o.path("group").asText()).append(" | ").append(cell(type))
                    .append(" | ").append(cell(o.path("defaultValue").asText(""))).append(" | ")
                    .append(cell(o.path("description").asText())).append(" |\n");
        }
        return out.toString();
    }

    /** Options that steer a feature's flow rather than fill a Kling field. */
    private static final Map<KlingFeature, List<String>> FLOW_OPTIONS = Map.of(
            KlingFeature.LIP_SYNC, List.of("step", "faceIndex", "videoUrl", "videoId"),
            KlingFeature.VIDEO_EXTEND, List.of("targetDuration"));

    /** The feature's request fields: each one's option (if any), header, type and description. */
    private static String featureTable(KlingFeature feature, JsonNode json) {
        StringBuilder out = new StringBuilder("| Option | Header | Kling field | Type | Description |\n|---|---|---|---|---|\n");
        List<String> rows = new ArrayList<>(FLOW_OPTIONS.getOrDefault(feature, List.of()));
        feature.schema().fieldNames().forEach(field -> rows.add(field));
        for (String row : rows) {
            boolean flow = !feature.schema().fieldNames().contains(row);
            KlingRequestAssembler.FieldBinding binding = flow
                    ? new KlingRequestAssembler.FieldBinding("", row,
                            KlingConstants.HEADER_PREFIX + Character.toUpperCase(row.charAt(0)) + row.substring(1))
                    : KlingRequestAssembler.FieldBinding.forField(row);
            JsonNode option = json.get("properties").get(binding.option());
            JsonNode header = json.get("headers").get(binding.header());
            JsonNode source = option != null ? option : header;
            String type = option == null ? "" : option.path("type").asText() + (option.has("enum") ? ": " + join(option.get("enum")) : "");
            out.append("| ").append(option != null ? "`" + binding.option() + "`" : "-")
                    .append(" | ").append(header != null ? "`" + binding.header() + "`" : "-")
                    .append(" | ").append(flow ? "-" : "`" + row + "`")
                    .append(" | ").append(cell(type))
                    .append(" | ").append(source == null ? "" : cell(source.path("description").asText())).append(" |\n");
        }
        return out.toString();
    }

    private static String headerTable(JsonNode headers) {
        StringBuilder out = new StringBuilder("| Header | Used by | Java type | Description |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            JsonNode o = h.getValue();
            out.append("| `").append(h.getKey()).append("` | ").append(o.path("group").asText("common")).append(" | ")
                    .append(cell(o.path("javaType").asText())).append(" | ").append(cell(o.path("description").asText()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String join(JsonNode values) {
        StringBuilder out = new StringBuilder();
        values.forEach(v -> out.append(out.length() == 0 ? "" : ", ").append(v.asText()));
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String replaceBetween(String doc, String marker, String content) {
        String start = "<!-- " + marker + ": START -->\n";
        String end = "<!-- " + marker + ": END -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from).as("marker %s in docs/kling-component.md", start.trim()).isNotNegative();
        assertThat(to).as("marker %s", end).isGreaterThan(from);
        return doc.substring(0, from + start.length()) + content + doc.substring(to);
    }
}
