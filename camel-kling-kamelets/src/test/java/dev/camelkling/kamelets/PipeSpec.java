package dev.camelkling.kamelets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A Camel K Pipe (source, steps, sink), written two ways: as the Pipe resource itself, which camel-yaml-dsl loads as
 * {@code camel run pipe.yaml} does, and as the integration the Camel K operator makes of it on a cluster.
 */
final class PipeSpec {

    /** A Kamelet reference or a plain endpoint URI, with the properties the Pipe gives it. */
    record Endpoint(String kamelet, String uri, Map<String, Object> properties) {

        Endpoint with(String name, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(properties);
            more.put(name, value);
            return new Endpoint(kamelet, uri, more);
        }
    }

    private final String name;
    private Endpoint source;
    private final List<Endpoint> steps = new ArrayList<>();
    private Endpoint sink;

    private PipeSpec(String name) {
        this.name = name;
    }

    static PipeSpec named(String name) {
        return new PipeSpec(name);
    }

    static Endpoint kamelet(String name) {
        return new Endpoint(name, null, Map.of());
    }

    static Endpoint uri(String uri) {
        return new Endpoint(null, uri, Map.of());
    }

    /** A Pipe resource read back, e.g. an example of the docs. */
    @SuppressWarnings("unchecked")
    static PipeSpec parse(String yaml) {
        Map<String, Object> pipe = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        Map<String, Object> spec = (Map<String, Object>) pipe.get("spec");
        PipeSpec parsed = named((String) ((Map<String, Object>) pipe.get("metadata")).get("name"));
        parsed.source(endpoint((Map<String, Object>) spec.get("source")));
        ((List<Map<String, Object>>) spec.getOrDefault("steps", List.of())).forEach(step -> parsed.step(endpoint(step)));
        return parsed.sink(endpoint((Map<String, Object>) spec.get("sink")));
    }

    @SuppressWarnings("unchecked")
    private static Endpoint endpoint(Map<String, Object> node) {
        Map<String, Object> properties = (Map<String, Object>) node.getOrDefault("properties", Map.of());
        Map<String, Object> ref = (Map<String, Object>) node.get("ref");
        return new Endpoint(ref == null ? null : (String) ref.get("name"), (String) node.get("uri"), new LinkedHashMap<>(properties));
    }

    PipeSpec source(Endpoint endpoint) {
        source = endpoint;
        return this;
    }

    PipeSpec step(Endpoint endpoint) {
        steps.add(endpoint);
        return this;
    }

    PipeSpec sink(Endpoint endpoint) {
        sink = endpoint;
        return this;
    }

    /** The Pipe resource, as kubectl apply or kamel bind would create it. */
    String pipeYaml() {
        StringBuilder out = new StringBuilder();
        out.append("apiVersion: camel.apache.org/v1\nkind: Pipe\nmetadata:\n  name: ").append(name).append("\nspec:\n");
        endpoint(out, "  source:\n", "    ", source);
        if (!steps.isEmpty()) {
            out.append("  steps:\n");
            steps.forEach(step -> endpoint(out, "    -\n", "      ", step));
        }
        endpoint(out, "  sink:\n", "    ", sink);
        return out.toString();
    }

    private static void endpoint(StringBuilder out, String header, String indent, Endpoint endpoint) {
        out.append(header);
        if (endpoint.kamelet() != null) {
            out.append(indent).append("ref:\n")
                    .append(indent).append("  kind: Kamelet\n")
                    .append(indent).append("  apiVersion: camel.apache.org/v1\n")
                    .append(indent).append("  name: ").append(endpoint.kamelet()).append('\n');
        } else {
            out.append(indent).append("uri: ").append(quoted(endpoint.uri())).append('\n');
        }
        if (!endpoint.properties().isEmpty()) {
            out.append(indent).append("properties:\n");
            endpoint.properties().forEach((key, value) -> out.append(indent).append("  ").append(key).append(": ")
                    .append(value instanceof String text ? quoted(text) : value).append('\n'));
        }
    }

    /**
     * What the Camel K operator runs for this Pipe (camel-k pkg/util/bindings): one route whose Kamelets are
     * {@code kamelet:<name>/<id>} (ids source, action-0, action-1, ..., sink), each Kamelet's properties as
     * application properties {@code camel.kamelet.<name>.<id>.<property>}, written as they are in the Pipe, not
     * URI-encoded.
     */
    CamelKIntegration camelKIntegration() {
        Map<String, String> properties = new LinkedHashMap<>();
        StringBuilder route = new StringBuilder("- route:\n    id: binding\n").append("    from:\n      uri: ")
                .append(quoted(camelKUri(source, "source", properties))).append("\n      steps:\n");
        for (int i = 0; i < steps.size(); i++) {
            Endpoint step = steps.get(i);
            String uri = camelKUri(step, "action-" + i, properties);
            if (step.kamelet() != null) {
                route.append("        - kamelet:\n            name: ").append(quoted(uri.substring("kamelet:".length()))).append('\n');
            } else {
                route.append("        - to: ").append(quoted(uri)).append('\n');
            }
        }
        route.append("        - to: ").append(quoted(camelKUri(sink, "sink", properties))).append('\n');
        return new CamelKIntegration(route.toString(), properties);
    }

    private static String camelKUri(Endpoint endpoint, String id, Map<String, String> properties) {
        if (endpoint.kamelet() == null) {
            return endpoint.uri(); // the tests give plain URIs their options in the URI itself
        }
        endpoint.properties().forEach((key, value) -> properties.put(
                "camel.kamelet." + endpoint.kamelet() + "." + id + "." + key, String.valueOf(value)));
        return "kamelet:" + endpoint.kamelet() + "/" + id;
    }

    record CamelKIntegration(String routeYaml, Map<String, String> applicationProperties) {
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
