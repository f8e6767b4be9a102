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
    /** The settings text-to-video and omni-video have on the new design only. */
    private static final String[] NEW_VIDEO_SETTINGS = {"resolution", "audio", "multi_shot"};
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
            .field(CommonFields.newDesignResolution())
            .field(CommonFields.audio())
            .field(CommonFields.multiShot())
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .rules(VideoModelRules.capabilities())
            .newDesign(NewDesignProduct.TEXT_TO_VIDEO, NEW_VIDEO_SETTINGS)
            .build();

    public static final RequestSchema IMAGE2VIDEO = RequestSchema.builder()
            // the old "model" field is still accepted by image2video (reference §6.3), and only there
            .field(VideoModelRules.modelName(KlingVideoModel::supportsImageToVideo, "image2video").alias("model"))
            // the new design's first_frame and last_frame items
            .field(CommonFields.image("image").alias("first_frame"))
            .field(CommonFields.image("image_tail").alias("last_frame"))
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
            .field(CommonFields.elementList(NewDesignRules.MAX_REFERENCES))
            .field(CommonFields.newDesignResolution())
            .field(CommonFields.audio())
            .field(CommonFields.multiShot())
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .newDesign(NewDesignProduct.IMAGE_TO_VIDEO, "element_list", "resolution", "audio", "multi_shot")
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
            .field(CommonFields.newDesignResolution())
            .field(CommonFields.audio())
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .newDesign(NewDesignProduct.MOTION_CONTROL, "resolution", "audio")
            // element_list is kling-v3's; the default kling-v2-6 has none, a model no table knows may
            .rule(KlingModels.onlyForKnown(KlingModels.MOTION_CONTROL,
                    CrossFieldRules.requiresValue("element_list", "model_name", KlingModels.MOTION_CONTROL_ELEMENT_MODEL)))
            .build();

    /**
     * Omni video: references (images, elements, a reference or base video) and video editing. Legacy:
     * {@code /v1/videos/omni-video} with kling-video-o1 (the default) or kling-v3-omni, whose body follows omni-image's
     * conventions ({@code image_list} items typed {@code first_frame}/{@code end_frame} or untyped references,
     * {@code video_list} items {@code {video_url, refer_type}}); new design: kling-3.0-omni and kling-o1 on
     * {@code /omni-video/{model}} with the rules of {@link NewDesignRules}.
     */
    public static final RequestSchema OMNI_VIDEO = RequestSchema.builder()
            .field(KlingModels.modelName("omni-video", KlingModels.OMNI_VIDEO))
            .field(CommonFields.prompt(true))
            .field(CommonFields.image("image").alias("first_frame"))
            .field(CommonFields.image("image_tail").alias("last_frame"))
            .field(CommonFields.images("reference_images"))
            .field(CommonFields.videoUrl("reference_video"))
            .field(CommonFields.videoUrl("base_video"))
            .field(CommonFields.elementList(NewDesignRules.MAX_REFERENCES))
            .field(CommonFields.videoMode())
            .field(CommonFields.newDesignResolution())
            .field(CommonFields.audio())
            .field(CommonFields.multiShot())
            .field(CommonFields.aspectRatio(CommonFields.VIDEO_ASPECT_RATIOS))
            .field(FieldSpec.of("duration", FieldType.NUMERIC_TEXT).oneOf(LegacyOmniVideo.DURATIONS))
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .newDesign(NewDesignProduct.OMNI_VIDEO, NEW_VIDEO_SETTINGS)
            .rules(LegacyOmniVideo.RULES)
            .legacyWire(LegacyOmniVideo::toWire)
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
