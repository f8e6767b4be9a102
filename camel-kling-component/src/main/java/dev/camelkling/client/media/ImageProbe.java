package dev.camelkling.client.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads an image's format and size from its header only, without decoding pixels. */
public final class ImageProbe {

    public record ImageInfo(String format, int width, int height) {
    }

    private ImageProbe() {
    }

    /** Empty for URLs and for content ImageIO cannot read (no image format it knows, or a broken header). */
    public static Optional<ImageInfo> probe(KlingMedia media) {
        if (media.isUrl()) {
            return Optional.empty();
        }
        try (InputStream content = media.openContent(); ImageInputStream input = ImageIO.createImageInputStream(content)) {
            if (input == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return Optional.of(new ImageInfo(reader.getFormatName().toLowerCase(Locale.ROOT), reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
