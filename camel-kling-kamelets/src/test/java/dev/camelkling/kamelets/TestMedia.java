package dev.camelkling.kamelets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Checks of the media that came out (inputs come from the simulator's SampleMedia). */
final class TestMedia {

    private TestMedia() {
    }

    /** Whether the file is an MP4: an ISO BMFF 'ftyp' box first, at offset 4. */
    static boolean isMp4(Path file) throws IOException {
        byte[] head = new byte[8];
        try (var in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 8) < 8) {
                return false;
            }
        }
        return head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
    }

    /** The file decoded as an image, or null when it is not one. */
    static BufferedImage image(Path file) throws IOException {
        return ImageIO.read(file.toFile());
    }
}
