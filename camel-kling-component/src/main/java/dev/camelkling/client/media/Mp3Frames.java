package dev.camelkling.client.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * The length of an MPEG-1/2/2.5 Layer III stream from its frame headers, without decoding audio. A VBR header
 * (Xing/Info or VBRI) in the first frame gives the frame count directly; otherwise every frame header is walked. Any
 * loss of sync before the end (other than a trailing ID3v1/APE/Lyrics tag) makes the length unknown rather than
 * wrong.
 */
final class Mp3Frames {

    private static final int[] MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1};
    private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1};
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};
    private static final int MPEG1 = 3;
    private static final int MPEG25 = 0;

    /** One decoded frame header. */
    record Header(int version, int sampleRate, int frameLength, int samples, boolean mono) {

        /** Offset of a Xing/Info header within the frame: after the 4-byte header and the side information. */
        int sideInfoEnd() {
            return 4 + (version == MPEG1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        }

        boolean sameStream(Header other) {
            return version == other.version && sampleRate == other.sampleRate;
        }
    }

    private Mp3Frames() {
    }

    /** The Layer III frame header in these 32 bits, or {@code null} if they are not one (free format included). */
    static Header header(int bits) {
        if ((bits >>> 21) != 0x7FF) {
            return null;
        }
        int version = (bits >>> 19) & 3;
        int layer = (bits >>> 17) & 3;
        int bitrateIndex = (bits >>> 12) & 0xF;
        int rateIndex = (bits >>> 10) & 3;
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        int sampleRate = MPEG1_RATES[rateIndex] >> (version == MPEG1 ? 0 : version == MPEG25 ? 2 : 1);
        int kbps = (version == MPEG1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex];
        int padding = (bits >>> 9) & 1;
        int samples = version == MPEG1 ? 1152 : 576;
        int frameLength = samples / 8 * kbps * 1000 / sampleRate + padding;
        boolean mono = ((bits >>> 6) & 3) == 3;
        return new Header(version, sampleRate, frameLength, samples, mono);
    }

    /** Reads the stream after any ID3v2 tag; empty when it is not a clean Layer III stream. */
    static OptionalLong durationMillis(InputStream in) throws IOException {
        byte[] start = in.readNBytes(AudioProbe.ID3_HEADER);
        int skipped = 0;
        while (start.length == AudioProbe.ID3_HEADER && start[0] == 'I' && start[1] == 'D' && start[2] == '3') {
            in.skipNBytes(AudioProbe.id3Length(start) - AudioProbe.ID3_HEADER);
            start = in.readNBytes(AudioProbe.ID3_HEADER);
            if (++skipped > 4) {
                return OptionalLong.empty();
            }
        }
        if (start.length < 4) {
            return OptionalLong.empty();
        }
        Header first = header(bits(start, 0));
        if (first == null || first.frameLength() < start.length) {
            return OptionalLong.empty();
        }
        byte[] frame = new byte[first.frameLength()];
        System.arraycopy(start, 0, frame, 0, start.length);
        int got = in.readNBytes(frame, start.length, frame.length - start.length) + start.length;
        OptionalLong vbr = vbrFrameCount(frame, got, first);
        if (vbr.isPresent()) {
            return OptionalLong.of(vbr.getAsLong() * first.samples() * 1000 / first.sampleRate());
        }
        if (got < frame.length) {
            return OptionalLong.empty();
        }
        long samples = first.samples();
        byte[] next = new byte[4];
        while (true) {
            int n = in.readNBytes(next, 0, 4);
            if (n == 0) {
                break;
            }
            if (n >= 3 && isTrailingTag(next)) {
                break;
            }
            Header header = n == 4 ? header(bits(next, 0)) : null;
            if (header == null || !header.sameStream(first)) {
                return OptionalLong.empty();
            }
            try {
                in.skipNBytes(header.frameLength() - 4);
            } catch (EOFException e) {
                break; // a cut-off last frame is not counted
            }
            samples += header.samples();
        }
        return OptionalLong.of(samples * 1000 / first.sampleRate());
    }

    /** Frame count of a Xing/Info or VBRI header in the first frame (that frame itself carries no audio). */
    private static OptionalLong vbrFrameCount(byte[] frame, int length, Header first) {
        int xing = first.sideInfoEnd();
        if (length >= xing + 12 && (AudioProbe.ascii(frame, xing, "Xing") || AudioProbe.ascii(frame, xing, "Info"))) {
            int flags = bits(frame, xing + 4);
            return (flags & 1) != 0 ? OptionalLong.of(Integer.toUnsignedLong(bits(frame, xing + 8))) : OptionalLong.empty();
        }
        int vbri = 4 + 32;
        if (length >= vbri + 18 && AudioProbe.ascii(frame, vbri, "VBRI")) {
            return OptionalLong.of(Integer.toUnsignedLong(bits(frame, vbri + 14)));
        }
        return OptionalLong.empty();
    }

    private static boolean isTrailingTag(byte[] next) {
        return AudioProbe.ascii(next, 0, "TAG") || AudioProbe.ascii(next, 0, "APET") || AudioProbe.ascii(next, 0, "LYRI");
    }

    static int bits(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8) | (b[offset + 3] & 0xFF);
    }
}
