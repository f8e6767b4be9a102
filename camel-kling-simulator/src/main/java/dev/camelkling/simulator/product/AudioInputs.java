package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Reads {@code sound_file} values (http(s) URL or raw Base64): the format is decided by magic bytes
 * (ID3 tag or MPEG frame sync → mp3, RIFF/WAVE → wav, an {@code ftyp} box with an {@code M4A} brand →
 * m4a), the size must be ≤ 5 MB, and the length is measured where the format allows it: WAV exactly
 * from the header, MP3 from a Xing/Info/VBRI header's frame count or else by walking all frame headers
 * (exact for CBR and VBR), M4A from {@code mvhd}.
 */
final class AudioInputs {
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final Set<String> EXTENSIONS = Set.of("mp3", "wav", "m4a");

    /**
     * @param format         mp3, wav or m4a; {@code null} for an unseen URL
     * @param durationMillis the measured length, or -1 when unknown
     */
    record AudioInput(String url, String format, long durationMillis) {
        boolean durationKnown() {
            return durationMillis >= 0;
        }
    }

    private AudioInputs() {
    }

    static AudioInput read(String field, String value, ValidationContext context) {
        if (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
            URI uri = CommonFields.requireHttpUrl(field, value);
            VideoInputs.requireExtension(field, uri, EXTENSIONS, "an .mp3, .wav or .m4a file");
            var own = context.ownAudio(value);
            if (own.isPresent()) {
                AudioInput decoded = decode(field, own.get());
                return new AudioInput(value, decoded.format(), decoded.durationMillis());
            }
            if (context.isOwnUrl(value)) {
                throw ApiException.invalidParameter(field + " could not be downloaded from " + value);
            }
            return new AudioInput(value, null, -1);
        }
        if (value.regionMatches(true, 0, "data:", 0, 5)) {
            throw ApiException.invalidParameter(ImageInputs.NOT_BASE64);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(ImageInputs.NOT_BASE64);
        }
        if (bytes.length == 0) {
            throw ApiException.invalidParameter(ImageInputs.NOT_BASE64);
        }
        return decode(field, bytes);
    }

    static AudioInput decode(String field, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw ApiException.invalidParameter(field + " must be at most 5MB");
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WAVE")) {
            return new AudioInput(null, "wav", wavDuration(bytes));
        }
        if (startsWith(bytes, 4, "ftyp") && hasM4aBrand(bytes)) {
            return new AudioInput(null, "m4a", m4aDuration(bytes));
        }
        int audioStart = startsWith(bytes, 0, "ID3") ? id3Length(bytes) : 0;
        if (audioStart > 0 || mpegFrame(bytes, 0) != null) {
            return new AudioInput(null, "mp3", mp3Duration(bytes, audioStart));
        }
        throw ApiException.invalidParameter(field + " must be an mp3, wav or m4a audio file");
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- WAV ----

    private static long wavDuration(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        long byteRate = -1;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ") && body + 12 <= bytes.length) {
                byteRate = Integer.toUnsignedLong(buf.getInt(body + 8));
            } else if (id.equals("data")) {
                long available = Math.min(size, bytes.length - body);
                return byteRate > 0 ? available * 1000 / byteRate : -1;
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        return -1;
    }

    // ---- M4A ----

