package dev.camelkling.component;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camelkling.client.request.KlingFeature;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Kling request field of every feature is reachable from a route: a documented header and (mostly) an option. */
class RequestFieldBindingTest extends KlingTestSupport {

    /** Fields whose values are structured objects: only a header or a typed/Map body can carry them. */
    private static final Set<String> HEADER_OR_BODY_ONLY = Set.of("dynamic_masks", "image_list", "face_start_time",
            "face_end_time");

    @Test
    void optionAndHeaderNamesFollowTheKlingFieldName() {
        var binding = KlingRequestAssembler.FieldBinding.forField("negative_prompt");
        assertThat(binding.option()).isEqualTo("negativePrompt");
        assertThat(binding.header()).isEqualTo("CamelKlingNegativePrompt");
    }

    @Test
    void everyFieldHasADocumentedHeaderAndAnOption() throws Exception {
        Set<String> documentedHeaders = Arrays.stream(KlingConstants.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(RequestFieldBindingTest::value).collect(Collectors.toSet());
        PropertyConfigurerGetter options = (PropertyConfigurerGetter) context.getComponent("kling", KlingComponent.class)
                .getEndpointPropertyConfigurer();

        for (KlingFeature feature : KlingFeature.values()) {
            for (String field : feature.schema().fieldNames()) {
                var binding = KlingRequestAssembler.FieldBinding.forField(field);
                assertThat(documentedHeaders).as("header for %s.%s", feature.uriName(), field).contains(binding.header());
                if (!HEADER_OR_BODY_ONLY.contains(field)) {
                    assertThat(options.getOptionType(binding.option(), false))
                            .as("endpoint option %s for %s.%s", binding.option(), feature.uriName(), field).isNotNull();
                }
            }
        }
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
