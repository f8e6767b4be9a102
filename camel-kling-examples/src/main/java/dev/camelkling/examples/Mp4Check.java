package dev.camelkling.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A cheap sanity check that a file is an MP4 container: it must start with an ISO BMFF {@code ftyp} box. */
final class Mp4Check {

    private Mp4Check() {
    }

    static boolean looksLikeMp4(Path file) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 8) < 8) {
                return false;
            }
        }
        return "ftyp".equals(new String(head, 4, 4, StandardCharsets.US_ASCII));
    }
}
