package dev.camelkling.client.schema;

import java.util.List;
import java.util.Optional;

/** The request schemas of the video features (reference §6.2–§6.6; lip sync is {@link LipSyncSchema}). */
public final class VideoSchemas {

    static final int MAX_DYNAMIC_MASKS = 6;
    static final int MIN_TRAJECTORY_POINTS = 2;
    static final int MAX_TRAJECTORY_POINTS = 77;
    static final int MAX_VOICES = 2;
    static final int MAX_MULTI_IMAGES = 4;
    static final int MAX_MOTION_ELEMENTS = 1;
    /** multi-image2video's default model (and its only one, reference §6.4). */
    static final KlingVideoModel MULTI_IMAGE_DEFAULT_MODEL = KlingVideoModel.KLING_V1_6;

    private VideoSchemas() {
    }

    public static final RequestSchema TEXT2VIDEO = RequestSchema.builder()
            .field(VideoModelRules.modelName(KlingVideoModel::supportsTextToVideo, "text2video"))
            .field(CommonFields.prompt(true))
            .field(CommonFields.negativePrompt())
            .field(CommonFields.sound())
            .field(CommonFields.cfgScale())
            .field(CommonFields.videoMode())
            .field(CommonFields.aspectRatio(CommonFields.VIDEO_ASPECT_RATIOS))
            .field(CommonFields.duration("5", "10"))
            .field(CommonFields.cameraControl())
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .rules(VideoModelRules.capabilities())
            .build();

    public static final RequestSchema IMAGE2VIDEO = RequestSchema.builder()
            // the old "model" field is still accepted by image2video (reference §6.3), and only there
            .field(VideoModelRules.modelName(KlingVideoModel::supportsImageToVideo, "image2video").alias("model"))
            .field(CommonFields.image("image"))
            .field(CommonFields.image("image_tail"))
            .field(CommonFields.prompt(false))
            .field(CommonFields.negativePrompt())
            .field(CommonFields.cfgScale())
            .field(CommonFields.videoMode())
            .field(CommonFields.image("static_mask"))
            .field(FieldSpec.of("dynamic_masks", FieldType.DYNAMIC_MASKS).maxItems(MAX_DYNAMIC_MASKS)
                    .check((field, value) -> dynamicMasksViolation(field, (List<?>) value)))
            .field(CommonFields.cameraControl())
            .field(CommonFields.duration("5", "10"))
            .field(CommonFields.sound())
            .field(FieldSpec.of("voice_list", FieldType.VOICE_LIST).maxItems(MAX_VOICES))
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .rule(CrossFieldRules.atLeastOneOf("image", "image_tail"))
            .rule(CrossFieldRules.mutuallyExclusive(List.of(
                    List.of("image_tail"), List.of("static_mask", "dynamic_masks"), List.of("camera_control"))))
            .rule(CrossFieldRules.requiresValue("voice_list", "sound", "on"))
            .rules(VideoModelRules.capabilities())
            .build();

    public static final RequestSchema MULTI_IMAGE2VIDEO = RequestSchema.builder()
            .field(VideoModelRules.modelName(KlingVideoModel::supportsMultiImageToVideo, "multi-image2video"))
            .field(CommonFields.imageList(1, MAX_MULTI_IMAGES).required())
            .field(CommonFields.prompt(true))
            .field(CommonFields.negativePrompt())
            .field(CommonFields.mode())
            .field(CommonFields.duration("5", "10"))
            .field(CommonFields.aspectRatio(CommonFields.VIDEO_ASPECT_RATIOS))
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .rules(VideoModelRules.capabilities(MULTI_IMAGE_DEFAULT_MODEL))
            .build();

    public static final RequestSchema MOTION_CONTROL = RequestSchema.builder()
            .field(FieldSpec.of("image_url", FieldType.MEDIA).required().check(MediaRules.CHARACTER_IMAGE))
            .field(CommonFields.videoUrl().required())
            .field(FieldSpec.of("character_orientation", FieldType.TEXT).required().oneOf("image", "video"))
            .field(CommonFields.mode().required())
            .field(CommonFields.prompt(false))
            .field(FieldSpec.of("keep_original_sound", FieldType.YES_NO).oneOf("yes", "no"))
            .field(KlingModels.modelName("motion-control", KlingModels.MOTION_CONTROL))
            .field(CommonFields.elementList(MAX_MOTION_ELEMENTS))
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            // element_list is kling-v3's; the default kling-v2-6 has none, a model no table knows may
            .rule(KlingModels.onlyForKnown(KlingModels.MOTION_CONTROL,
                    CrossFieldRules.requiresValue("element_list", "model_name", KlingModels.MOTION_CONTROL_ELEMENT_MODEL)))
            .build();

    public static final RequestSchema VIDEO_EXTEND = RequestSchema.builder()
            .field(CommonFields.videoId().required())
            .field(CommonFields.prompt(false))
            .field(CommonFields.negativePrompt())
            .field(CommonFields.cfgScale())
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .build();

    private static Optional<Violation> dynamicMasksViolation(String field, List<?> masks) {
        for (int i = 0; i < masks.size(); i++) {
            DynamicMask mask = (DynamicMask) masks.get(i);
            String item = field + "[" + i + "]";
            Optional<Violation> image = MediaRules.checkImage(item + ".mask", mask.mask());
            if (image.isPresent()) {
                return image;
            }
            int points = mask.trajectories().size();
            if (points < MIN_TRAJECTORY_POINTS || points > MAX_TRAJECTORY_POINTS) {
                return Optional.of(new Violation(item + ".trajectories", "must have between " + MIN_TRAJECTORY_POINTS
                        + " and " + MAX_TRAJECTORY_POINTS + " points (was " + points + ")"));
            }
        }
        return Optional.empty();
    }
}
