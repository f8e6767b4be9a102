package dev.camelkling.kamelets.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The kling component's generated metadata, read from the camel-kling jar on the classpath: the same
 * {@code kling.json} that Camel's catalog, Kaoto and the component's own docs read. Kamelet properties take their
 * titles, descriptions, types, defaults and enums from here.
 */
public final class ComponentMetadata {

    static final String RESOURCE = "/META-INF/dev/camelkling/component/kling.json";

    private final String version;
    private final Map<String, ComponentOption> endpointOptions;

    private ComponentMetadata(String version, Map<String, ComponentOption> endpointOptions) {
        this.version = version;
        this.endpointOptions = endpointOptions;
    }

    public static ComponentMetadata load() {
        try (InputStream in = ComponentMetadata.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: is camel-kling a dependency?");
            }
            JsonNode json = new ObjectMapper().readTree(in);
            Map<String, ComponentOption> options = new LinkedHashMap<>();
            json.get("properties").fields().forEachRemaining(entry -> options.put(entry.getKey(), option(entry.getKey(), entry.getValue())));
            return new ComponentMetadata(json.get("component").get("version").asText(), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ComponentOption option(String name, JsonNode node) {
        List<String> enums = new ArrayList<>();
        node.path("enum").forEach(value -> enums.add(value.asText()));
        JsonNode defaultNode = node.get("defaultValue");
        Object defaultValue = defaultNode == null ? null
                : defaultNode.isBoolean() ? (Object) defaultNode.asBoolean()
                : defaultNode.isIntegralNumber() ? (Object) defaultNode.asLong()
                : defaultNode.isNumber() ? (Object) defaultNode.asDouble()
                : defaultNode.asText();
        return new ComponentOption(name, node.path("displayName").asText(name), node.path("description").asText(),
                node.path("type").asText(), node.path("javaType").asText(), enums, defaultValue,
                node.path("secret").asBoolean());
    }

    /** The camel-kling version the metadata belongs to, e.g. {@code 0.1.0-SNAPSHOT}. */
    public String version() {
        return version;
    }

    public boolean hasOption(String name) {
        return endpointOptions.containsKey(name);
    }

    /** @throws IllegalArgumentException when the component has no such endpoint option (renamed or removed) */
    ComponentOption option(String name) {
        ComponentOption option = endpointOptions.get(name);
        if (option == null) {
            throw new IllegalArgumentException("kling.json has no endpoint option '" + name + "'");
        }
        return option;
    }

    /** The enum values of the path option {@code feature}: the component's features. */
    List<String> features() {
        return option("feature").enumValues();
    }
}
