package dev.camelkling.simulator;

import java.nio.ByteBuffer;

/**
 * A minimal ISO-BMFF reader for what the tests check: the movie duration ({@code mvhd}) and the video
 * track's display size ({@code tkhd}). Written independently of jcodec, which produced the file.
 */
final class Mp4Boxes {
    record Summary(double durationSeconds, int width, int height) {
    }

    private Mp4Boxes() {
    }

    static Summary read(byte[] file) {
        ByteBuffer moov = child(ByteBuffer.wrap(file), "moov");
        if (moov == null) {
            throw new AssertionError("no moov box");
        }
        ByteBuffer mvhd = child(moov.duplicate(), "mvhd");
        int version = mvhd.get() & 0xFF;
        mvhd.position(mvhd.position() + 3 + (version == 1 ? 16 : 8));
        long timescale = Integer.toUnsignedLong(mvhd.getInt());
        long duration = version == 1 ? mvhd.getLong() : Integer.toUnsignedLong(mvhd.getInt());

        ByteBuffer scan = moov.duplicate();
        while (scan.remaining() >= 8) {
            ByteBuffer trak = child(scan, "trak");
            if (trak == null) {
                break;
            }
            ByteBuffer tkhd = child(trak.duplicate(), "tkhd");
            int v = tkhd.get() & 0xFF;
            tkhd.position(tkhd.position() + 3 + (v == 1 ? 32 : 20) + 8 + 8 + 36);
            int width = tkhd.getInt() >>> 16;
            int height = tkhd.getInt() >>> 16;
            if (width > 0 && height > 0) {
                return new Summary((double) duration / timescale, width, height);
            }
        }
        throw new AssertionError("no video track");
    }

    /** Advances {@code parent} past the first box of {@code type} and returns that box's payload. */
    private static ByteBuffer child(ByteBuffer parent, String type) {
        while (parent.remaining() >= 8) {
            int start = parent.position();
            long size = Integer.toUnsignedLong(parent.getInt());
            byte[] name = new byte[4];
            parent.get(name);
            int header = 8;
            if (size == 1) {
                size = parent.getLong();
                header = 16;
            } else if (size == 0) {
                size = parent.limit() - start;
            }
            int end = (int) (start + size);
            if (new String(name, java.nio.charset.StandardCharsets.US_ASCII).equals(type)) {
                ByteBuffer payload = parent.duplicate();
                payload.position(start + header).limit(end);
                parent.position(end);
                return payload.slice();
            }
            parent.position(end);
        }
        return null;
    }
}
