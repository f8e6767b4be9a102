package dev.camelkling.component;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.schema.RequestSchema;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every option, read from the generated kling.json so that a new option is covered without touching this test, given
 * a value of the wrong kind: the error must name the option. The endpoint URI is cut out of the messages first,
 * since it contains the option's name whatever the error says.
 */
class OptionConversionErrorsTest extends KlingTestSupport {

    private static final Set<String> NUMBERS = Set.of("int", "long", "double", "java.lang.Integer", "java.lang.Long",
            "java.lang.Double");
    private static final Set<String> BOOLEANS = Set.of("boolean", "java.lang.Boolean");
    /** String options the component reads as URLs. */
    private static final Set<String> URLS = Set.of("baseUrl", "callbackBaseUrl");

    @TestFactory
    Stream<DynamicTest> everyEndpointOptionIsNamedInItsConversionError() throws Exception {
        return badValues("properties").map(bad -> DynamicTest.dynamicTest(bad.option() + "=" + bad.value(), () -> {
            Throwable failure = catchThrowable(() -> {
                Endpoint endpoint = context.getEndpoint("kling:text2video?" + bad.option() + "="
                                                        + URLEncoder.encode(bad.value(), StandardCharsets.UTF_8));
                ServiceHelper.startService(endpoint);
            });
            assertNamesOption(failure, bad.option());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyComponentOptionIsNamedInItsConversionError() throws Exception {
        return badValues("componentProperties").map(bad -> DynamicTest.dynamicTest(bad.option() + "=" + bad.value(), () -> {
            KlingComponent component = new KlingComponent(new CredentialsResolver(name -> null));
            component.setCamelContext(context);
            Throwable failure = catchThrowable(() -> {
                // how camel.component.kling.* properties reach the component (Camel Main, Spring Boot, Quarkus)
                PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                        .withProperties(new HashMap<>(Map.of(bad.option(), bad.value()))).withMandatory(true).bind();
                component.getConfiguration().setApiKey(API_KEY);
                context.addComponent("klingBad", component);
                ServiceHelper.startService(context.getEndpoint("klingBad:text2video"));
            });
            context.removeComponent("klingBad");
            assertNamesOption(failure, bad.option());
        }));
    }

    /**
     * Options Kling reads as one of a few words are checked when the request is built, not when the endpoint is: the
     * error must name the option as written, not only the Kling field behind it, and nothing is sent.
     */
    @TestFactory
    Stream<DynamicTest> everyWordOptionIsNamedWhenTheRequestRefusesIt() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode options = options("properties");
        options.fields().forEachRemaining(option -> {
            boolean words = option.getValue().has("enum") && option.getValue().get("javaType").asText().equals("java.lang.String");
            for (KlingFeature feature : KlingFeature.values()) {
                boolean field = feature.schema().fieldNames().stream().anyMatch(f -> RequestSchema.camelCase(f).equals(option.getKey()));
                if (words && field) {
                    String uri = "kling:" + feature.uriName() + "?" + option.getKey() + "=notAllowed";
                    tests.add(DynamicTest.dynamicTest(uri, () -> {
                        RecordedRequests sent = RecordedRequests.on(simulator());
                        try {
                            Exchange out = template.request(uri, e -> e.getMessage().setBody(null));
                            assertNamesOption(out.getException(), option.getKey());
                            assertThat(sent.all()).as("requests sent").isEmpty();
                        } finally {
                            sent.detach(simulator());
                        }
                    }));
                }
            }
        });
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    private static void assertNamesOption(Throwable failure, String option) {
        assertThat(failure).as("a bad %s must be refused", option).isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()).replaceAll("kling[A-Za-z]*:[^\\s]*", "<uri>"));
        }
        assertThat(messages).as("the error chain of a bad %s: %s", option, chain(failure)).anySatisfy(m -> assertThat(m).contains(option));
    }

    private static String chain(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(" <- ").append(t.getClass().getName()).append(t.getStackTrace().length > 0 ? "@" + t.getStackTrace()[0] : "");
        }
        return out.toString();
    }

    record BadValue(String option, String value) {
    }

    /** A wrong value for every option whose type the component converts: numbers, booleans, enums, URLs. */
    private static Stream<BadValue> badValues(String section) throws Exception {
        JsonNode options = options(section);
        List<BadValue> bad = new ArrayList<>();
        options.fields().forEachRemaining(e -> badValue(e.getKey(), e.getValue()).ifPresent(v -> bad.add(new BadValue(e.getKey(), v))));
        assertThat(bad).hasSizeGreaterThan(10);
        return bad.stream();
    }

    private static JsonNode options(String section) throws Exception {
        try (InputStream in = OptionConversionErrorsTest.class.getResourceAsStream("/META-INF/dev/camelkling/component/kling.json")) {
            return new ObjectMapper().readTree(in).get(section);
        }
    }

    private static Optional<String> badValue(String option, JsonNode metadata) {
        String type = metadata.get("javaType").asText();
        if (URLS.contains(option)) {
            return Optional.of("not a url");
        }
        if (NUMBERS.contains(type)) {
            return Optional.of("notANumber");
        }
        if (BOOLEANS.contains(type)) {
            return Optional.of("notABoolean");
        }
        if (metadata.has("enum") && !type.equals("java.lang.String")) {
            return Optional.of("notAnEnumValue");
        }
        return Optional.empty();
    }
}
