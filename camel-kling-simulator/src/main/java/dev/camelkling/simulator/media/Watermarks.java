package dev.camelkling.simulator.media;

import java.util.ArrayList;
import java.util.List;

/**
 * The watermarked copy of a result ({@code watermark_info.enabled}): the same picture with one more caption line, so
 * that it is a file of its own at its own URL, told apart from the clean result by its bytes.
 */
public final class Watermarks {
    static final String CAPTION = "Kling AI watermark";

    private Watermarks() {
    }

    public static VideoSpec onVideo(VideoSpec clean) {
        return new VideoSpec(clean.product(), clean.prompt(), clean.size(), clean.durationSeconds(), clean.startImage(),
                clean.endImage(), clean.gallery(), withCaption(clean.notes()));
    }

    public static ImageSpec onImage(ImageSpec clean) {
        return new ImageSpec(clean.product(), clean.prompt(), clean.size(), clean.index(), clean.references(),
                withCaption(clean.notes()));
    }

    private static List<String> withCaption(List<String> notes) {
        List<String> captioned = new ArrayList<>(notes);
        captioned.add(CAPTION);
        return captioned;
    }
}
