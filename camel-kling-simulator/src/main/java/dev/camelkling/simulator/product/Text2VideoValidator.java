package dev.camelkling.simulator.product;

import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.VideoSpec;

import java.util.List;

/** §6.2 text to video. */
final class Text2VideoValidator implements RequestValidator {
    static final String PRODUCT = "text2video";
    static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1");

    @Override
    public TaskOrder validate(RequestFields fields, ValidationContext context) {
        String model = ModelCatalog.resolve(fields, PRODUCT, "kling-v1");
        String prompt = fields.text("prompt", true, RequestFields.MAX_PROMPT_CHARS);
        VideoFields.negativePrompt(fields);
        String mode = VideoFields.mode(fields, model);
        String aspectRatio = fields.oneOf("aspect_ratio", ASPECT_RATIOS, "16:9");
        int duration = VideoFields.duration(fields);
        VideoFields.cfgScale(fields, model, PRODUCT);
        VideoFields.sound(fields, model, PRODUCT);
        VideoFields.cameraControl(fields);

        TaskOrder.Builder order = TaskOrder.builder(model)
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .video(new VideoSpec(PRODUCT, prompt, FrameSize.forVideoAspectRatio(aspectRatio), duration, null, null))
                .mode(mode)
                .unitDeduction(VideoFields.unitDeduction(mode, duration));
        return CommonFields.apply(fields, order).build();
    }
}
