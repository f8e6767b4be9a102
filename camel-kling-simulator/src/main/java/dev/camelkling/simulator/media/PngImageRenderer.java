package dev.camelkling.simulator.media;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Renders an {@link ImageSpec} as a PNG. */
public final class PngImageRenderer {

    public byte[] render(ImageSpec spec) throws IOException {
        BufferedImage image = new BufferedImage(spec.size().width(), spec.size().height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            FramePainter.paintImage(g, spec);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
