package dev.camelkling.simulator.media;

import java.util.List;

/**
 * What a simulated video shows; the MP4 is rendered from it on first download.
 *
 * @param product         label drawn in the frame, e.g. "text2video"
 * @param prompt          the user's prompt (may be empty)
 * @param size            frame size in pixels
 * @param durationSeconds container duration
 * @param startImage      an input image shown at the start (image2video), or {@code null}
 * @param endImage        an input image cross-faded in towards the end (tail frame), or {@code null}
 * @param gallery         input images shown one after the other (multi-image2video, motion control);
 *                        empty when none
 * @param notes           extra caption lines drawn near the bottom (lip sync, extend); empty when none
 */
public record VideoSpec(String product, String prompt, FrameSize size, int durationSeconds,
                        Preview startImage, Preview endImage, List<Preview> gallery, List<String> notes) {

    public VideoSpec {
        gallery = gallery == null ? List.of() : List.copyOf(gallery);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (durationSeconds < 1) {
            throw new IllegalArgumentException("durationSeconds must be >= 1");
        }
    }

    /** The original six-field form: no gallery, no notes. */
    public VideoSpec(String product, String prompt, FrameSize size, int durationSeconds, Preview startImage, Preview endImage) {
        this(product, prompt, size, durationSeconds, startImage, endImage, List.of(), List.of());
    }

    /** The duration as the task result reports it, matching the container's duration exactly. */
    public String durationText() {
        return durationSeconds + ".0";
    }
}
