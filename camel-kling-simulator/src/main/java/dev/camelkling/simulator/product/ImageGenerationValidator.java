package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.ImageSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * §6.7 image generation. A task takes {@code n} slots of the image pack. The result is {@code n} PNGs
 * whose long side is 1024 (1k) or 2048 (2k) px at the requested aspect ratio.
 */
final class ImageGenerationValidator implements RequestValidator {
    static final String PRODUCT = "image-generation";
    static final List<String> RESOLUTIONS = List.of("1k", "2k");
    static final List<String> REFERENCES = List.of("subject", "face");
    /** The default of kling-api-2026.md §7 ("table default kling-v3"), which replaced kling-v1 (discontinued, §1). */
    static final String DEFAULT_MODEL = "kling-v3";

    @Override
    public TaskOrder validate(RequestFields fields, ValidationContext context) {
        String model = ModelCatalog.resolve(fields, PRODUCT, DEFAULT_MODEL);
        String prompt = fields.text("prompt", true, RequestFields.MAX_PROMPT_CHARS);
        String negativePrompt = fields.text("negative_prompt", false, RequestFields.MAX_PROMPT_CHARS);
        String imageValue = fields.string("image");
        boolean hasImage = imageValue != null && !imageValue.isEmpty();
        if (hasImage && negativePrompt != null && !negativePrompt.isEmpty()) {
            throw ApiException.invalidParameter("negative_prompt is not supported when image is given");
        }
        String reference = fields.oneOf("image_reference", REFERENCES, null);
        if (hasImage && reference == null && "kling-v1-5".equals(model)) {
            throw ApiException.invalidParameter("image_reference is required for kling-v1-5 when image is given (subject or face)");
        }
        fields.number("image_fidelity", 0, 1);
        fields.number("human_fidelity", 0, 1);
        String resolution = fields.oneOf("resolution", RESOLUTIONS, "1k");
        String aspectRatio = fields.oneOf("aspect_ratio", ImageFields.ASPECT_RATIOS, "16:9");
        if ("21:9".equals(aspectRatio) && "kling-v1".equals(model)) {
            throw ApiException.invalidParameter("aspect_ratio 21:9 is not supported by model_name kling-v1");
        }
        Long requested = fields.integer("n", 1, ImageFields.MAX_N);
        int n = requested == null ? 1 : requested.intValue();
        ImageInput image = hasImage ? ImageInputs.read("image", imageValue, context, ImageInputs.Rules.PICTURE) : null;

        FrameSize size = ImageFields.size(aspectRatio, resolution);
        List<String> notes = new ArrayList<>();
        notes.add(model + " · " + resolution + " · " + aspectRatio + " · " + (index(n)));
        if (image != null) {
            notes.add("reference: " + (reference == null ? "image" : reference));
        }
        TaskOrder.Builder order = TaskOrder.builder(model)
                .slots(n)
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .plannedFailure(image == null ? null : image.downloadFailure())
                .unitDeduction(ImageFields.unitDeduction(n, resolution));
        for (int i = 0; i < n; i++) {
            order.image(new ImageSpec(PRODUCT, prompt, size, i, ImageInputs.previews(image == null ? List.of() : List.of(image)), notes));
        }
        return CommonFields.apply(fields, order).build();
    }

    private static String index(int n) {
        return n + " image" + (n == 1 ? "" : "s");
    }
}
