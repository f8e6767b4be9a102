package dev.camelkling.client.schema;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legacy {@code model_name} values camel-kling knows, per feature, besides the video table {@link KlingVideoModel}
 * (reference kling-api.md §6, kling-api-2026.md §7). Kling adds and retires models every month, so a name that no
 * table here knows is not refused: it is sent as it is, with a DEBUG line, and only the model-independent rules apply
 * (Kling's answer is authoritative, kling-api-2026.md §8). A name a table does know, but not for the feature at hand, is
 * refused locally, as the server does.
 */
final class KlingModels {

    /** {@code /v1/images/generations}; its documented default is now kling-v3 (kling-api-2026.md §7). */
    static final List<String> IMAGE_GENERATION = List.of("kling-v1", "kling-v1-5", "kling-v2", "kling-v2-new", "kling-v2-1", "kling-v3");
    static final String IMAGE_GENERATION_DEFAULT = "kling-v3";
    /** {@code /v1/images/omni-image}: kling-image-o1 (the default) and the newer kling-v3-omni, which brought 4k. */
    static final String OMNI_IMAGE_DEFAULT = "kling-image-o1";
    static final String OMNI_IMAGE_V3 = "kling-v3-omni";
    static final List<String> OMNI_IMAGE = List.of(OMNI_IMAGE_DEFAULT, OMNI_IMAGE_V3);
    /** Motion control: kling-v2-6 (the default) and kling-v3, the only one with {@code element_list}. */
    static final String MOTION_CONTROL_DEFAULT = "kling-v2-6";
    static final String MOTION_CONTROL_ELEMENT_MODEL = "kling-v3";
    static final List<String> MOTION_CONTROL = List.of(MOTION_CONTROL_DEFAULT, MOTION_CONTROL_ELEMENT_MODEL);
    /** {@code /v1/videos/omni-video} (the omniVideo feature on the legacy design; kling-video-o1 is its default). */
    static final List<String> OMNI_VIDEO = List.of("kling-video-o1", "kling-v3-omni");

    private static final Logger LOG = LoggerFactory.getLogger(KlingModels.class);
    private static final Set<String> KNOWN = Set.copyOf(Stream.of(KlingVideoModel.modelNames(), IMAGE_GENERATION, OMNI_IMAGE,
            MOTION_CONTROL, OMNI_VIDEO).flatMap(Collection::stream).toList());
    /** The unknown names already logged, so each gets its DEBUG line once and not once per request. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    /** Bounds {@link #REPORTED}: names may come from message headers, so their number is not ours to choose. */
    private static final int MAX_REPORTED = 256;

    private KlingModels() {
    }

    /** Whether any table of camel-kling knows the name. */
    static boolean isKnown(String modelName) {
        // the new design's ids too: a legacy-only feature refuses them rather than passing them through
        return KNOWN.contains(modelName) || NewDesignModels.isNewDesignModel(modelName);
    }

    /**
     * {@code model_name} of a feature served by {@code models}: a known model outside that list is refused, an unknown
     * one passes (and is logged once).
     */
    static FieldSpec.Builder modelName(String featureName, List<String> models) {
        return FieldSpec.of("model_name", FieldType.TEXT).check((field, value) -> passUnknown(featureName, (String) value)
                .filter(known -> !models.contains(known))
                .map(known -> new Violation(field, "must be one of " + models + " (was " + LooseValues.describe(known) + ")")));
    }

    /**
     * The name, when a table knows it, for the model-specific rules; empty (after one DEBUG line per name) when no table
     * does.
     */
    static Optional<String> passUnknown(String featureName, String modelName) {
        if (isKnown(modelName)) {
            return Optional.of(modelName);
        }
        if (REPORTED.size() < MAX_REPORTED && REPORTED.add(modelName)) {
            LOG.debug("{}: model {} is not in camel-kling's table; Kling's rules for it are not checked locally", featureName,
                    LooseValues.describe(modelName));
        }
        return Optional.empty();
    }

    /**
     * Applies a model-specific {@code rule} only when {@code model_name} is absent (the feature's documented default
     * then applies) or one of the feature's known {@code models}; for a name no table knows, Kling decides.
     */
    static CrossFieldRule onlyForKnown(List<String> models, CrossFieldRule rule) {
        return fields -> {
            Object name = fields.get("model_name");
            return name == null || models.contains(String.valueOf(name)) ? rule.check(fields) : Optional.empty();
        };
    }
}
