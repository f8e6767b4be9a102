package dev.camelkling.client;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.schema.NewDesignModel;
import dev.camelkling.client.schema.NewDesignModels;
import dev.camelkling.client.schema.NewDesignProduct;
import dev.camelkling.client.schema.RequestSchema;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What {@link RequestSchema#designsTaking} says (and the docs' generated table of which options each design takes
 * shows) is what validation does: a field the new design does not take is refused, naming it, on every new-design model
 * of the feature's path; a field the legacy design does not take is refused, naming it, without a new-design model;
 * and a field a design takes is not refused as the other design's.
 */
class DesignStandardFieldsTest {

    /** Fields whose own rules both designs share and check before the rest: motion control's video URL is required. */
    private static final Map<KlingFeature, Map<String, Object>> REQUIRED_FIRST = Map.of(
            KlingFeature.MOTION_CONTROL, Map.of("video_url", "https://example.com/motion.mp4"));

    @TestFactory
    List<DynamicTest> aFieldOneDesignDoesNotTakeIsRefusedNamingIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (KlingFeature feature : KlingFeature.values()) {
            RequestSchema schema = feature.schema();
            NewDesignProduct product = schema.newDesignProduct().orElse(null);
            if (product == null) {
                continue;
            }
            for (String field : allFields()) {
                if (!schema.designsTaking(field).contains(DesignStandard.NEW_DESIGN)) {
                    for (NewDesignModel model : NewDesignModels.models(product)) {
                        tests.add(DynamicTest.dynamicTest(feature.uriName() + " " + model.id() + " refuses " + field,
                                () -> assertRefused(schema, feature, field, model.id())));
                    }
                }
                if (!schema.designsTaking(field).contains(DesignStandard.LEGACY)) {
                    tests.add(DynamicTest.dynamicTest(feature.uriName() + " legacy refuses " + field,
                            () -> assertRefused(schema, feature, field, null)));
                }
            }
        }
        assertThat(tests).as("both directions are exercised").hasSizeGreaterThan(Arrays.asList(KlingFeature.values()).size());
        return tests;
    }

    /** The converse: a field a design takes is not refused as the other design's, at least on one of its models. */
    @TestFactory
    List<DynamicTest> aFieldADesignTakesIsNotRefusedAsTheOtherDesigns() {
        List<DynamicTest> tests = new ArrayList<>();
        for (KlingFeature feature : KlingFeature.values()) {
            RequestSchema schema = feature.schema();
            NewDesignProduct product = schema.newDesignProduct().orElse(null);
            if (product == null) {
                continue;
            }
            for (String field : allFields()) {
                if (schema.designsTaking(field).contains(DesignStandard.NEW_DESIGN)) {
                    tests.add(DynamicTest.dynamicTest(feature.uriName() + " new design takes " + field, () ->
                            assertThat(NewDesignModels.models(product)).as("a model of %s that takes %s", product.path(), field)
                                    .anySatisfy(model -> assertThat(refusedAsForeign(schema, feature, field, model.id())).isFalse())));
                }
                if (schema.designsTaking(field).contains(DesignStandard.LEGACY)) {
                    tests.add(DynamicTest.dynamicTest(feature.uriName() + " legacy takes " + field,
                            () -> assertThat(refusedAsForeign(schema, feature, field, null)).isFalse()));
                }
            }
        }
        return tests;
    }

    /** Whether validation refuses the field as not this design's: the new design's own, foreign to it, or absent on the model. */
    private static boolean refusedAsForeign(RequestSchema schema, KlingFeature feature, String field, String model) {
        String subject = feature.requestSubject();
        KlingValidationException refused = catchThrowableOfType(() -> schema.validate(subject,
                schema.coerce(subject, values(feature, field, model))), KlingValidationException.class);
        return refused != null && refused.field().equals(field) && Stream.of("applies only to the new design",
                "is not a field of the new design", "must be absent", "is not a known field").anyMatch(refused.rule()::contains);
    }

    /** Every field of the features with a new-design path: the rows of the docs' table, each checked on every feature. */
    private static Set<String> allFields() {
        Set<String> fields = new LinkedHashSet<>();
        Arrays.stream(KlingFeature.values()).filter(feature -> feature.schema().newDesignProduct().isPresent())
                .forEach(feature -> fields.addAll(feature.schema().fieldNames()));
        return fields;
    }

    /** A request of the feature with {@code field} set (any value: a field of the other design is refused by its name). */
    private static Map<String, Object> values(KlingFeature feature, String field, String model) {
        Map<String, Object> values = new LinkedHashMap<>(REQUIRED_FIRST.getOrDefault(feature, Map.of()));
        if (model != null) {
            values.put("model_name", model);
        }
        values.put(field, "x");
        return values;
    }

    private static void assertRefused(RequestSchema schema, KlingFeature feature, String field, String model) {
        KlingValidationException refused = catchThrowableOfType(() -> schema.validate(feature.requestSubject(),
                values(feature, field, model)), KlingValidationException.class);
        assertThat(refused).as("%s with %s", field, model == null ? "no model" : model).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
    }
}
