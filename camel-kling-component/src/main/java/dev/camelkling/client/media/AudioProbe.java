package dev.camelkling.client.media;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads an audio file's format from its magic bytes, and its length where that can be done exactly without decoding:
 * WAV through {@code javax.sound.sampled}, MP3 from its Xing/Info/VBRI header or by walking every frame header, M4A
 * from the movie header ({@code moov/mvhd}). Anything it cannot read with certainty is reported as unknown, never
 * guessed.
 */
public final class AudioProbe {

    public static final String MP3 = "mp3";
    public static final String WAV = "wav";
    public static final String M4A = "m4a";
    static final String AAC = "aac";

    static final int ID3_HEADER = 10;
    private static final int MAX_BOXES = 10_000;

    private AudioProbe() {
    }

    /** {@code mp3}, {@code wav}, {@code m4a}, or another recognised name ({@code aac}, {@code ogg}, {@code flac}, …). */
    static Optional<String> format(KlingMedia media) {
        if (media.isUrl()) {
            return Optional.empty();
        }
        try (InputStream content = media.openContent()) {
            return Optional.ofNullable(sniff(new BufferedInputStream(content)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static OptionalLong durationMillis(KlingMedia media) {
        Optional<String> format = format(media);
        if (format.isEmpty()) {
            return OptionalLong.empty();
        }
        try (InputStream content = new BufferedInputStream(media.openContent())) {
            return switch (format.get()) {
                case WAV -> wavMillis(content);
                case MP3 -> Mp3Frames.durationMillis(content);
                case M4A -> mp4Millis(new DataInputStream(content));
                default -> OptionalLong.empty();
            };
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static String sniff(BufferedInputStream in) throws IOException {
        in.mark(16);
        byte[] head = in.readNBytes(12);
        if (head.length < 4) {
            return null;
        }
        if (ascii(head, 0, "RIFF") && head.length >= 12 && ascii(head, 8, "WAVE")) {
            return WAV;
        }
        if (head.length >= 8 && ascii(head, 4, "ftyp")) {
            return M4A;
        }
        if (ascii(head, 0, "OggS")) {
            return "ogg";
        }
        if (ascii(head, 0, "fLaC")) {
            return "flac";
        }
        if (ascii(head, 0, "ID3")) {
            // a tag may front MP3 or AAC; what follows it decides
            if (head.length < ID3_HEADER) {
                return null;
            }
            in.reset();
            in.skipNBytes(id3Length(head));
            byte[] next = in.readNBytes(4);
            return next.length < 4 ? null : frameFormat(next);
        }
        return frameFormat(head);
    }

    /** By the MPEG frame sync word: Layer III is MP3, an ADTS header is AAC. */
    private static String frameFormat(byte[] b) {
        if ((b[0] & 0xFF) != 0xFF || (b[1] & 0xE0) != 0xE0) {
            return null;
        }
        int layer = (b[1] >> 1) & 3;
        if ((b[1] & 0xF6) == 0xF0) {
            return AAC;
        }
        return switch (layer) {
            case 1 -> Mp3Frames.header(Mp3Frames.bits(b, 0)) != null ? MP3 : null;
            case 2 -> "mp2";
            case 3 -> "mp1";
            default -> null;
        };
    }

    /** Whole length of an ID3v2 tag (header, body and optional footer) from its 10-byte header. */
    static long id3Length(byte[] header) {
        long size = ((header[6] & 0x7F) << 21) | ((header[7] & 0x7F) << 14) | ((header[8] & 0x7F) << 7) | (header[9] & 0x7F);
        boolean footer = (header[5] & 0x10) != 0;
        return ID3_HEADER + size + (footer ? ID3_HEADER : 0);
    }

    private static OptionalLong wavMillis(InputStream in) throws IOException {
        try {
            AudioFileFormat file = AudioSystem.getAudioFileFormat(in);
            long frames = file.getFrameLength();
            float rate = file.getFormat().getFrameRate();
            if (frames == AudioSystem.NOT_SPECIFIED || frames < 0 || !(rate > 0)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of((long) Math.floor(frames * 1000.0 / rate));
        } catch (UnsupportedAudioFileException e) {
            return OptionalLong.empty();
        }
    }

    /** The duration in the movie header, {@code moov/mvhd}, scaled to milliseconds (rounded down). */
    private static OptionalLong mp4Millis(DataInputStream in) throws IOException {
        try {
            for (int boxes = 0; boxes < MAX_BOXES; boxes++) {
                long size = Integer.toUnsignedLong(in.readInt());
                String type = fourCc(in);
                long header = 8;
                if (size == 1) {
                    size = in.readLong();
                    header = 16;
                }
                if (type.equals("moov")) {
                    return mvhd(in, size == 0 ? Long.MAX_VALUE : size - header);
                }
                if (size == 0 || size < header) {
                    return OptionalLong.empty(); // the last box, or a broken one, and no moov before it
                }
                in.skipNBytes(size - header);
            }
        } catch (EOFException e) {
            // no moov box
        }
        return OptionalLong.empty();
    }

    private static OptionalLong mvhd(DataInputStream in, long moovBody) throws IOException {
        long read = 0;
        while (read + 8 <= moovBody) {
            long size = Integer.toUnsignedLong(in.readInt());
            String type = fourCc(in);
            if (type.equals("mvhd")) {
                int version = in.readUnsignedByte();
                in.skipNBytes(3); // flags
                long timescale;
                long duration;
                if (version == 1) {
                    in.skipNBytes(16);
                    timescale = Integer.toUnsignedLong(in.readInt());
                    duration = in.readLong();
                } else {
                    in.skipNBytes(8);
                    timescale = Integer.toUnsignedLong(in.readInt());
                    duration = Integer.toUnsignedLong(in.readInt());
                    duration = duration == 0xFFFFFFFFL ? -1 : duration;
                }
                if (timescale == 0 || duration < 0) {
                    return OptionalLong.empty();
                }
                return duration > Long.MAX_VALUE / 1000 ? OptionalLong.empty() : OptionalLong.of(duration * 1000 / timescale);
            }
            if (size < 8) {
                return OptionalLong.empty();
            }
            in.skipNBytes(size - 8);
            read += size;
        }
        return OptionalLong.empty();
    }

    private static String fourCc(DataInputStream in) throws IOException {
        byte[] type = new byte[4];
        in.readFully(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    static boolean ascii(byte[] bytes, int offset, String expected) {
        byte[] wanted = expected.getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= offset + wanted.length
                && Arrays.equals(bytes, offset, offset + wanted.length, wanted, 0, wanted.length);
    }
}
