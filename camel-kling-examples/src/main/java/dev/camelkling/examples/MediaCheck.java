package dev.camelkling.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Tells a real result from a broken one: an MP4 must open with an ISO BMFF {@code ftyp} box, a PNG must decode. */
public final class MediaCheck {

    private MediaCheck() {
    }

    public static boolean isRealMedia(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".png")) {
            return ImageIO.read(file.toFile()) != null;
        }
        byte[] head = new byte[8];
        try (var in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 8) < 8) {
                return false;
            }
        }
        return "ftyp".equals(new String(head, 4, 4, StandardCharsets.US_ASCII));
    }
}
