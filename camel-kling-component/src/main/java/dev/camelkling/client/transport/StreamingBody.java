package dev.camelkling.client.transport;

import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.media.KlingMedia;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.commons.codec.binary.Base64InputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON body of a create request, produced while it is sent: the fields are rendered once (small), with every
 * local media value (bytes or a file) left as a placeholder, and the Base64 of each media value is encoded from its
 * source chunk by chunk as the HTTP client pulls the body. Nothing larger than a chunk is held in memory, no thread
 * waits on another (no pipe), and the exact {@code Content-Length} is known up front.
 * <p>
 * The body can be sent any number of times (the client re-sends it once after 1003/1004, and
 * the client's exactly-once create after a confirmed absence): each sending opens the media sources again. Every
 * {@link KlingMedia} is replayable: a stream given as media was already spooled when the media was made.
 */
public final class StreamingBody {

    /** A part of the body: literal JSON bytes, or local media written as Base64. */
    private record Part(byte[] literal, KlingMedia media, long mediaSize) {
        long length() {
            return literal != null ? literal.length : (mediaSize + 2) / 3 * 4;
        }
    }

    /**
     * Placeholders start with this, random per JVM so that no text of a request can contain one, and end with a
     * number of their own: drawing a random UUID (SecureRandom) for each request would cost more than the rest.
     */
    private static final String TOKEN_PREFIX = "kling-media-" + UUID.randomUUID() + "-";
    private static final AtomicLong BODIES = new AtomicLong();
    private static final ObjectWriter WRITER = KlingJson.MAPPER.writer();

    private final List<Part> parts;
    private final long length;

    private StreamingBody(List<Part> parts) {
        this.parts = List.copyOf(parts);
        long total = 0;
        for (Part part : parts) {
            total += part.length();
        }
        this.length = total;
    }

    /**
     * @throws KlingException if the fields cannot be written or the size of a media file cannot be read
     */
    static StreamingBody of(Map<String, Object> fields, String what) {
        String token = TOKEN_PREFIX + BODIES.incrementAndGet() + "-";
        List<KlingMedia> media = new ArrayList<>();
        byte[] skeleton;
        try {
            skeleton = WRITER.withAttribute(KlingJson.MEDIA_SINK, new KlingJson.MediaSink(token, media)).writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new KlingException("Could not write the " + what + ": " + e.getOriginalMessage(), e);
        }
        if (media.isEmpty()) {
            return new StreamingBody(List.of(new Part(skeleton, null, 0)));
        }
        List<Part> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < media.size(); i++) {
            byte[] placeholder = (token + i).getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(skeleton, placeholder, from);
            if (at < 0) {
                throw new IllegalStateException("media placeholder " + i + " not found in the " + what);
            }
            parts.add(new Part(java.util.Arrays.copyOfRange(skeleton, from, at), null, 0));
            KlingMedia m = media.get(i);
            long size = m.sizeBytes().orElseThrow(() -> new KlingException("Could not read the size of " + m + " for the " + what));
            parts.add(new Part(null, m, size));
            from = at + placeholder.length;
        }
        parts.add(new Part(java.util.Arrays.copyOfRange(skeleton, from, skeleton.length), null, 0));
        return new StreamingBody(parts);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Exact length in bytes of the body. */
    long length() {
        return length;
    }

    /**
     * A publisher that opens the body afresh for every sending, with a fixed {@code Content-Length}. A body without
     * local media is the JSON alone, sent from its bytes: the stream publisher costs a copy loop per sending.
     */
    public BodyPublisher publisher() {
        if (parts.size() == 1) {
            return BodyPublishers.ofByteArray(parts.get(0).literal());
        }
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(this::open), length);
    }

    /** The body as a stream; the media sources are opened lazily, one at a time, and closed when read. */
    InputStream open() {
        return new Concatenation();
    }


    /** A media source failed while the body was being sent; nothing was created (the body was cut short). */
    static final class MediaReadException extends IOException {
        private static final long serialVersionUID = 1L;

        MediaReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final class Concatenation extends BulkInputStream {
        private int next;
        private InputStream current;


        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (true) {
                if (current == null) {
                    if (next >= parts.size()) {
                        return -1;
                    }
                    current = openPart(parts.get(next++));
                }
                int n = current.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                current.close();
                current = null;
            }
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
            next = parts.size();
        }
    }

    private static InputStream openPart(Part part) throws IOException {
        if (part.literal() != null) {
            return new ByteArrayInputStream(part.literal());
        }
        try {
            // standard alphabet, padded, no line breaks: what a JSON string field of Kling takes
            return new Base64InputStream(new ExactLength(part.media(), part.media().openContent(), part.mediaSize()), true, 0, null);
        } catch (IOException e) {
            throw new MediaReadException("Could not read " + part.media() + ": " + e.getMessage(), e);
        }
    }

    /** Yields exactly the size announced in {@code Content-Length}, failing if the source changed in between. */
    private static final class ExactLength extends BulkInputStream {
        private final KlingMedia media;
        private final InputStream source;
        private long remaining;

        ExactLength(KlingMedia media, InputStream source, long size) {
            this.media = media;
            this.source = source;
            this.remaining = size;
        }


        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                if (len > 0 && source.read() >= 0) {
                    throw new MediaReadException(media + " grew while the request was being sent", null);
                }
                return -1;
            }
            int n;
            try {
                n = source.read(b, off, (int) Math.min(len, remaining));
            } catch (IOException e) {
                throw new MediaReadException("Could not read " + media + ": " + e.getMessage(), e);
            }
            if (n < 0) {
                throw new MediaReadException(media + " shrank while the request was being sent", null);
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
