package dev.camelkling.client;

import java.util.List;
import java.util.Optional;

/** The request schemas of the video features (reference §6.2, §6.3). */
final class VideoSchemas {

    static final int MAX_DYNAMIC_MASKS = 6;
    static final int MIN_TRAJECTORY_POINTS = 2;
    static final int MAX_TRAJECTORY_POINTS = 77;
    static final int MAX_VOICES = 2;

    private VideoSchemas() {
    }

    static final RequestSchema TEXT2VIDEO = RequestSchema.builder()
            .field(CommonFields.videoModel(KlingVideoModel::supportsTextToVideo, "text2video"))
            .field(CommonFields.prompt(true))
            .field(CommonFields.negativePrompt())
            .field(CommonFields.sound())
            .field(CommonFields.cfgScale())
            .field(CommonFields.mode())
            .field(CommonFields.aspectRatio("16:9", "9:16", "1:1"))
            .field(CommonFields.duration("5", "10"))
            .field(CommonFields.cameraControl())
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .build();

    static final RequestSchema IMAGE2VIDEO = RequestSchema.builder()
            .field(CommonFields.videoModel(KlingVideoModel::supportsImageToVideo, "image2video"))
            .field(CommonFields.image("image"))
            .field(CommonFields.image("image_tail"))
            .field(CommonFields.prompt(false))
            .field(CommonFields.negativePrompt())
            .field(CommonFields.cfgScale())
            .field(CommonFields.mode())
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
