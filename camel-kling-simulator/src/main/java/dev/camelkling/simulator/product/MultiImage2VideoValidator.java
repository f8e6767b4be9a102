package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.VideoSpec;

import java.util.List;

/** §6.4 multi-image to video: kling-v1-6 only, 1–4 reference images, a required prompt. */
final class MultiImage2VideoValidator implements RequestValidator {
    static final String PRODUCT = "multi-image2video";
    static final int MAX_IMAGES = 4;

    @Override
    public TaskOrder validate(RequestFields fields, ValidationContext context) {
        String model = ModelCatalog.resolve(fields, PRODUCT, "kling-v1-6");
        JsonNode list = fields.array("image_list");
        if (list == null || list.isEmpty()) {
            throw ApiException.invalidParameter("image_list is required and must have 1 to " + MAX_IMAGES + " items");
        }
        if (list.size() > MAX_IMAGES) {
            throw ApiException.invalidParameter("image_list must have at most " + MAX_IMAGES + " items (got " + list.size() + ")");
        }
        String prompt = fields.text("prompt", true, RequestFields.MAX_PROMPT_CHARS);
        VideoFields.negativePrompt(fields);
        String mode = VideoFields.mode(fields, model);
        int duration = VideoFields.duration(fields);
        String aspectRatio = fields.oneOf("aspect_ratio", Text2VideoValidator.ASPECT_RATIOS, "16:9");
        List<ImageInput> images = ImageInputs.readList(fields, "image_list", context, ImageInputs.Rules.PICTURE);

        TaskOrder.Builder order = TaskOrder.builder(model)
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .plannedFailure(ImageInputs.downloadFailure(images))
                .mode(mode)
                .video(new VideoSpec(PRODUCT, prompt, FrameSize.forVideoAspectRatio(aspectRatio), duration, null, null,
                        ImageInputs.previews(images), List.of(images.size() + " reference image" + (images.size() == 1 ? "" : "s"))))
                .unitDeduction(VideoFields.unitDeduction(mode, duration));
        return CommonFields.apply(fields, order).build();
    }
}
