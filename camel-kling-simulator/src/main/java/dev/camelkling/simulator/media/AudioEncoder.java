package dev.camelkling.simulator.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Real audio files in pure Java: a WAV tone through {@code javax.sound.sampled}, and an MP3 of silence (the JDK has no
 * MP3 encoder) made of valid MPEG-1 layer III frames, 48 kHz, 128 kbit/s, 24 ms each, whose all-zero side information
 * decodes to silence. An MP3 can only last a whole number of frames, so it is the frame just long enough: its
 * {@link #mp3Seconds} is what a player shows, and may exceed the WAV's by up to one frame.
 */
public final class AudioEncoder {
    private static final int MP3_FRAME_BYTES = 384; // 144 * 128000 / 48000, no padding needed at 48 kHz
    private static final int MP3_FRAME_MILLIS = 24; // 1152 samples at 48 kHz
    private static final float WAV_RATE = 8000;

    private AudioEncoder() {
    }

    /** A 440 Hz tone, 8 kHz mono 16-bit PCM in a WAV container, exactly {@code seconds} long. */
    public static byte[] wav(double seconds) {
        int frames = (int) (seconds * WAV_RATE);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * 440 * i / WAV_RATE) * 8000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(WAV_RATE, 16, 1, true, false),
                    frames), AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Silence as MP3 frames lasting at least {@code seconds}. */
    public static byte[] mp3(int seconds) {
        int frames = mp3Frames(seconds);
        byte[] mp3 = new byte[frames * MP3_FRAME_BYTES];
        for (int i = 0; i < frames; i++) {
            int at = i * MP3_FRAME_BYTES;
            mp3[at] = (byte) 0xFF;     // sync
            mp3[at + 1] = (byte) 0xFB; // MPEG-1, layer III, no CRC
            mp3[at + 2] = (byte) 0x94; // 128 kbit/s, 48 kHz, no padding
            mp3[at + 3] = (byte) 0xC4; // mono, original
        }
        return mp3;
    }

    /** How long {@link #mp3}({@code seconds}) plays, in seconds as Kling writes durations ({@code "5.016"}). */
    public static String mp3Seconds(int seconds) {
        return BigDecimal.valueOf((long) mp3Frames(seconds) * MP3_FRAME_MILLIS, 3).stripTrailingZeros().toPlainString();
    }

    private static int mp3Frames(int seconds) {
        return (seconds * 1000 + MP3_FRAME_MILLIS - 1) / MP3_FRAME_MILLIS;
    }
}
