package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;

import java.util.ArrayList;
import java.util.List;

/**
 * image2video motion brush ({@code static_mask}, {@code dynamic_masks}). Shape rules are checked
 * synchronously; mask-size mismatches only make the task fail later, as on the real service (§6.3).
 */
final class MotionBrush {
    static final int MAX_DYNAMIC_MASKS = 6;
    static final int MIN_POINTS = 2;
    static final int MAX_POINTS = 77;

    private final ImageInput staticMask;
    private final List<ImageInput> dynamicMasks;

    private MotionBrush(ImageInput staticMask, List<ImageInput> dynamicMasks) {
        this.staticMask = staticMask;
        this.dynamicMasks = dynamicMasks;
    }

    static boolean requested(RequestFields fields) {
        return present(fields.node("static_mask")) || present(fields.node("dynamic_masks"));
    }

    /** An empty string or empty array counts as not sent. */
    static boolean present(JsonNode node) {
        return node != null && !(node.isTextual() && node.asText().isEmpty()) && !(node.isArray() && node.isEmpty());
    }

    static MotionBrush read(RequestFields fields, ValidationContext context) {
        String staticValue = fields.string("static_mask");
        ImageInput staticMask = staticValue == null || staticValue.isEmpty()
                ? null : ImageInputs.read("static_mask", staticValue, context, ImageInputs.Rules.MASK);
        JsonNode dynamic = fields.array("dynamic_masks");
        List<ImageInput> masks = new ArrayList<>();
        if (dynamic != null) {
            if (dynamic.size() > MAX_DYNAMIC_MASKS) {
                throw ApiException.invalidParameter("dynamic_masks must have at most " + MAX_DYNAMIC_MASKS + " items");
            }
            for (int i = 0; i < dynamic.size(); i++) {
                masks.add(readDynamicMask("dynamic_masks[" + i + "]", dynamic.get(i), context));
            }
        }
        return new MotionBrush(staticMask, masks);
    }

    private static ImageInput readDynamicMask(String path, JsonNode item, ValidationContext context) {
        if (item == null || !item.isObject()) {
            throw ApiException.invalidParameter(path + " must be an object {mask, trajectories}");
        }
        String mask = RequestFields.string(path + ".mask", item.get("mask"));
        if (mask == null || mask.isEmpty()) {
            throw ApiException.invalidParameter(path + ".mask is required");
        }
        JsonNode trajectories = item.get("trajectories");
        if (trajectories == null || !trajectories.isArray()) {
            throw ApiException.invalidParameter(path + ".trajectories is required and must be an array");
        }
        if (trajectories.size() < MIN_POINTS || trajectories.size() > MAX_POINTS) {
            throw ApiException.invalidParameter(path + ".trajectories must have " + MIN_POINTS + " to " + MAX_POINTS
                    + " points (got " + trajectories.size() + ")");
        }
        for (int p = 0; p < trajectories.size(); p++) {
            JsonNode point = trajectories.get(p);
            String pointPath = path + ".trajectories[" + p + "]";
            if (point == null || !point.isObject()) {
                throw ApiException.invalidParameter(pointPath + " must be an object {x, y}");
            }
            requireInteger(pointPath + ".x", point.get("x"));
            requireInteger(pointPath + ".y", point.get("y"));
        }
        return ImageInputs.read(path + ".mask", mask, context, ImageInputs.Rules.MASK);
    }

    private static void requireInteger(String path, JsonNode node) {
        if (node == null || !node.isNumber() || node.asDouble() != Math.rint(node.asDouble())) {
            throw ApiException.invalidParameter(path + " must be an integer");
        }
    }

    /** The asynchronous failure the real service would report for these masks, or {@code null}. */
    String mismatchWith(ImageInput image) {
        List<ImageInput> all = new ArrayList<>(dynamicMasks);
        if (staticMask != null) {
            all.add(staticMask);
        }
        if (image != null && image.dimensionsKnown()) {
            for (ImageInput mask : all) {
                if (mask.dimensionsKnown()
                        && Math.abs((double) mask.width() / mask.height() - (double) image.width() / image.height()) > 0.01) {
                    return "The aspect ratio of the mask does not match the image";
                }
            }
        }
        if (staticMask != null && staticMask.dimensionsKnown()) {
            for (ImageInput mask : dynamicMasks) {
                if (mask.dimensionsKnown() && (mask.width() != staticMask.width() || mask.height() != staticMask.height())) {
                    return "static_mask and dynamic_masks must have the same resolution";
                }
            }
        }
        return null;
    }

    String downloadFailure() {
        if (staticMask != null && staticMask.downloadFailure() != null) {
            return staticMask.downloadFailure();
        }
        return dynamicMasks.stream().map(ImageInput::downloadFailure).filter(f -> f != null).findFirst().orElse(null);
    }
}
