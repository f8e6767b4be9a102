package dev.camelkling.simulator.media;

/**
 * What a simulated video shows; the MP4 is rendered from it on first download.
 *
 * @param product         label drawn in the frame, e.g. "text2video"
 * @param prompt          the user's prompt (may be empty)
 * @param size            frame size in pixels
 * @param durationSeconds container duration
 * @param startImage      an input image shown at the start (image2video), or {@code null}
 * @param endImage        an input image cross-faded in towards the end (tail frame), or {@code null}
 */
public record VideoSpec(String product, String prompt, FrameSize size, int durationSeconds,
                        Preview startImage, Preview endImage) {

    /** The duration as the task result reports it, matching the container's duration exactly. */
    public String durationText() {
        return durationSeconds + ".0";
    }
}
