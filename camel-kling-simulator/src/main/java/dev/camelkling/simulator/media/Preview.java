package dev.camelkling.simulator.media;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An input image kept for drawing into result frames: shrunk to the largest frame size and held as
 * JPEG bytes (a few KB), because tasks live as long as the simulator and benchmarks create many.
 */
public final class Preview {
    static final int LONG_SIDE = 320;

    private final byte[] jpeg;

    private Preview(byte[] jpeg) {
        this.jpeg = jpeg;
    }

    public static Preview of(BufferedImage source) {
        double scale = Math.min(1.0, (double) LONG_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(small, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Preview(out.toByteArray());
    }

    BufferedImage decode() throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}
