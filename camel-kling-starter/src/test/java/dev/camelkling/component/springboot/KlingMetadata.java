package dev.camelkling.component.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The component's options as its generated metadata (kling.json in the camel-kling jar) describes them. */
final class KlingMetadata {

    private KlingMetadata() {
    }

    static Map<String, JsonNode> componentOptions() {
        try (InputStream in = KlingMetadata.class.getResourceAsStream("/META-INF/dev/camelkling/component/kling.json")) {
            if (in == null) {
                throw new IllegalStateException("kling.json is not on the test class path");
            }
            Map<String, JsonNode> options = new LinkedHashMap<>();
            new ObjectMapper().readTree(in).get("componentProperties").properties()
                    .forEach(e -> options.put(e.getKey(), e.getValue()));
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The property name Spring Boot documents for an option: baseUrl is camel.component.kling.base-url. */
    static String propertyName(String option) {
        return "camel.component.kling." + option.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    static boolean isObject(JsonNode option) {
        return "object".equals(option.path("type").asText());
    }
}
