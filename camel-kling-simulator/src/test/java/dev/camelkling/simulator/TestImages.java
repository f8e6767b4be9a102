package dev.camelkling.simulator;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Generated input images, so no binary fixtures are needed. */
final class TestImages {
    private TestImages() {
    }

    static byte[] png(int width, int height) {
        return SampleMedia.png(width, height);
    }

    static byte[] jpeg(int width, int height) {
        return SampleMedia.jpeg(width, height);
    }

    static byte[] gif(int width, int height) {
        return SampleMedia.image(width, height, "gif");
    }

    static String pngBase64(int width, int height) {
        return Base64.getEncoder().encodeToString(png(width, height));
    }

    /** A plain grey PNG: cheap to hold even at extreme sizes (one byte per pixel, compresses to almost nothing). */
    static byte[] greyPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A PNG that declares the given size but carries no pixel data: enough for size checks, which read
     * only the header, without allocating a huge image.
     */
    static byte[] pngHeaderOnly(int width, int height) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
