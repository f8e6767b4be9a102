package dev.camelkling.client;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The legacy {@code model_name} values of the video features and what each can do (reference §6.2 model table).
 * Kling changes this matrix often, which is why it is a table here and not logic in the rules.
 */
public enum KlingVideoModel {
    KLING_V1("kling-v1", true, true),
    KLING_V1_5("kling-v1-5", false, true),
    KLING_V1_6("kling-v1-6", true, true),
    KLING_V2_MASTER("kling-v2-master", true, true),
    KLING_V2_1("kling-v2-1", false, true),
    KLING_V2_1_MASTER("kling-v2-1-master", true, true),
    KLING_V2_5_TURBO("kling-v2-5-turbo", true, true),
    KLING_V2_6("kling-v2-6", true, true),
    KLING_V3("kling-v3", true, true);

    private final String modelName;
    private final boolean textToVideo;
    private final boolean imageToVideo;

    KlingVideoModel(String modelName, boolean textToVideo, boolean imageToVideo) {
        this.modelName = modelName;
        this.textToVideo = textToVideo;
        this.imageToVideo = imageToVideo;
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

    public static Optional<KlingVideoModel> fromModelName(String modelName) {
        return Arrays.stream(values()).filter(m -> m.modelName.equals(modelName)).findFirst();
    }

    public static List<String> modelNames() {
        return Arrays.stream(values()).map(KlingVideoModel::modelName).toList();
    }
}
