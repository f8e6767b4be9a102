package dev.camelkling.component.springboot;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spring-configuration-metadata.json the configuration processor wrote for this starter (what IDEs complete and
 * document) against the component's own metadata: every component option is a property with the right type,
 * the component's description, its default and its allowed values; nothing else is.
 */
class StarterMetadataTest {

    private static final Map<String, JsonNode> PROPERTIES = new HashMap<>();
    private static final Map<String, JsonNode> HINTS = new HashMap<>();

    @BeforeAll
    static void readStarterMetadata() throws Exception {
        JsonNode metadata = null;
        for (URL url : Collections.list(StarterMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode candidate = new ObjectMapper().readTree(in);
                for (JsonNode group : candidate.path("groups")) {
                    if (group.path("name").asText().equals("camel.component.kling")) {
                        assertThat(metadata).as("one metadata file declares camel.component.kling").isNull();
                        metadata = candidate;
                    }
                }
            }
        }
        assertThat(metadata).as("the starter's spring-configuration-metadata.json").isNotNull();
        metadata.path("properties").forEach(p -> PROPERTIES.put(p.path("name").asText(), p));
        metadata.path("hints").forEach(h -> HINTS.put(h.path("name").asText(), h));
    }

    @Test
    void everyComponentOptionIsADocumentedPropertyAndNothingElseIs() {
        Set<String> expected = new TreeSet<>(List.of("camel.component.kling.enabled",
                "camel.component.kling.customizer.enabled"));
        KlingMetadata.componentOptions().keySet().forEach(option -> expected.add(KlingMetadata.propertyName(option)));
        assertThat(new TreeSet<>(PROPERTIES.keySet())).isEqualTo(expected);
    }

    @Test
    void propertiesCarryTheComponentsTypeDescriptionAndDefault() {
        List<String> mismatches = new ArrayList<>();
        KlingMetadata.componentOptions().forEach((option, o) -> {
            JsonNode property = PROPERTIES.get(KlingMetadata.propertyName(option));
            if (property == null) {
                mismatches.add(option + ": no property");
                return;
            }
            expectEqual(mismatches, option, "type", property.path("type").asText(), springType(o));
            expectEqual(mismatches, option, "description", property.path("description").asText(),
                    o.path("description").asText());
            expectEqual(mismatches, option, "defaultValue", property.path("defaultValue").asText(null),
                    o.path("defaultValue").asText(null));
            if (o.has("defaultValue")) {
                expectEqual(mismatches, option, "defaultValue JSON type", property.get("defaultValue").getNodeType(),
                        defaultNodeType(o));
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void enumOptionsOfferTheirValuesAsHints() {
        KlingMetadata.componentOptions().forEach((option, o) -> {
            JsonNode hint = HINTS.get(KlingMetadata.propertyName(option));
            if (!o.has("enum")) {
                assertThat(hint).as("hint for %s", option).isNull();
                return;
            }
            List<String> offered = new ArrayList<>();
            hint.path("values").forEach(v -> offered.add(v.path("value").asText()));
            List<String> allowed = new ArrayList<>();
            o.get("enum").forEach(v -> allowed.add(v.asText()));
            assertThat(offered).as("values of %s", option).isEqualTo(allowed);
        });
    }

    @Test
    void theKeysAreDocumentedWithoutAnyValue() {
        for (String key : List.of("access-key", "secret-key", "api-key")) {
            JsonNode property = PROPERTIES.get("camel.component.kling." + key);
            assertThat(property).as(key).isNotNull();
            assertThat(property.path("type").asText()).isEqualTo("java.lang.String");
            assertThat(property.path("description").asText()).contains("Falls back to").contains("KLING_");
            assertThat(property.has("defaultValue")).as("%s has no default", key).isFalse();
        }
        assertThat(KlingComponentConfiguration.SECRET_OPTIONS)
                .containsExactlyInAnyOrderElementsOf(KlingMetadata.componentOptions().entrySet().stream()
                        .filter(e -> e.getValue().path("secret").asBoolean()).map(Map.Entry::getKey).toList());
    }

    @Test
    void switchesOfTheStarterAreDocumented() {
        assertThat(PROPERTIES.get("camel.component.kling.enabled").path("description").asText())
                .startsWith("Whether to enable auto configuration of the kling component");
        assertThat(PROPERTIES.get("camel.component.kling.customizer.enabled").path("type").asText())
                .isEqualTo("java.lang.Boolean");
    }

    /**
     * What a Spring user writes for the option: durations as java.time.Duration (50ms, 2s, PT1M), primitives boxed
     * (unset = null = the component's default), anything else as the component declares it.
     */
    private static String springType(JsonNode option) {
        if (option.path("type").asText().equals("duration")) {
            return "java.time.Duration";
        }
        String javaType = option.path("javaType").asText();
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            default -> javaType;
        };
    }

    private static com.fasterxml.jackson.databind.node.JsonNodeType defaultNodeType(JsonNode option) {
        return switch (option.path("type").asText()) {
            case "boolean" -> com.fasterxml.jackson.databind.node.JsonNodeType.BOOLEAN;
            case "integer", "number" -> com.fasterxml.jackson.databind.node.JsonNodeType.NUMBER;
            default -> com.fasterxml.jackson.databind.node.JsonNodeType.STRING;
        };
    }

    private static void expectEqual(List<String> mismatches, String option, String what, Object actual, Object expected) {
        if (actual == null ? expected != null : !actual.equals(expected)) {
            mismatches.add(option + " " + what + ": metadata has <" + actual + ">, kling.json <" + expected + ">");
        }
    }
}
