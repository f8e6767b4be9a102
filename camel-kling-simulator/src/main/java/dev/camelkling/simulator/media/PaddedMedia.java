package dev.camelkling.simulator.media;

import dev.camelkling.simulator.http.SimResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Makes result media at least a given size while keeping them valid files, to exercise streaming
 * downloads: an MP4 gets a trailing top-level {@code free} box, a PNG gets private ancillary
 * {@code paDd} chunks before {@code IEND} (both are skipped by readers). The padding is zeros written
 * from one shared buffer while the response is sent, so a padded file is never held in memory; only
 * the real (small) media bytes are.
 */
public final class PaddedMedia {
    /** Size of the chunks the padding is written in, and the data size of each PNG padding chunk. */
    static final int CHUNK = 64 * 1024;
    private static final byte[] ZEROS = new byte[CHUNK];
    private static final int PNG_IEND_LENGTH = 12;
    private static final byte[] PNG_PAD_TYPE = "paDd".getBytes(StandardCharsets.US_ASCII);
    private static final long FULL_PNG_CHUNK_CRC = pngPadCrc(CHUNK);

    private PaddedMedia() {
    }

    /** The MP4 followed by one {@code free} box, {@code target} bytes in total (or the MP4 alone if it is larger). */
    public static SimResponse mp4(byte[] mp4, long target, String contentType) {
        long padding = target - mp4.length;
        if (padding <= 0) {
            return SimResponse.of(200, contentType, mp4);
        }
        long boxSize = Math.max(padding, 8);
        boolean large = boxSize > 0xFFFF_FFFFL;
        if (large) {
            boxSize = Math.max(boxSize, 16);
        }
        ByteBuffer header = ByteBuffer.allocate(large ? 16 : 8);
        if (large) {
            header.putInt(1).put("free".getBytes(StandardCharsets.US_ASCII)).putLong(boxSize);
        } else {
            header.putInt((int) boxSize).put("free".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] headerBytes = header.array();
        long zeros = boxSize - headerBytes.length;
        return SimResponse.streamed(200, contentType, mp4.length + boxSize, out -> {
            out.write(mp4);
            out.write(headerBytes);
            writeZeros(out, zeros);
        });
    }

    /**
     * The PNG with {@code paDd} chunks of zeros inserted before its {@code IEND} chunk, at least
     * {@code target} bytes in total (or the PNG alone if it is larger).
     */
    public static SimResponse png(byte[] png, long target, String contentType) {
        long padding = target - png.length;
        if (padding <= 0 || png.length < 8 + PNG_IEND_LENGTH) {
            return SimResponse.of(200, contentType, png);
        }
        long fullChunk = 12L + CHUNK;
        long fullChunks = padding / fullChunk;
        long rest = padding - fullChunks * fullChunk;
        // the last chunk takes the rest (at least its 12 bytes of overhead: total may exceed target by < 12)
        int lastData = (int) Math.max(0, rest - 12);
        boolean last = rest > 0;
        long length = png.length + fullChunks * fullChunk + (last ? 12L + lastData : 0);
        int bodyEnd = png.length - PNG_IEND_LENGTH;
        return SimResponse.streamed(200, contentType, length, out -> {
            out.write(png, 0, bodyEnd);
            for (long i = 0; i < fullChunks; i++) {
                writePngPad(out, CHUNK, FULL_PNG_CHUNK_CRC);
            }
            if (last) {
                writePngPad(out, lastData, pngPadCrc(lastData));
            }
            out.write(png, bodyEnd, PNG_IEND_LENGTH);
        });
    }

    private static void writePngPad(OutputStream out, int dataLength, long crc) throws IOException {
        out.write(ByteBuffer.allocate(8).putInt(dataLength).put(PNG_PAD_TYPE).array());
        writeZeros(out, dataLength);
        out.write(ByteBuffer.allocate(4).putInt((int) crc).array());
    }

    private static long pngPadCrc(int dataLength) {
        CRC32 crc = new CRC32();
        crc.update(PNG_PAD_TYPE);
        for (int left = dataLength; left > 0; left -= CHUNK) {
            crc.update(ZEROS, 0, Math.min(CHUNK, left));
        }
        return crc.getValue();
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        for (long left = count; left > 0; left -= CHUNK) {
            out.write(ZEROS, 0, (int) Math.min(CHUNK, left));
        }
    }
}
