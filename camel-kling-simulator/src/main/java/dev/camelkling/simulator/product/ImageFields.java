package dev.camelkling.simulator.product;

import dev.camelkling.simulator.media.FrameSize;

import java.util.List;
import java.util.Map;

/** Rules shared by the image products: aspect ratios, resolutions and the pixel sizes they map to. */
final class ImageFields {
    static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9");
    /** Long side in pixels per resolution. */
    static final Map<String, Integer> LONG_SIDES = Map.of("1k", 1024, "2k", 2048, "4k", 4096);
    static final int MAX_N = 9;

    private ImageFields() {
    }

    static FrameSize size(String aspectRatio, String resolution) {
        return FrameSize.forImageAspectRatio(aspectRatio, LONG_SIDES.get(resolution));
    }

    /** The listed aspect ratio closest to an image's (compared on a log scale). */
    static String closestAspectRatio(int width, int height) {
        double target = Math.log((double) width / height);
        String best = "1:1";
        double bestDistance = Double.MAX_VALUE;
        for (String ratio : ASPECT_RATIOS) {
            String[] parts = ratio.split(":");
            double distance = Math.abs(Math.log(Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])) - target);
            if (distance < bestDistance - 1e-12) {
                best = ratio;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Made-up but stable pricing: 1 unit per image at 1k, 2 at 2k, 4 at 4k. */
    static String unitDeduction(int images, String resolution) {
        return Integer.toString(images * LONG_SIDES.get(resolution) / 1024);
    }
}
