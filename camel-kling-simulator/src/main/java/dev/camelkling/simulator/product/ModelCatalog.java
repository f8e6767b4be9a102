package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.http.ErrorCode;

import java.util.Map;
import java.util.Set;

/**
 * The model capability matrix of kling-api.md §6 as data: which products each legacy
 * {@code model_name} serves, plus feature flags such as {@link #SOUND}. Unknown models are 404/1203;
 * a known model used on a product it does not serve is 400/1201.
 */
public final class ModelCatalog {
    /** Capability flag: the model can produce audio ({@code sound: "on"}, {@code voice_list}). */
    public static final String SOUND = "sound";

    private static final String T2V = "text2video";
    private static final String I2V = "image2video";
    private static final String MULTI_I2V = "multi-image2video";
    private static final String MOTION = "motion-control";
    private static final String IMAGE_GEN = "image-generation";
    private static final String OMNI = "omni-image";

    private static final Map<String, Set<String>> CAPABILITIES = Map.ofEntries(
            Map.entry("kling-v1", Set.of(T2V, I2V, IMAGE_GEN)),
            Map.entry("kling-v1-5", Set.of(I2V, IMAGE_GEN)),
            Map.entry("kling-v1-6", Set.of(T2V, I2V, MULTI_I2V)),
            Map.entry("kling-v2", Set.of(IMAGE_GEN)),
            Map.entry("kling-v2-new", Set.of(IMAGE_GEN)),
            Map.entry("kling-v2-master", Set.of(T2V, I2V)),
            Map.entry("kling-v2-1", Set.of(I2V, IMAGE_GEN)),
            Map.entry("kling-v2-1-master", Set.of(T2V, I2V)),
            Map.entry("kling-v2-5-turbo", Set.of(T2V, I2V)),
            Map.entry("kling-v2-6", Set.of(T2V, I2V, MOTION, SOUND)),
            Map.entry("kling-v3", Set.of(T2V, I2V, MOTION, IMAGE_GEN, SOUND)),
            Map.entry("kling-image-o1", Set.of(OMNI)),
            Map.entry("kling-v3-omni", Set.of(OMNI)));

    private ModelCatalog() {
    }

    public static boolean isKnown(String model) {
        return CAPABILITIES.containsKey(model);
    }

    public static boolean supports(String model, String capability) {
        return CAPABILITIES.getOrDefault(model, Set.of()).contains(capability);
    }

    /** Resolves {@code model_name} for a product: default when absent or empty, 1203 when unknown, 1201 when unsupported. */
    public static String resolve(RequestFields fields, String product, String defaultModel) {
        String model = fields.string("model_name");
        if (model == null || model.isEmpty()) {
            return defaultModel;
        }
        if (!isKnown(model)) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "model_name " + model + " does not exist");
        }
        if (!supports(model, product)) {
            throw ApiException.invalidParameter("model_name " + model + " does not support " + product);
        }
        return model;
    }
}
