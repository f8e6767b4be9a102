package dev.camelkling.simulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import dev.camelkling.simulator.media.AudioEncoder;

/**
 * Real input media made on the fly, for tests and examples that send pictures and audio to the simulator: a picture
 * of any size in any format ImageIO writes, and a WAV tone of any length. One place, so that every module's tests
 * send the same kind of input.
 */
public final class SampleMedia {

    private SampleMedia() {
    }

    public static byte[] png(int width, int height) {
        return image(width, height, "png");
    }

    public static byte[] jpeg(int width, int height) {
        return image(width, height, "jpg");
    }

    /** A picture (an orange disc on blue) encoded in {@code format}, e.g. {@code png}, {@code jpg}, {@code gif}. */
    public static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no image writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A 440 Hz tone, 8 kHz mono 16-bit PCM in a WAV container (the simulator's own sound tracks are the same). */
    public static byte[] wav(double seconds) {
        return AudioEncoder.wav(seconds);
    }
}
