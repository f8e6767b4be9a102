package dev.camelkling.simulator.media;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws simulated frames: a slowly shifting background (or the input image with a slow zoom), the
 * prompt word-wrapped, and a ball and progress bar that move, so a person watching sees what was asked
 * for and that the video plays.
 */
final class FramePainter {
    private static final int MAX_PROMPT_LINES = 6;

    private FramePainter() {
    }

    /**
     * @param start   decoded {@link VideoSpec#startImage()} or {@code null}
     * @param end     decoded {@link VideoSpec#endImage()} or {@code null}
     * @param gallery decoded {@link VideoSpec#gallery()} (possibly empty)
     */
    static void paintVideoFrame(Graphics2D g, VideoSpec spec, BufferedImage start, BufferedImage end,
                                List<BufferedImage> gallery, double progress) {
        int w = spec.size().width();
        int h = spec.size().height();
        prepare(g);
        paintBackground(g, w, h, progress);
        if (start != null) {
            drawCover(g, start, w, h, 1.0 + 0.15 * progress, 1f);
        }
        if (end != null && (start == null || progress > 0.5)) {
            float alpha = start == null ? 1f : (float) Math.min(1.0, (progress - 0.5) * 2);
            drawCover(g, end, w, h, 1.0, alpha);
        }
        if (!gallery.isEmpty()) {
            paintGallery(g, gallery, w, h, progress);
        }
        paintBall(g, w, h, progress);
        paintLabel(g, spec.product() + "  " + String.format(Locale.ROOT, "%.1fs", progress * spec.durationSeconds()), w);
        paintPrompt(g, spec.prompt(), w, h);
        paintNotes(g, spec.notes(), w, h - 6);
        paintProgressBar(g, w, h, progress);
    }

    static void paintVideoFrame(Graphics2D g, VideoSpec spec, BufferedImage start, BufferedImage end, double progress) {
        paintVideoFrame(g, spec, start, end, List.of(), progress);
    }

    /**
     * Images are painted on a logical canvas about 240 px on the short side and scaled up, so text and
     * shapes keep their proportions at 1k, 2k and 4k.
     */
    static void paintImage(Graphics2D g, ImageSpec spec, List<BufferedImage> references) {
        double scale = Math.max(1.0, Math.min(spec.size().width(), spec.size().height()) / 240.0);
        int w = (int) Math.ceil(spec.size().width() / scale);
        int h = (int) Math.ceil(spec.size().height() / scale);
        prepare(g);
        g.scale(scale, scale);
        if (ImageSpec.FACE_PREVIEW.equals(spec.product())) {
            paintFace(g, w, h, spec.index());
            paintLabel(g, "face " + spec.prompt(), w);
            paintNotes(g, spec.notes(), w, h);
            return;
        }
        paintBackground(g, w, h, (spec.index() * 0.173) % 1.0);
        paintBall(g, w, h, (spec.index() * 0.29 + 0.2) % 1.0);
        paintLabel(g, spec.product() + "  #" + spec.index(), w);
        paintPrompt(g, spec.prompt(), w, h);
        int notesBottom = h;
        if (!references.isEmpty()) {
            int thumb = Math.max(16, Math.min(h / 4, w / (references.size() + 1)));
            paintThumbnails(g, references, -1, w, h - 2, thumb);
            notesBottom = h - thumb - 6;
        }
        paintNotes(g, spec.notes(), w, notesBottom);
    }

    static void paintImage(Graphics2D g, ImageSpec spec) {
        paintImage(g, spec, List.of());
    }

    /** Shows the images one after the other with a cross-fade, and all of them as thumbnails. */
    private static void paintGallery(Graphics2D g, List<BufferedImage> gallery, int w, int h, double progress) {
        int n = gallery.size();
        double position = Math.min(n - 1e-9, progress * n);
        int current = (int) position;
        double local = position - current;
        drawCover(g, gallery.get(current), w, h, 1.0 + 0.1 * local, 1f);
        if (local > 0.8 && current + 1 < n) {
            drawCover(g, gallery.get(current + 1), w, h, 1.0, (float) Math.min(1.0, (local - 0.8) * 5));
        }
        if (n > 1) {
            int thumb = Math.max(12, Math.min(h / 5, (w - 8) / n - 4));
            paintThumbnails(g, gallery, current, w, h - 8, thumb);
        }
    }

