package dev.camelkling.client.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The legacy {@code model_name} values of the video features and what each can do (reference §6.2 model table).
 * Kling changes this matrix often, which is why it is a table here, one row per model, and not logic in the rules:
 * the text2video, image2video and multi-image2video schemas validate {@code model_name}, {@code mode},
 * {@code sound} and {@code cfg_scale} against these rows (the simulator holds the same table).
 *
 * <p>A request without {@code model_name} gets no model row for text2video and image2video: their documented default,
 * kling-v1, is discontinued (kling-api-2026.md §1: "The model 'kling-v1' has been discontinued"), and which model the
 * server uses instead is not published, so only the model-independent rules apply. kling-v1 itself stays in the table:
 * only one dated answer of one host says it is gone, and camel-kling leaves availability to the server. A
 * {@code model_name} no table knows is sent as it is ({@link KlingModels}).
 */
public enum KlingVideoModel {
    //                  model_name           t2v    i2v    multi  mode           sound  cfg_scale
    KLING_V1(           "kling-v1",          true,  true,  false, Modes.STD_PRO, false, true),
    KLING_V1_5(         "kling-v1-5",        false, true,  false, Modes.STD_PRO, false, true),
    KLING_V1_6(         "kling-v1-6",        true,  true,  true,  Modes.STD_PRO, false, true),
    KLING_V2_MASTER(    "kling-v2-master",   true,  true,  false, Modes.NONE,    false, false),
    KLING_V2_1(         "kling-v2-1",        false, true,  false, Modes.STD_PRO, false, false),
    KLING_V2_1_MASTER(  "kling-v2-1-master", true,  true,  false, Modes.NONE,    false, false),
    KLING_V2_5_TURBO(   "kling-v2-5-turbo",  true,  true,  false, Modes.STD_PRO, false, false),
    KLING_V2_6(         "kling-v2-6",        true,  true,  false, Modes.STD_PRO, true,  false),
    KLING_V3(           "kling-v3",          true,  true,  false, Modes.STD_PRO_4K, true, false);

    private final String modelName;
    private final boolean textToVideo;
    private final boolean imageToVideo;
    private final boolean multiImageToVideo;
    private final List<String> modes;
    private final boolean sound;
    private final boolean cfgScale;

    KlingVideoModel(String modelName, boolean textToVideo, boolean imageToVideo, boolean multiImageToVideo, Modes modes,
            boolean sound, boolean cfgScale) {
        this.modelName = modelName;
        this.textToVideo = textToVideo;
        this.imageToVideo = imageToVideo;
        this.multiImageToVideo = multiImageToVideo;
        this.modes = modes.values;
        this.sound = sound;
        this.cfgScale = cfgScale;
    }

    public String modelName() {
        return modelName;
    }

    public boolean supportsTextToVideo() {
        return textToVideo;
    }

    public boolean supportsImageToVideo() {
        return imageToVideo;
    }

    /** Whether the model serves multi-image2video (only kling-v1-6). */
    public boolean supportsMultiImageToVideo() {
        return multiImageToVideo;
    }

    /** The {@code mode} values the model takes; empty when it has no modes, and then {@code mode} must be absent. */
    public List<String> modes() {
        return modes;
    }

    /** Whether {@code sound: "on"} (and so {@code voice_list}) is allowed. */
    public boolean supportsSound() {
        return sound;
    }

    /** Whether {@code cfg_scale} may be sent; when not, the field must be absent ("not supported by v2.x models"). */
    public boolean supportsCfgScale() {
        return cfgScale;
    }

    public static Optional<KlingVideoModel> fromModelName(String modelName) {
        return Arrays.stream(values()).filter(m -> m.modelName.equals(modelName)).findFirst();
    }

    public static List<String> modelNames() {
        return Arrays.stream(values()).map(KlingVideoModel::modelName).toList();
    }

    /** The names of the models with a capability, in table order (for messages). */
    static List<String> modelNames(Predicate<KlingVideoModel> capability) {
        return Arrays.stream(values()).filter(capability).map(KlingVideoModel::modelName).toList();
    }

    /** The mode columns of the table. */
    private enum Modes {
        STD_PRO("std", "pro"),
        /** kling-v3 gained 4k (kling-api-2026.md §7). */
        STD_PRO_4K("std", "pro", "4k"),
        NONE;

        private final List<String> values;

        Modes(String... values) {
            this.values = List.of(values);
        }
    }
}
