package dev.camelkling.simulator.media;

import java.util.Map;

/**
 * Pixel size of simulated media. Videos are deliberately tiny because pure-Java H.264 encoding costs
 * ~30 ms per 320x180 frame on two cores.
 */
public record FrameSize(int width, int height) {
    private static final Map<String, FrameSize> VIDEO_SIZES = Map.of(
            "16:9", new FrameSize(320, 180),
            "9:16", new FrameSize(180, 320),
            "1:1", new FrameSize(240, 240));

    public static FrameSize forVideoAspectRatio(String aspectRatio) {
        FrameSize size = VIDEO_SIZES.get(aspectRatio);
        if (size == null) {
            throw new IllegalArgumentException("unsupported video aspect ratio " + aspectRatio);
        }
        return size;
    }

    /** The supported video aspect ratio closest to an input image's, as an image2video result follows its input. */
    public static String closestVideoAspectRatio(int width, int height) {
        double ratio = (double) width / height;
        if (ratio >= 1.3) {
            return "16:9";
        }
        return ratio <= 0.77 ? "9:16" : "1:1";
    }

    /** A size for generated images: the aspect ratio "w:h" scaled so the long side is {@code longSide}. */
    public static FrameSize forImageAspectRatio(String aspectRatio, int longSide) {
        String[] parts = aspectRatio.split(":");
        double w = Double.parseDouble(parts[0]);
        double h = Double.parseDouble(parts[1]);
        return w >= h
                ? new FrameSize(longSide, (int) Math.round(longSide * h / w))
                : new FrameSize((int) Math.round(longSide * w / h), longSide);
    }
}
