package dev.camelkling.simulator;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Generated audio inputs: real WAV via javax.sound.sampled, and MP3/M4A files built from their headers. */
final class TestAudio {
    private TestAudio() {
    }

    /** A mono 8 kHz 8-bit WAV tone of exactly {@code millis} ms. */
    static byte[] wav(long millis) {
        AudioFormat format = new AudioFormat(8000f, 8, 1, true, false);
        int samples = (int) (millis * 8);
        byte[] pcm = new byte[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (byte) (Math.sin(i * 2 * Math.PI * 440 / 8000) * 60);
        }
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String wavBase64(long millis) {
        return Base64.getEncoder().encodeToString(wav(millis));
    }

    /**
     * MPEG-1 layer III frames at 128 kbit/s, 44.1 kHz (417 bytes, 1152 samples ≈ 26.1 ms each), with
     * an ID3v2 tag in front when asked. The payload is silence-like zeros; only the headers matter.
     */
    static byte[] mp3(int frames, boolean id3) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (id3) {
            byte[] tag = new byte[10 + 20];
            tag[0] = 'I';
            tag[1] = 'D';
            tag[2] = '3';
            tag[3] = 4;
            tag[9] = 20; // syncsafe size
            out.writeBytes(tag);
        }
        for (int i = 0; i < frames; i++) {
            byte[] frame = new byte[417];
            frame[0] = (byte) 0xFF;
            frame[1] = (byte) 0xFB;
            frame[2] = (byte) 0x90;
            frame[3] = (byte) 0x44;
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** One Info (Xing) frame declaring {@code declaredFrames}, then {@code realFrames} plain frames. */
    static byte[] mp3WithInfoHeader(int declaredFrames, int realFrames) {
        byte[] info = mp3(1, false);
        int at = 4 + 32; // MPEG-1 stereo side information
        info[at] = 'I';
        info[at + 1] = 'n';
        info[at + 2] = 'f';
        info[at + 3] = 'o';
        info[at + 7] = 1; // flags: frame count present
        ByteBuffer.wrap(info, at + 8, 4).putInt(declaredFrames);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(info);
        out.writeBytes(mp3(realFrames, false));
        return out.toByteArray();
    }

    /** Frames needed for at least {@code millis} ms of the {@link #mp3} stream. */
    static int mp3Frames(long millis) {
        return (int) Math.ceil(millis / (1152 * 1000.0 / 44100));
    }

    /** A minimal M4A: {@code ftyp} (brand M4A) and {@code moov/mvhd} with the given length. */
    static byte[] m4a(long millis) {
        ByteBuffer ftyp = ByteBuffer.allocate(24);
        ftyp.putInt(24).put(ascii("ftyp")).put(ascii("M4A ")).putInt(0).put(ascii("M4A ")).put(ascii("isom"));
        ByteBuffer mvhd = ByteBuffer.allocate(108);
        mvhd.putInt(108).put(ascii("mvhd")).putInt(0).putInt(0).putInt(0).putInt(1000).putInt((int) millis);
        ByteBuffer moov = ByteBuffer.allocate(8 + 108);
        moov.putInt(116).put(ascii("moov")).put(mvhd.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ftyp.array());
        out.writeBytes(moov.array());
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
