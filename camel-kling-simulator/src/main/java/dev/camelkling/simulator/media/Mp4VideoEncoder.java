package dev.camelkling.simulator.media;

import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.Rational;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link VideoSpec} to an H.264 MP4 in memory. Pure-Java H.264 costs ~30 ms per frame, so
 * the frame count is kept low: 8 fps up to 10 s (a 5 s clip is 40 frames), then 80 frames up to 20 s
 * and at most {@link #MAX_FRAMES} frames beyond, so a 180 s video encodes in a few seconds. The frame
 * rate is the exact fraction {@code frames / duration}, so the container duration is always exactly
 * the spec's duration.
 */
public final class Mp4VideoEncoder {
    public static final int FRAMES_PER_SECOND = 8;
    /** Upper bound on frames for long videos. */
    public static final int MAX_FRAMES = 120;
    private static final int MIN_LONG_VIDEO_FRAMES = 80;

    /** How many frames a video of this length gets. */
    public static int frameCount(int durationSeconds) {
        int full = durationSeconds * FRAMES_PER_SECOND;
        if (full <= MIN_LONG_VIDEO_FRAMES) {
            return full;
        }
        return Math.max(MIN_LONG_VIDEO_FRAMES, Math.min(MAX_FRAMES, durationSeconds * 4));
    }

    public byte[] encode(VideoSpec spec) throws IOException {
        int frames = frameCount(spec.durationSeconds());
        ByteBuffer buffer = ByteBuffer.allocate(estimateCapacity(spec, frames));
        ByteBufferSeekableByteChannel channel = ByteBufferSeekableByteChannel.writeToByteBuffer(buffer);
        // timescale = frames, each frame lasts `duration` ticks: frames * duration / frames = duration exactly
        Rational fps = frames == spec.durationSeconds() * FRAMES_PER_SECOND
                ? Rational.R(FRAMES_PER_SECOND, 1) : Rational.R(frames, spec.durationSeconds());
        AWTSequenceEncoder encoder = new AWTSequenceEncoder(channel, fps);
        BufferedImage start = spec.startImage() == null ? null : spec.startImage().decode();
        BufferedImage end = spec.endImage() == null ? null : spec.endImage().decode();
        List<BufferedImage> gallery = new ArrayList<>();
        for (Preview p : spec.gallery()) {
            gallery.add(p.decode());
        }
        BufferedImage frame = new BufferedImage(spec.size().width(), spec.size().height(), BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < frames; i++) {
            Graphics2D g = frame.createGraphics();
            try {
                FramePainter.paintVideoFrame(g, spec, start, end, gallery, frames == 1 ? 0 : (double) i / (frames - 1));
            } finally {
                g.dispose();
            }
            encoder.encodeImage(frame);
        }
        encoder.finish();
        ByteBuffer contents = channel.getContents();
        byte[] bytes = new byte[contents.remaining()];
        contents.get(bytes);
        return bytes;
    }

    /** Generous upper bound: a full raw YUV420 frame per encoded frame never fits less than H.264 output. */
    private static int estimateCapacity(VideoSpec spec, int frames) {
        long perFrame = (long) spec.size().width() * spec.size().height() * 3 / 2;
        return (int) Math.min(Integer.MAX_VALUE - 16, perFrame * frames + 64 * 1024);
    }
}
