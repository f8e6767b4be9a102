package dev.camelkling.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Audio files of a chosen length, made in memory: real WAV via javax.sound.sampled, MP3 and M4A by their structure. */
final class TestAudio {

    static final int WAV_RATE = 8000;
    /** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, stereo, no padding: 417-byte frames of 1152 samples. */
    static final byte[] MP3_HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x00};
    static final int MP3_FRAME_LENGTH = 417;
    static final int MP3_SAMPLES_PER_FRAME = 1152;
    static final int MP3_RATE = 44100;

    private TestAudio() {
    }

    /** A 16-bit mono PCM WAV of exactly {@code millis} (8 kHz, so any whole millisecond count is exact). */
    static byte[] wav(long millis) {
        int frames = (int) (millis * WAV_RATE / 1000);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short sample = (short) (Math.sin(i * 2 * Math.PI * 440 / WAV_RATE) * 8000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        AudioFormat format = new AudioFormat(WAV_RATE, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code frames} constant-bitrate frames (silent payload), optionally behind an ID3v2 tag and before an ID3v1 tag. */
    static byte[] mp3(int frames, boolean id3v2, boolean id3v1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (id3v2) {
            byte[] body = new byte[300];
            out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, (byte) (body.length >> 7), (byte) (body.length & 0x7F)});
            out.writeBytes(body);
        }
        for (int i = 0; i < frames; i++) {
            out.writeBytes(frame());
        }
        if (id3v1) {
            byte[] tag = new byte[128];
            tag[0] = 'T';
            tag[1] = 'A';
            tag[2] = 'G';
            out.writeBytes(tag);
        }
        return out.toByteArray();
    }

    /** A first frame carrying an "Info" (Xing) header that declares {@code declaredFrames}, then one audio frame. */
    static byte[] mp3WithInfoHeader(int declaredFrames) {
        byte[] info = frame();
        int offset = 4 + 32; // MPEG-1 stereo side information
        System.arraycopy("Info".getBytes(StandardCharsets.US_ASCII), 0, info, offset, 4);
        info[offset + 7] = 1; // flags: frame count present
        info[offset + 8] = (byte) (declaredFrames >>> 24);
        info[offset + 9] = (byte) (declaredFrames >>> 16);
        info[offset + 10] = (byte) (declaredFrames >>> 8);
        info[offset + 11] = (byte) declaredFrames;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(info);
        out.writeBytes(frame());
        return out.toByteArray();
    }

    static long mp3Millis(long frames) {
        return frames * MP3_SAMPLES_PER_FRAME * 1000 / MP3_RATE;
    }

    private static byte[] frame() {
        byte[] frame = new byte[MP3_FRAME_LENGTH];
        System.arraycopy(MP3_HEADER, 0, frame, 0, 4);
        return frame;
    }

    /** ftyp, a dummy mdat, then moov/mvhd (version 0) declaring {@code millis} at a 600 Hz time scale. */
    static byte[] m4a(long millis) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(20);
            out.writeBytes("ftypM4A ");
            out.writeInt(0);
            out.writeBytes("M4A ");
            out.writeInt(8 + 1000);
            out.writeBytes("mdat");
            out.write(new byte[1000]);
            int mvhdSize = 8 + 4 + 4 + 4 + 4 + 4 + 80;
            out.writeInt(8 + 16 + mvhdSize);
            out.writeBytes("moov");
            out.writeInt(16);
            out.writeBytes("udta");
            out.write(new byte[8]);
            out.writeInt(mvhdSize);
            out.writeBytes("mvhd");
            out.writeInt(0); // version 0, flags
            out.writeInt(0); // creation
            out.writeInt(0); // modification
            out.writeInt(600); // time scale
            out.writeInt((int) (millis * 600 / 1000));
            out.write(new byte[80]);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
