package dev.camelkling.component;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.schema.RequestSchema;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every producer header, read from the generated kling.json so that a new header is covered without touching this
 * test, given a value its type cannot hold: the exchange fails naming the header and the option it overrides, and
 * nothing reaches Kling.
 */
class HeaderConversionErrorsTest extends KlingTestSupport {

    private static final Set<String> NUMBERS = Set.of("Integer", "Long", "Double");
    /** Headers the producer reads as one of a fixed set of words. */
    private static final Set<String> WORDS = Set.of(KlingConstants.OPERATION, KlingConstants.STEP);

    /** Where a header that is not a request field is read: the endpoint, and any header it needs to get that far. */
    private static final Map<String, Reader> CONTROL_HEADERS = Map.of(
            KlingConstants.OPERATION, new Reader("kling:text2video", Map.of(), null),
            KlingConstants.PAGE_NUM, new Reader("kling:text2video?operation=list", Map.of(), null),
            KlingConstants.PAGE_SIZE, new Reader("kling:text2video?operation=list", Map.of(), "pageSize"),
            KlingConstants.STEP, new Reader("kling:lipSync", Map.of(), "step"),
            KlingConstants.FACE_INDEX, new Reader("kling:lipSync", Map.of(KlingConstants.VIDEO_ID, "860001"), "faceIndex"),
            KlingConstants.TARGET_DURATION, new Reader("kling:videoExtend", Map.of(KlingConstants.VIDEO_ID, "860001"), "targetDuration"));

    record Reader(String uri, Map<String, Object> otherHeaders, String option) {
    }

    @TestFactory
    Stream<DynamicTest> everyProducerHeaderIsNamedWhenItsValueCannotBeConverted() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode headers = headers();
        headers.fields().forEachRemaining(header -> {
            String name = header.getKey();
            String type = header.getValue().get("javaType").asText();
            boolean producer = header.getValue().path("label").asText().contains("producer");
            Optional<String> bad = NUMBERS.contains(type) ? Optional.of("notANumber")
                    : type.equals("Boolean") ? Optional.of("notABoolean")
                    : WORDS.contains(name) ? Optional.of("notAKnownWord") : Optional.empty();
            if (!producer || bad.isEmpty()) {
                return;
            }
            for (Reader reader : readersOf(name)) {
                tests.add(DynamicTest.dynamicTest(name + " on " + reader.uri(), () -> assertRefusedNamingHeader(name, bad.get(), reader)));
            }
        });
        assertThat(tests).hasSizeGreaterThan(15);
        return tests.stream();
    }

    private void assertRefusedNamingHeader(String header, String value, Reader reader) {
        RecordedRequests sent = RecordedRequests.on(simulator());
        try {
            Exchange out = template.request(reader.uri(), e -> {
                e.getMessage().setHeaders(new java.util.HashMap<>(reader.otherHeaders()));
                e.getMessage().setHeader(header, value);
            });

            assertThat(out.getException()).as("%s=%s", header, value).isInstanceOf(KlingValidationException.class)
                    .hasMessageContaining(header).hasMessageContaining(value);
            if (reader.option() != null) {
                assertThat(out.getException()).hasMessageContaining("option " + reader.option());
            }
            assertThat(sent.all()).as("requests sent").isEmpty();
        } finally {
            sent.detach(simulator());
        }
    }

    /**
     * The endpoints that read the header: a request-field header on every feature with that field, a control header
     * where the producer reads it. A producer header in neither place fails the test, so a new one gets a reader.
     */
    private static List<Reader> readersOf(String header) {
        if (CONTROL_HEADERS.containsKey(header)) {
            return List.of(CONTROL_HEADERS.get(header));
        }
        String option = Character.toLowerCase(header.charAt(KlingConstants.HEADER_PREFIX.length()))
                        + header.substring(KlingConstants.HEADER_PREFIX.length() + 1);
        List<Reader> readers = new ArrayList<>();
        for (KlingFeature feature : KlingFeature.values()) {
            boolean hasField = feature.schema().fieldNames().stream().anyMatch(f -> RequestSchema.camelCase(f).equals(option));
            if (hasField) {
                Map<String, Object> others = feature == KlingFeature.LIP_SYNC ? Map.of(KlingConstants.VIDEO_ID, "860001") : Map.of();
                readers.add(new Reader("kling:" + feature.uriName(), others, option));
            }
        }
        assertThat(readers).as("the endpoints that read producer header %s", header).isNotEmpty();
        return readers;
    }

    private static JsonNode headers() throws Exception {
        try (InputStream in = HeaderConversionErrorsTest.class.getResourceAsStream("/META-INF/dev/camelkling/component/kling.json")) {
            return new ObjectMapper().readTree(in).get("headers");
        }
    }
}
