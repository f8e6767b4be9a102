package dev.camelkling.simulator.product;

import dev.camelkling.simulator.media.Preview;

/**
 * An image field after validation. The pixels are known for Base64 and for URLs served by this
 * simulator; other URLs are accepted unseen.
 *
 * @param url             the URL when given as one, else {@code null}
 * @param width           pixel width, 0 when unknown
 * @param height          pixel height, 0 when unknown
 * @param preview         a downscaled copy for drawing into result frames, or {@code null}
 * @param downloadFailure set when the URL points at this simulator but nothing is there: the task
 *                        will fail the way a failed download does on the real service
 */
public record ImageInput(String url, int width, int height, Preview preview, String downloadFailure) {

    public boolean dimensionsKnown() {
        return width > 0 && height > 0;
    }
}
