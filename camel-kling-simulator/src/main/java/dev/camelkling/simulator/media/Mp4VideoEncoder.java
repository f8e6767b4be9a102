package dev.camelkling.simulator.media;

import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.Rational;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Encodes a {@link VideoSpec} to an H.264 MP4 in memory. The low frame rate keeps a 5 s clip at 40
 * frames (about a second of encoding) while the container duration stays exactly frames / fps.
 */
public final class Mp4VideoEncoder {
    public static final int FRAMES_PER_SECOND = 8;

    public byte[] encode(VideoSpec spec) throws IOException {
        int frames = spec.durationSeconds() * FRAMES_PER_SECOND;
        ByteBuffer buffer = ByteBuffer.allocate(estimateCapacity(spec, frames));
        ByteBufferSeekableByteChannel channel = ByteBufferSeekableByteChannel.writeToByteBuffer(buffer);
        AWTSequenceEncoder encoder = new AWTSequenceEncoder(channel, Rational.R(FRAMES_PER_SECOND, 1));
        BufferedImage start = spec.startImage() == null ? null : spec.startImage().decode();
        BufferedImage end = spec.endImage() == null ? null : spec.endImage().decode();
        BufferedImage frame = new BufferedImage(spec.size().width(), spec.size().height(), BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < frames; i++) {
            Graphics2D g = frame.createGraphics();
            try {
                FramePainter.paintVideoFrame(g, spec, start, end, frames == 1 ? 0 : (double) i / (frames - 1));
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
