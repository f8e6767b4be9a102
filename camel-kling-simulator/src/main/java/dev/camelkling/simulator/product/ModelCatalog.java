package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.http.ErrorCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model capability matrix of kling-api.md §6 as data: which products each legacy
 * {@code model_name} serves and, for the video models, which {@code mode} values it takes, whether it
 * can produce sound and whether it takes {@code cfg_scale} (§6.2/§6.3: "keep this matrix as data").
 * Unknown models are 404/1203 (kling-api.md §7: "Unknown model_name → 1203"), the answer a client gets
 * for a name Kling does not serve; a known model used on a product it does not serve, or with a feature
 * it does not have, is 400/1201 with a message naming the field, the model and the rule. The rows follow
 * kling-api.md §6 and kling-api-2026.md §7 (kling-v3, kling-v3-omni, kling-video-o1).
 */
public final class ModelCatalog {
    /** Capability flag: the model can produce audio ({@code sound: "on"}, {@code voice_list}). */
    public static final String SOUND = "sound";
    /** Capability flag: the model takes {@code cfg_scale}; for the others the field must be absent. */
    public static final String CFG_SCALE = "cfg_scale";

    private static final String T2V = "text2video";
    private static final String I2V = "image2video";
    private static final String MULTI_I2V = "multi-image2video";
    private static final String MOTION = "motion-control";
    private static final String IMAGE_GEN = "image-generation";
    private static final String OMNI = "omni-image";
    /** /v1/videos/omni-video (kling-api-2026.md §7), the legacy twin of the new design's omni-video. */
    private static final String OMNI_VIDEO = "omni-video";

    private static final List<String> STD_PRO = List.of("std", "pro");
    /** kling-v3 gained {@code mode: "4k"} on the legacy video products (kling-api-2026.md §7). */
    private static final List<String> STD_PRO_4K = List.of("std", "pro", "4k");
    /** The model has no std/pro mode: {@code mode} must be absent. */
    private static final List<String> NO_MODE = List.of();

    /**
     * One row of the matrix.
     *
     * @param name     the legacy {@code model_name}
     * @param modes    the {@code mode} values a video product accepts with this model; empty = {@code mode} must be absent
     * @param sound    whether {@code sound: "on"} (and {@code voice_list}) is allowed
     * @param cfgScale whether {@code cfg_scale} may be sent; when {@code false} it must be absent
     * @param products the products (capability keys, see {@link ProductDescriptor#name()}) the model serves
     */
    public record Model(String name, List<String> modes, boolean sound, boolean cfgScale, Set<String> products) {
        public boolean hasModes() {
            return !modes.isEmpty();
        }
    }

    private static Model row(String name, List<String> modes, boolean sound, boolean cfgScale, String... products) {
        return new Model(name, modes, sound, cfgScale, Set.of(products));
    }

    /** The matrix. Mode, sound and cfg_scale only matter for the video products; image models keep neutral values. */
    private static final Map<String, Model> MODELS = index(
            //  model_name            modes    sound  cfg    products
            row("kling-v1",           STD_PRO, false, true,  T2V, I2V, IMAGE_GEN),
            row("kling-v1-5",         STD_PRO, false, true,  I2V, IMAGE_GEN),
            row("kling-v1-6",         STD_PRO, false, true,  T2V, I2V, MULTI_I2V),
            row("kling-v2-master",    NO_MODE, false, false, T2V, I2V),
            row("kling-v2-1",         STD_PRO, false, false, I2V, IMAGE_GEN),
            row("kling-v2-1-master",  NO_MODE, false, false, T2V, I2V),
            row("kling-v2-5-turbo",   STD_PRO, false, false, T2V, I2V),
            row("kling-v2-6",         STD_PRO, true,  false, T2V, I2V, MOTION),
            row("kling-v3",           STD_PRO_4K, true, false, T2V, I2V, MOTION, IMAGE_GEN),
            row("kling-v2",           NO_MODE, false, false, IMAGE_GEN),
            row("kling-v2-new",       NO_MODE, false, false, IMAGE_GEN),
            row("kling-image-o1",     NO_MODE, false, false, OMNI),
            // modes only matter on omni-video (omni-image has none); 4k on kling-v3-omni per kling-api-2026.md §7
            row("kling-v3-omni",      STD_PRO_4K, false, false, OMNI, OMNI_VIDEO),
            row("kling-video-o1",     STD_PRO, false, false, OMNI_VIDEO));

    private ModelCatalog() {
    }

    private static Map<String, Model> index(Model... models) {
        Map<String, Model> byName = new LinkedHashMap<>();
        for (Model m : models) {
            byName.put(m.name(), m);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    public static boolean isKnown(String model) {
        return MODELS.containsKey(model);
    }

    /** @return the row of a known model */
    public static Model model(String name) {
        Model model = MODELS.get(name);
        if (model == null) {
            throw new IllegalArgumentException("unknown model " + name);
        }
        return model;
    }

    /** Whether a known model serves a product or has a capability flag ({@link #SOUND}, {@link #CFG_SCALE}). */
    public static boolean supports(String name, String capability) {
        Model model = MODELS.get(name);
        if (model == null) {
            return false;
        }
        return switch (capability) {
            case SOUND -> model.sound();
            case CFG_SCALE -> model.cfgScale();
            default -> model.products().contains(capability);
        };
    }

    /** The models that serve {@code product} and have {@code capability}, in matrix order, for messages. */
    static String modelsWith(String product, String capability) {
        return MODELS.values().stream()
                .filter(m -> m.products().contains(product) && supports(m.name(), capability))
                .map(Model::name)
                .collect(Collectors.joining(", "));
    }

    /**
     * Refuses a {@code model_name} the simulator is configured to treat as discontinued with the real service's
     * message (kling-api-2026.md §1). Its code is not documented: 404/1203 (a model that no longer exists) is the
     * simulator's choice, the same as for a name that never existed.
     */
    public static void refuseDiscontinued(RequestFields fields, ValidationContext context) {
        refuseDiscontinued(fields.string("model_name"), context);
    }

    /** The same for a model named in the path (the 2026 new design). */
    public static void refuseDiscontinued(String model, ValidationContext context) {
        if (model != null && context.isDiscontinued(model)) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "The model '" + model + "' has been discontinued and is no longer available.");
        }
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
