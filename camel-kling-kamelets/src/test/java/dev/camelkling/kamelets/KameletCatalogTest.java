package dev.camelkling.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.client.schema.FieldSpec;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.component.KlingEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog as it is packaged (the build's kamelets/*.kamelet.yaml, filtered): every Kamelet is there, describes
 * its properties as the component's metadata does, hands each of them to the kling endpoint, names this build's
 * component as its dependency, and starts in Camel Main.
 */
class KameletCatalogTest extends KameletTestSupport {

    static final List<String> ACTIONS = List.of("kling-text-to-video-action", "kling-image-to-video-action",
            "kling-multi-image-to-video-action", "kling-motion-control-action", "kling-video-extend-action",
            "kling-lip-sync-action", "kling-image-generation-action", "kling-omni-image-action", "kling-omni-video-action");
    static final List<String> ALL = Stream.concat(ACTIONS.stream(), Stream.of("kling-task-source", "kling-task-sink")).toList();

    static JsonNode klingJson;

    @BeforeAll
    static void readComponentMetadata() throws IOException {
        try (InputStream in = KameletCatalogTest.class.getResourceAsStream("/META-INF/dev/camelkling/component/kling.json")) {
            klingJson = new ObjectMapper().readTree(in);
        }
    }

    /** The camel-kling version on the classpath, as its metadata states it. */
    static String componentVersion() throws IOException {
        readComponentMetadata();
        return klingJson.get("component").get("version").asText();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> kamelet(String name) throws IOException {
        try (InputStream in = KameletCatalogTest.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> node, String... path) {
        Object value = node;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    @Test
    void theCatalogHasAnActionPerFeatureATaskSourceAndATaskSink() throws IOException, URISyntaxException {
        URL one = getClass().getResource("/kamelets/kling-task-source.kamelet.yaml");
        List<String> packaged;
        try (Stream<Path> files = Files.list(Path.of(one.toURI()).getParent())) {
            packaged = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertThat(packaged).containsExactlyInAnyOrderElementsOf(ALL.stream().map(name -> name + ".kamelet.yaml").toList());
        assertThat(ACTIONS).hasSize(KlingFeature.values().length);
        for (String name : ALL) {
            Map<String, Object> kamelet = kamelet(name);
            assertThat((String) at(kamelet, "metadata", "name")).isEqualTo(name);
            assertThat((String) at(kamelet, "metadata", "labels", "camel.apache.org/kamelet.type"))
                    .isEqualTo(name.substring(name.lastIndexOf('-') + 1));
        }
    }

    @Test
    void propertiesTakeTitleDescriptionTypeDefaultAndEnumFromTheComponentMetadata() throws IOException {
        for (String name : ALL) {
            Map<String, Map<String, Object>> properties = at(kamelet(name), "spec", "definition", "properties");
            assertThat(properties).as(name).isNotEmpty();
            properties.forEach((property, schema) -> {
                String what = name + " property " + property;
                JsonNode option = klingJson.get("properties").get(property);
                assertThat(option).as(what + " is a kling endpoint option").isNotNull();
                assertThat(schema.get("title")).as(what).isEqualTo(option.get("displayName").asText());
                assertThat(schema.get("description")).as(what).isEqualTo(option.get("description").asText());
                assertThat(schema.get("type")).as(what).isIn("string", "integer", "number", "boolean");
                if (option.get("secret").asBoolean()) {
                    assertThat(schema.get("format")).as(what).isEqualTo("password");
                    assertThat(schema.get("x-descriptors")).as(what).isEqualTo(List.of("urn:camel:group:credentials"));
                } else {
                    assertThat(schema).as(what).doesNotContainKeys("format", "x-descriptors");
                }
                if (schema.containsKey("enum")) {
                    List<String> values = ((List<?>) schema.get("enum")).stream().map(String::valueOf).toList();
                    if (option.has("enum")) {
                        List<String> allowed = new ArrayList<>();
                        option.get("enum").forEach(value -> allowed.add(value.asText()));
                        assertThat(values).as(what).isSubsetOf(allowed);
                    } else {
                        // no enum in kling.json (e.g. modelName): the values a feature's request schema allows
                        assertThat(Stream.of(KlingFeature.values()).map(f -> f.schema().field(property))
                                .flatMap(Optional::stream).map(FieldSpec::allowedValues)).as(what).contains(values);
                    }
                }
                if (option.has("defaultValue") && !option.path("javaType").asText().equals("java.lang.Boolean")) {
                    // (an unset Boolean option means "not sent", whatever default kling.json shows for it)
                    assertThat(String.valueOf(schema.get("default"))).as(what).isEqualTo(option.get("defaultValue").asText());
                } else {
                    assertThat(schema).as(what).doesNotContainKey("default");
                }
            });
        }
    }

    @Test
    void everyPropertyReachesTheKlingEndpointAndKeysGoInRaw() throws IOException {
        for (String name : ALL) {
            Map<String, Object> kamelet = kamelet(name);
            Map<String, Map<String, Object>> properties = at(kamelet, "spec", "definition", "properties");
            Map<String, Object> parameters = name.equals("kling-task-source")
                    ? at(kamelet, "spec", "template", "from", "parameters")
                    : klingStep(kamelet);
            Set<String> expected = new LinkedHashSet<>(properties.keySet());
            expected.remove("feature"); // in the path: kling:{{feature}}
            for (String property : expected) {
                String placeholder = "{{" + (properties.get(property).containsKey("default") ? "" : "?") + property + "}}";
                boolean secret = klingJson.get("properties").get(property).get("secret").asBoolean();
                assertThat(parameters.get(property)).as(name + " parameter " + property)
                        .isEqualTo(secret ? "RAW(" + placeholder + ")" : placeholder);
            }
            assertThat(parameters.keySet()).as(name).containsAll(expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> klingStep(Map<String, Object> kamelet) {
        List<Map<String, Object>> steps = at(kamelet, "spec", "template", "from", "steps");
        Map<String, Object> to = steps.stream().filter(step -> step.containsKey("to")).findFirst().orElseThrow();
        assertThat(String.valueOf(((Map<String, Object>) to.get("to")).get("uri"))).startsWith("kling:");
        return (Map<String, Object>) ((Map<String, Object>) to.get("to")).get("parameters");
    }

    @Test
    void dependenciesNameTheComponentOfThisBuild() throws IOException {
        String version = klingJson.get("component").get("version").asText();
        for (String name : ALL) {
            Map<String, Object> kamelet = kamelet(name);
            List<String> dependencies = at(kamelet, "spec", "dependencies");
            assertThat(dependencies).as(name).contains("camel:kamelet", "mvn:dev.camelkling:camel-kling:" + version);
            assertThat((String) at(kamelet, "metadata", "annotations", "camel.apache.org/catalog.version")).isEqualTo(version);
            // resource filtering replaced the version and touched nothing else (the Simple expressions' ${...} stay)
            String packaged;
            try (InputStream in = getClass().getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
                packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(packaged.replace(version, "${project.version}"))
                    .isEqualTo(Files.readString(GeneratedKameletsTest.KAMELETS.resolve(name + ".kamelet.yaml")));
        }
    }

    @Test
    void everyKameletStartsInCamelMainAndMakesItsKlingEndpoint() throws Exception {
        String connection = "baseUrl=" + sim.baseUrl() + "&accessKey=" + sim.accessKey() + "&secretKey=RAW(" + sim.secretKey() + ")";
        StringBuilder routes = new StringBuilder();
        for (String action : ACTIONS) {
            routes.append(route("direct:" + action, "kamelet:" + action + "?" + connection));
        }
        routes.append(route("direct:sink", "kamelet:kling-task-sink?feature=omniImage&" + connection));
        routes.append(route("kamelet:kling-task-source?feature=lipSync&initialDelay=600000&" + connection, "log:finished"));
        Path file = Files.writeString(dir.resolve("all-kamelets.yaml"), routes);

        try (CamelMainRun run = CamelMainRun.start(Map.of(), file)) {
            List<KlingEndpoint> endpoints = run.context().getEndpoints().stream().filter(KlingEndpoint.class::isInstance)
                    .map(KlingEndpoint.class::cast).toList();
            assertThat(endpoints.stream().map(KlingEndpoint::getKlingFeature)).containsAll(List.of(KlingFeature.values()));
            assertThat(endpoints).allSatisfy(e -> assertThat(e.getConfiguration().getBaseUrl()).isEqualTo(sim.baseUrl()));
            assertThat(run.context().getRoutes().stream().filter(r -> r.getEndpoint() instanceof KlingEndpoint)
                    .map(r -> ((KlingEndpoint) r.getEndpoint()).getFeature())).containsExactly("lipSync");
            assertThat(run.context().getRoutes()).hasSize(2 * ALL.size()); // each route and the Kamelet's own route
        }
        assertThat(sim.createdTaskCount()).isZero();
    }

    private static String route(String from, String to) {
        return """
                - route:
                    from:
                      uri: "%s"
                      steps:
                        - to: "%s"
                """.formatted(from, to);
    }
}