    /** A row of square thumbnails, right-aligned, bottom at {@code bottom}; {@code highlight} is framed. */
    private static void paintThumbnails(Graphics2D g, List<BufferedImage> images, int highlight, int w, int bottom, int size) {
        int x = w - 4 - images.size() * (size + 4) + 4;
        int y = bottom - size;
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            var clip = g.getClip();
            g.clipRect(x, y, size, size);
            double s = Math.max((double) size / image.getWidth(), (double) size / image.getHeight());
            int dw = (int) Math.ceil(image.getWidth() * s);
            int dh = (int) Math.ceil(image.getHeight() * s);
            g.drawImage(image, x + (size - dw) / 2, y + (size - dh) / 2, dw, dh, null);
            g.setClip(clip);
            g.setColor(i == highlight ? new Color(255, 200, 40) : Color.WHITE);
            g.setStroke(new BasicStroke(i == highlight ? 2f : 1f));
            g.drawRect(x, y, size, size);
            x += size + 4;
        }
    }

    /** A simple cartoon face, so identify-face previews show what they stand for. */
    private static void paintFace(Graphics2D g, int w, int h, int index) {
        g.setPaint(new GradientPaint(0, 0, new Color(60, 70, 90), w, h, new Color(25, 30, 40)));
        g.fillRect(0, 0, w, h);
        int d = (int) (Math.min(w, h) * 0.7);
        int x = (w - d) / 2;
        int y = (h - d) / 2 + 6;
        g.setColor(index % 2 == 0 ? new Color(240, 200, 160) : new Color(200, 150, 110));
        g.fillOval(x, y, d, d);
        g.setColor(new Color(40, 30, 30));
        int eye = Math.max(4, d / 9);
        g.fillOval(x + d * 3 / 10 - eye / 2, y + d * 2 / 5 - eye / 2, eye, eye);
        g.fillOval(x + d * 7 / 10 - eye / 2, y + d * 2 / 5 - eye / 2, eye, eye);
        g.setColor(new Color(170, 40, 50));
        g.fillArc(x + d * 3 / 10, y + d * 11 / 20, d * 2 / 5, d / 4, 180, 180);
    }

    /** Caption lines drawn bottom-up ending at {@code bottom}. */
    private static void paintNotes(Graphics2D g, List<String> notes, int w, int bottom) {
        if (notes.isEmpty()) {
            return;
        }
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            FontMetrics metrics = g.getFontMetrics();
            int lineHeight = metrics.getHeight();
            int top = bottom - notes.size() * lineHeight - 2;
            g.setColor(new Color(0, 0, 0, 150));
            g.fillRect(0, top, w, bottom - top);
            int y = top + metrics.getAscent() + 1;
            g.setColor(new Color(255, 235, 150));
            for (String note : notes) {
                g.drawString(note, 4, y);
                y += lineHeight;
            }
        } catch (RuntimeException | Error e) {
            // see paintLabel
        }
    }

    private static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    private static void paintBackground(Graphics2D g, int w, int h, double progress) {
        float hue = (float) (0.55 + 0.25 * progress);
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.55f, 0.45f),
                w, h, Color.getHSBColor(hue + 0.2f, 0.65f, 0.2f)));
        g.fillRect(0, 0, w, h);
    }

    private static void drawCover(Graphics2D g, BufferedImage image, int w, int h, double zoom, float alpha) {
        double scale = Math.max((double) w / image.getWidth(), (double) h / image.getHeight()) * zoom;
        int dw = (int) Math.ceil(image.getWidth() * scale);
        int dh = (int) Math.ceil(image.getHeight() * scale);
        var old = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        g.drawImage(image, (w - dw) / 2, (h - dh) / 2, dw, dh, null);
        g.setComposite(old);
    }

    private static void paintBall(Graphics2D g, int w, int h, double progress) {
        int r = Math.max(6, Math.min(w, h) / 14);
        double x = r + (w - 2.0 * r) * progress;
        double y = h * 0.72 - Math.abs(Math.sin(progress * Math.PI * 4)) * h * 0.25;
        g.setColor(new Color(255, 200, 40));
        g.fillOval((int) (x - r), (int) (y - r), 2 * r, 2 * r);
        g.setColor(new Color(120, 60, 0));
        g.setStroke(new BasicStroke(1.5f));
        g.drawOval((int) (x - r), (int) (y - r), 2 * r, 2 * r);
    }

    private static void paintProgressBar(Graphics2D g, int w, int h, double progress) {
        g.setColor(new Color(0, 0, 0, 120));
        g.fillRect(0, h - 5, w, 5);
        g.setColor(new Color(90, 220, 120));
        g.fillRect(0, h - 5, (int) Math.round(w * progress), 5);
    }

    private static void paintLabel(Graphics2D g, String label, int w) {
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
            g.setColor(new Color(0, 0, 0, 140));
            g.fillRect(0, 0, w, 14);
            g.setColor(Color.WHITE);
            g.drawString("Kling simulator · " + label, 4, 11);
        } catch (RuntimeException | Error e) {
            // Fonts can be missing on minimal hosts; the frame is still a valid frame without text.
        }
    }

    private static void paintPrompt(Graphics2D g, String prompt, int w, int h) {
        if (prompt == null || prompt.isBlank()) {
            return;
        }
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, w < 200 ? 11 : 13));
            FontMetrics metrics = g.getFontMetrics();
            List<String> lines = wrap(prompt.strip(), metrics, w - 16);
            int lineHeight = metrics.getHeight();
            int shown = Math.min(lines.size(), Math.max(1, (h - 30) / lineHeight));
            g.setColor(new Color(0, 0, 0, 110));
            g.fillRect(0, 16, w, shown * lineHeight + 6);
            int y = 20 + metrics.getAscent();
            for (String line : lines.subList(0, shown)) {
                g.setColor(Color.BLACK);
                g.drawString(line, 9, y + 1);
                g.setColor(Color.WHITE);
                g.drawString(line, 8, y);
                y += lineHeight;
            }
        } catch (RuntimeException | Error e) {
            // see paintLabel
        }
    }

    static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= maxWidth || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
            if (lines.size() == MAX_PROMPT_LINES) {
                break;
            }
        }
        if (lines.size() < MAX_PROMPT_LINES && line.length() > 0) {
            lines.add(line.toString());
        } else if (lines.size() == MAX_PROMPT_LINES) {
            int last = MAX_PROMPT_LINES - 1;
            lines.set(last, lines.get(last) + " …");
        }
        return lines;
    }
}
