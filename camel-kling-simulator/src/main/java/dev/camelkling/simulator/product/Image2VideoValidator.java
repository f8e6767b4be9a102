package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.VideoSpec;

/** §6.3 image to video. */
final class Image2VideoValidator implements RequestValidator {
    static final String PRODUCT = "image2video";
    static final int MAX_VOICES = 2;

    @Override
    public TaskOrder validate(RequestFields fields, ValidationContext context) {
        // The old "model" field is still accepted (§6.3) and acts like an empty model_name: the default, kling-v1.
        String model = ModelCatalog.resolve(fields, PRODUCT, "kling-v1");
        String imageValue = fields.string("image");
        String tailValue = fields.string("image_tail");
        boolean hasImage = imageValue != null && !imageValue.isEmpty();
        boolean hasTail = tailValue != null && !tailValue.isEmpty();
        if (!hasImage && !hasTail) {
            throw ApiException.invalidParameter("image can not be null");
        }
        boolean hasCamera = fields.has("camera_control");
        boolean hasBrush = MotionBrush.requested(fields);
        if ((hasTail ? 1 : 0) + (hasBrush ? 1 : 0) + (hasCamera ? 1 : 0) > 1) {
            throw ApiException.invalidParameter(
                    "image_tail, static_mask/dynamic_masks and camera_control are mutually exclusive; send at most one of them");
        }
        String prompt = fields.text("prompt", false, RequestFields.MAX_PROMPT_CHARS);
        VideoFields.negativePrompt(fields);
        String mode = VideoFields.mode(fields, model);
        int duration = VideoFields.duration(fields);
        VideoFields.cfgScale(fields, model, PRODUCT);
        boolean sound = VideoFields.sound(fields, model, PRODUCT);
        VideoFields.cameraControl(fields);
        voiceList(fields, sound);

        ImageInput image = hasImage ? ImageInputs.read("image", imageValue, context, ImageInputs.Rules.PICTURE) : null;
        ImageInput tail = hasTail ? ImageInputs.read("image_tail", tailValue, context, ImageInputs.Rules.PICTURE) : null;
        MotionBrush brush = MotionBrush.read(fields, context);

        TaskOrder.Builder order = TaskOrder.builder(model)
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .plannedFailure(image == null ? null : image.downloadFailure())
                .plannedFailure(tail == null ? null : tail.downloadFailure())
                .plannedFailure(brush.downloadFailure())
                .plannedFailure(brush.mismatchWith(image))
                .video(new VideoSpec(PRODUCT, prompt == null ? "" : prompt, frameSize(image, tail), duration,
                        image == null ? null : image.preview(), tail == null ? null : tail.preview()))
                .mode(mode)
                .unitDeduction(VideoFields.unitDeduction(mode, duration));
        return CommonFields.apply(fields, order).build();
    }

    /** The result follows the input's aspect ratio; 16:9 when the input was a URL we did not see. */
    private static FrameSize frameSize(ImageInput image, ImageInput tail) {
        ImageInput reference = image != null && image.dimensionsKnown() ? image : tail;
        if (reference == null || !reference.dimensionsKnown()) {
            return FrameSize.forVideoAspectRatio("16:9");
        }
        return FrameSize.forVideoAspectRatio(FrameSize.closestVideoAspectRatio(reference.width(), reference.height()));
    }

    private static void voiceList(RequestFields fields, boolean sound) {
        JsonNode voices = fields.array("voice_list");
        if (voices == null || voices.isEmpty()) {
            return;
        }
        if (voices.size() > MAX_VOICES) {
            throw ApiException.invalidParameter("voice_list must have at most " + MAX_VOICES + " items");
        }
        if (!sound) {
            throw ApiException.invalidParameter("voice_list requires sound \"on\"");
        }
        for (int i = 0; i < voices.size(); i++) {
            JsonNode voice = voices.get(i);
            String path = "voice_list[" + i + "]";
            if (voice == null || !voice.isObject()) {
                throw ApiException.invalidParameter(path + " must be an object {voice_id}");
            }
            String id = RequestFields.string(path + ".voice_id", voice.get("voice_id"));
            if (id == null || id.isEmpty()) {
                throw ApiException.invalidParameter(path + ".voice_id is required");
            }
        }
    }
}