    private static boolean hasM4aBrand(byte[] bytes) {
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(bytes).getInt(0));
        int end = (int) Math.min(bytes.length, size);
        if (startsWith(bytes, 8, "M4A ")) {
            return true;
        }
        for (int pos = 16; pos + 4 <= end; pos += 4) {
            if (startsWith(bytes, pos, "M4A ")) {
                return true;
            }
        }
        return false;
    }

    private static long m4aDuration(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int pos = 0;
        while (pos + 8 <= bytes.length) {
            long size = Integer.toUnsignedLong(buf.getInt(pos));
            String type = new String(bytes, pos + 4, 4, StandardCharsets.US_ASCII);
            int header = 8;
            if (size == 1 && pos + 16 <= bytes.length) {
                size = buf.getLong(pos + 8);
                header = 16;
            } else if (size == 0) {
                size = bytes.length - pos;
            }
            if (size < header) {
                return -1;
            }
            if (type.equals("moov")) {
                return mvhdDuration(bytes, pos + header, (int) Math.min(bytes.length, pos + size));
            }
            pos = (int) Math.min(Integer.MAX_VALUE, pos + size);
        }
        return -1;
    }

    private static long mvhdDuration(byte[] bytes, int from, int to) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int pos = from;
        while (pos + 8 <= to) {
            long size = Integer.toUnsignedLong(buf.getInt(pos));
            if (size < 8) {
                return -1;
            }
            if (startsWith(bytes, pos + 4, "mvhd") && pos + 40 <= to) {
                int version = bytes[pos + 8] & 0xFF;
                long timescale;
                long duration;
                if (version == 1) {
                    timescale = Integer.toUnsignedLong(buf.getInt(pos + 28));
                    duration = buf.getLong(pos + 32);
                } else {
                    timescale = Integer.toUnsignedLong(buf.getInt(pos + 20));
                    duration = Integer.toUnsignedLong(buf.getInt(pos + 24));
                }
                return timescale > 0 ? duration * 1000 / timescale : -1;
            }
            pos = (int) Math.min(Integer.MAX_VALUE, pos + size);
        }
        return -1;
    }

    // ---- MP3 ----

    private static final int[][] BITRATES = {
            {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
            {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
            {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
            {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
            {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};        // MPEG-2/2.5 layer II and III
    private static final int[][] SAMPLE_RATES = {
            {11025, 12000, 8000},   // MPEG-2.5
            null,
            {22050, 24000, 16000},  // MPEG-2
            {44100, 48000, 32000}}; // MPEG-1

    /** An MPEG audio frame header: its length in bytes and how many samples it carries at which rate. */
    record MpegFrame(int length, int samples, int sampleRate) {
    }

    static MpegFrame mpegFrame(byte[] bytes, int pos) {
        if (pos + 4 > bytes.length || (bytes[pos] & 0xFF) != 0xFF || (bytes[pos + 1] & 0xE0) != 0xE0) {
            return null;
        }
        int version = (bytes[pos + 1] >> 3) & 0x03;  // 0 = 2.5, 2 = 2, 3 = 1
        int layer = (bytes[pos + 1] >> 1) & 0x03;    // 1 = III, 2 = II, 3 = I
        int bitrateIndex = (bytes[pos + 2] >> 4) & 0x0F;
        int rateIndex = (bytes[pos + 2] >> 2) & 0x03;
        int padding = (bytes[pos + 2] >> 1) & 0x01;
        if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? 3 - layer : (layer == 3 ? 3 : 4);
        int bitrate = BITRATES[table][bitrateIndex - 1] * 1000;
        int sampleRate = SAMPLE_RATES[version][rateIndex];
        int samples;
        int length;
        if (layer == 3) { // layer I
            samples = 384;
            length = (12 * bitrate / sampleRate + padding) * 4;
        } else if (layer == 2) { // layer II
            samples = 1152;
            length = 144 * bitrate / sampleRate + padding;
        } else { // layer III
            samples = mpeg1 ? 1152 : 576;
            length = (mpeg1 ? 144 : 72) * bitrate / sampleRate + padding;
        }
        return length < 4 ? null : new MpegFrame(length, samples, sampleRate);
    }

    private static int id3Length(byte[] bytes) {
        if (bytes.length < 10) {
            return bytes.length;
        }
        int size = ((bytes[6] & 0x7F) << 21) | ((bytes[7] & 0x7F) << 14) | ((bytes[8] & 0x7F) << 7) | (bytes[9] & 0x7F);
        boolean footer = (bytes[5] & 0x10) != 0;
        return Math.min(bytes.length, 10 + size + (footer ? 10 : 0));
    }

    /**
     * The length from the first frame on: the frame count a Xing/Info or VBRI header in the first frame
     * declares (what encoders write for VBR files), else the sum over all frame headers; -1 when no
     * frame is found.
     */
    private static long mp3Duration(byte[] bytes, int start) {
        int pos = start;
        // tolerate a little padding between the tag and the first frame
        int limit = Math.min(bytes.length, start + 4096);
        while (pos < limit && mpegFrame(bytes, pos) == null) {
            pos++;
        }
        MpegFrame first = mpegFrame(bytes, pos);
        if (first == null) {
            return -1;
        }
        long declared = declaredFrames(bytes, pos, first);
        if (declared > 0) {
            return Math.round(declared * first.samples() * 1000.0 / first.sampleRate());
        }
        double seconds = 0;
        MpegFrame frame;
        while ((frame = mpegFrame(bytes, pos)) != null && pos + frame.length() <= bytes.length) {
            seconds += (double) frame.samples() / frame.sampleRate();
            pos += frame.length();
        }
        return Math.round(seconds * 1000);
    }

    /** The frame count of a Xing/Info header (after the side information) or a VBRI header (at offset 36); 0 when absent. */
    private static long declaredFrames(byte[] bytes, int frameStart, MpegFrame frame) {
        boolean mpeg1 = ((bytes[frameStart + 1] >> 3) & 0x03) == 3;
        boolean mono = ((bytes[frameStart + 3] >> 6) & 0x03) == 3;
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int xing = frameStart + 4 + sideInfo;
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if ((startsWith(bytes, xing, "Xing") || startsWith(bytes, xing, "Info")) && xing + 12 <= bytes.length) {
            int flags = buf.getInt(xing + 4);
            return (flags & 0x01) != 0 ? Integer.toUnsignedLong(buf.getInt(xing + 8)) : 0;
        }
        int vbri = frameStart + 4 + 32;
        if (startsWith(bytes, vbri, "VBRI") && vbri + 18 <= bytes.length) {
            return Integer.toUnsignedLong(buf.getInt(vbri + 14));
        }
        return 0;
    }
}
