package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.ImageSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * §6.8 omni-image. Images and library elements together at most {@value #MAX_INPUTS}; every
 * {@code <<<image_N>>>} in the prompt needs an N-th image. {@code 4k} needs kling-v3-omni.
 * {@code series_amount: "auto"} makes {@value #AUTO_SERIES_AMOUNT} images (and takes that many slots).
 */
final class OmniImageValidator implements RequestValidator {
    static final String PRODUCT = "omni-image";
    static final int MAX_INPUTS = 10;
    static final int AUTO_SERIES_AMOUNT = 3;
    static final List<String> RESOLUTIONS = List.of("1k", "2k", "4k");
    static final List<String> RESULT_TYPES = List.of("single", "series");
    static final Pattern IMAGE_REFERENCE = Pattern.compile("<<<image_(\\d+)>>>");

    @Override
    public TaskOrder validate(RequestFields fields, ValidationContext context) {
        String model = ModelCatalog.resolve(fields, PRODUCT, "kling-image-o1");
        String prompt = fields.text("prompt", true, RequestFields.MAX_PROMPT_CHARS);
        JsonNode imageList = fields.array("image_list");
        JsonNode elementList = fields.array("element_list");
        int imageCount = imageList == null ? 0 : imageList.size();
        int elementCount = elementList == null ? 0 : elementList.size();
        if (imageCount + elementCount > MAX_INPUTS) {
            throw ApiException.invalidParameter("image_list and element_list together must have at most " + MAX_INPUTS
                    + " items (got " + imageCount + " + " + elementCount + ")");
        }
        requireReferencedImages(prompt, imageCount);
        String resolution = fields.oneOf("resolution", RESOLUTIONS, "1k");
        if ("4k".equals(resolution) && !"kling-v3-omni".equals(model)) {
            throw ApiException.invalidParameter("resolution 4k is only supported by model_name kling-v3-omni (got " + model + ")");
        }
        String resultType = fields.oneOf("result_type", RESULT_TYPES, "single");
        Long n = fields.integer("n", 1, ImageFields.MAX_N);
        int amount = seriesAmount(fields, resultType);
        List<String> ratios = new ArrayList<>(ImageFields.ASPECT_RATIOS);
        ratios.add("auto");
        String aspectRatio = fields.oneOf("aspect_ratio", ratios, "auto");
        List<ImageInput> images = ImageInputs.readList(fields, "image_list", context, ImageInputs.Rules.PICTURE);
        List<Long> elements = Elements.read(fields, context);

        if ("auto".equals(aspectRatio)) {
            ImageInput first = images.isEmpty() ? null : images.get(0);
            aspectRatio = first != null && first.dimensionsKnown()
                    ? ImageFields.closestAspectRatio(first.width(), first.height()) : "1:1";
        }
        boolean series = "series".equals(resultType);
        int count = series ? amount : (n == null ? 1 : n.intValue());
        FrameSize size = ImageFields.size(aspectRatio, resolution);
        List<String> notes = new ArrayList<>();
        notes.add(model + " · " + resolution + " · " + aspectRatio + " · " + resultType + " of " + count);
        if (!images.isEmpty() || !elements.isEmpty()) {
            notes.add(images.size() + " image(s), " + elements.size() + " element(s)"
                    + (elements.isEmpty() ? "" : ": " + elements.get(0) + (elements.size() > 1 ? ", …" : "")));
        }
        TaskOrder.Builder order = TaskOrder.builder(model)
                .slots(count)
                .resultType(series ? TaskOrder.RESULT_TYPE_SERIES : null)
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .plannedFailure(ImageInputs.downloadFailure(images))
                .unitDeduction(ImageFields.unitDeduction(count, resolution));
        for (int i = 0; i < count; i++) {
            order.image(new ImageSpec(PRODUCT, prompt, size, i, ImageInputs.previews(images), notes));
        }
        return CommonFields.apply(fields, order).build();
    }

    /** 2–9 (number or numeric string) or "auto", only with result_type series; auto when series and absent. */
    private static int seriesAmount(RequestFields fields, String resultType) {
        JsonNode node = fields.node("series_amount");
        if (node == null) {
            return AUTO_SERIES_AMOUNT;
        }
        if (!"series".equals(resultType)) {
            throw ApiException.invalidParameter("series_amount is only allowed with result_type series");
        }
        if (node.isTextual() && node.asText().equals("auto")) {
            return AUTO_SERIES_AMOUNT;
        }
        long value = -1;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual() && node.asText().matches("\\d{1,2}")) {
            value = Long.parseLong(node.asText());
        }
        if (value < 2 || value > ImageFields.MAX_N) {
            throw ApiException.invalidParameter("series_amount must be an integer between 2 and " + ImageFields.MAX_N
                    + " or \"auto\" (got " + node + ")");
        }
        return (int) value;
    }

    /** Every {@code <<<image_N>>>} in the prompt needs an N-th image in {@code image_list}. */
    static void requireReferencedImages(String prompt, int imageCount) {
        Matcher references = IMAGE_REFERENCE.matcher(prompt);
        while (references.find()) {
            long k = parseIndex(references.group(1));
            if (k < 1 || k > imageCount) {
                throw ApiException.invalidParameter("prompt refers to " + references.group() + " but image_list has "
                        + imageCount + " image" + (imageCount == 1 ? "" : "s"));
            }
        }
    }

    private static long parseIndex(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
