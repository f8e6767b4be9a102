package dev.camelkling.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Pull-based standard Base64 (with padding, without line breaks) of another stream: reads a chunk of the source
 * when the reader needs more, so only two small buffers are ever held. Closing it closes the source.
 */
final class Base64InputStream extends BulkInputStream {

    /** Source bytes per chunk; a multiple of 3, so that only the last chunk carries padding. */
    static final int CHUNK = 3 * 4096;

    private final InputStream source;
    private final byte[] raw = new byte[CHUNK];
    private final byte[] encoded = new byte[CHUNK / 3 * 4];
    private int position;
    private int limit;
    private boolean sourceDone;

    Base64InputStream(InputStream source) {
        this.source = source;
    }

    /** Length of the Base64 text of {@code decodedLength} bytes. */
    static long encodedLength(long decodedLength) {
        return (decodedLength + 2) / 3 * 4;
    }


    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(encoded, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        if (sourceDone) {
            return false;
        }
        int filled = 0;
        while (filled < CHUNK) {
            int n = source.read(raw, filled, CHUNK - filled);
            if (n < 0) {
                sourceDone = true;
                break;
            }
            filled += n;
        }
        if (filled == 0) {
            return false;
        }
        limit = filled == CHUNK
                ? Base64.getEncoder().encode(raw, encoded)
                : Base64.getEncoder().encode(java.util.Arrays.copyOf(raw, filled), encoded);
        position = 0;
        return true;
    }

    @Override
    public int available() {
        return limit - position;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
