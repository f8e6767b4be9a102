package dev.camelkling.simulator.media;

import java.util.List;

/**
 * What a simulated generated image shows; the PNG is rendered on first download.
 *
 * @param product    label drawn in the image; {@link #FACE_PREVIEW} draws a face (identify-face previews)
 * @param prompt     the prompt (may be empty)
 * @param size       pixel size
 * @param index      the image's {@code index} in the result
 * @param references input images drawn as thumbnails (reference image, omni inputs); empty when none
 * @param notes      extra caption lines; empty when none
 */
public record ImageSpec(String product, String prompt, FrameSize size, int index, List<Preview> references, List<String> notes) {
    /** The product label of identify-face preview images. */
    public static final String FACE_PREVIEW = "identify-face";

    public ImageSpec {
        references = references == null ? List.of() : List.copyOf(references);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The original four-field form: no references, no notes. */
    public ImageSpec(String product, String prompt, FrameSize size, int index) {
        this(product, prompt, size, index, List.of(), List.of());
    }
}
