package dev.camelkling.client.media;

import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.error.KlingValidationException;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An image or audio input: a public URL that Kling downloads, or content sent as raw Base64. Local content
 * (bytes, a file, a stream) is Base64-encoded chunk by chunk while the request body is sent, never as a whole copy
 * in memory; a file is not read until then, apart from its header during validation. A stream is read when the
 * media is made (see {@link #of(InputStream)}). {@code toString()} shows the kind and size, never the content.
 */
public final class KlingMedia {

    private static final String SUBJECT = "media";
    private static final String FIELD = "value";

    public enum Kind { URL, BASE64, BYTES, FILE }

    private final Kind kind;
    private final String text;
    private final byte[] bytes;
    private final Path file;

    private KlingMedia(Kind kind, String text, byte[] bytes, Path file) {
        this.kind = kind;
        this.text = text;
        this.bytes = bytes;
        this.file = file;
    }

    /** A public http(s) URL for Kling to download. */
    public static KlingMedia url(String url) {
        if (url == null || !isHttpUrl(url.trim())) {
            throw new KlingValidationException(SUBJECT, FIELD, "must be an absolute http or https URL");
        }
        return new KlingMedia(Kind.URL, url.trim(), null, null);
    }

    /** Raw Base64 (standard alphabet, no line breaks, no {@code data:} prefix). */
    public static KlingMedia base64(String rawBase64) {
        if (rawBase64 == null || rawBase64.isBlank()) {
            throw new KlingValidationException(SUBJECT, FIELD, "must not be empty");
        }
        if (rawBase64.regionMatches(true, 0, "data:", 0, 5)) {
            throw new KlingValidationException(SUBJECT, FIELD,
                    "must be raw Base64 without a data: URI prefix (Kling rejects it with 1201 'File is not in a valid base64 format')");
        }
        String problem = Base64Text.problem(rawBase64);
        if (problem != null) {
            throw new KlingValidationException(SUBJECT, FIELD, "must be valid Base64 (" + problem + ")");
        }
        return new KlingMedia(Kind.BASE64, rawBase64, null, null);
    }

    /** Content in memory. The array is not copied, so do not change it afterwards. */
    public static KlingMedia of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new KlingValidationException(SUBJECT, FIELD, "must not be empty");
        }
        return new KlingMedia(Kind.BYTES, null, bytes, null);
    }

    /** A local file; it is read when the request is sent. */
    public static KlingMedia of(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new KlingValidationException(SUBJECT, FIELD, "must be a readable file (" + file.getFileName() + ")");
        }
        return new KlingMedia(Kind.FILE, null, null, file);
    }

    public static KlingMedia of(File file) {
        return of(Objects.requireNonNull(file, "file").toPath());
    }

    /** Streams up to this size are kept in memory; longer ones are spooled to a temporary file. */
    static final int IN_MEMORY_LIMIT = 1 << 20;

    /**
     * Reads the stream to its end now; the caller still owns (and closes) the stream. A stream can be read only once
     * but a create may be sent more than once (after a re-signed token, or by {@link dev.camelkling.client.ExactlyOnceCreator} after a
     * confirmed absence), so the content is kept: up to {@value #IN_MEMORY_LIMIT} bytes in memory, anything longer in
     * a temporary file (owner-only permissions, in {@code java.io.tmpdir}) that is streamed into the request body like
     * any file and deleted once this media object is garbage collected. So a large stream is never held in memory.
     *
     * @throws KlingException if the stream cannot be read or the temporary file cannot be written
     */
    public static KlingMedia of(InputStream in) {
        Objects.requireNonNull(in, "in");
        try {
            byte[] head = in.readNBytes(IN_MEMORY_LIMIT);
            if (head.length < IN_MEMORY_LIMIT) {
                return of(head);
            }
            int next = in.read();
            if (next < 0) {
                return of(head);
            }
            return spool(head, next, in);
        } catch (IOException e) {
            throw new KlingException("Could not read media stream: " + e.getMessage(), e);
        }
    }

    private static KlingMedia spool(byte[] head, int next, InputStream rest) throws IOException {
        Path temp = Files.createTempFile("kling-media-", ".bin");
        try (OutputStream out = Files.newOutputStream(temp)) {
            out.write(head);
            out.write(next);
            rest.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        KlingMedia media = new KlingMedia(Kind.FILE, null, null, temp);
        TempFiles.CLEANER.register(media, new TempFiles.Delete(temp));
        return media;
    }

    /** Deletes spooled streams once their media object is unreachable. */
    private static final class TempFiles {
        static final Cleaner CLEANER = Cleaner.create(runnable -> {
            Thread thread = new Thread(runnable, "kling-media-cleaner");
            thread.setDaemon(true);
            return thread;
        });

        record Delete(Path file) implements Runnable {
            @Override
            public void run() {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // best effort: it is in the temporary directory
                }
            }
        }
    }

    /**
     * Interprets text as Kling does: an http(s) URL, otherwise raw Base64. A {@code data:...;base64,} value is
     * rejected rather than stripped, so callers learn the rule instead of depending on a silent fix.
     */
    public static KlingMedia fromString(String value) {
        if (value != null && isHttpUrl(value.trim())) {
            return url(value);
        }
        return base64(value);
    }

    private static boolean isHttpUrl(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            return URI.create(value).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The value as sent in JSON: the URL, or the Base64 text (encoded now for local content, as one string in
     * memory: the client itself never calls this, it streams the Base64 into the request body).
     *
     * @throws KlingException if a media file can no longer be read
     */
    public String wireValue() {
        return switch (kind) {
            case URL, BASE64 -> text;
            case BYTES -> Base64.getEncoder().encodeToString(bytes);
            case FILE -> {
                try {
                    yield Base64.getEncoder().encodeToString(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new KlingException("Could not read media file " + file.getFileName() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    public boolean isUrl() {
        return kind == Kind.URL;
    }

    /** Size of the decoded content, known for everything but URLs. */
    public OptionalLong sizeBytes() {
        return switch (kind) {
            case URL -> OptionalLong.empty();
            case BASE64 -> OptionalLong.of(Base64Text.decodedLength(text));
            case BYTES -> OptionalLong.of(bytes.length);
            case FILE -> {
                try {
                    yield OptionalLong.of(Files.size(file));
                } catch (IOException e) {
                    yield OptionalLong.empty();
                }
            }
        };
    }

    /**
     * The audio format of local content by its magic bytes: {@code "mp3"}, {@code "wav"} or {@code "m4a"} (the ones
     * Kling takes), or another recognised name such as {@code "aac"}, {@code "ogg"} or {@code "flac"}. Empty for a URL
     * or content that is not recognised.
     */
    public Optional<String> audioFormat() {
        return AudioProbe.format(this);
    }

    /**
     * The length of local audio in milliseconds (rounded down), where it can be read exactly without decoding: WAV,
     * MP3 (VBR header or frame headers) and M4A (movie header). Empty for a URL or anything else.
     */
    public OptionalLong audioDurationMillis() {
        return AudioProbe.durationMillis(this);
    }

    public Kind kind() {
        return kind;
    }

    /** The decoded content of local media; {@code null} for a URL. */
    public InputStream openContent() throws IOException {
        return switch (kind) {
            case URL -> null;
            case BASE64 -> Base64.getDecoder().wrap(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
            case BYTES -> new ByteArrayInputStream(bytes);
            case FILE -> Files.newInputStream(file);
        };
    }

    /** The URL or Base64 text as given; {@code null} for bytes and files. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof KlingMedia other && kind == other.kind && Objects.equals(text, other.text)
                && Arrays.equals(bytes, other.bytes) && Objects.equals(file, other.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text, Arrays.hashCode(bytes), file);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case URL -> "KlingMedia[url " + withoutQuery(text) + "]";
            case FILE -> "KlingMedia[file " + file.getFileName() + sizeSuffix() + "]";
            default -> "KlingMedia[" + kind.name().toLowerCase(Locale.ROOT) + sizeSuffix() + "]";
        };
    }

    private String sizeSuffix() {
        OptionalLong size = sizeBytes();
        return size.isPresent() ? ", " + size.getAsLong() + " bytes" : "";
    }

    /** Signed CDN URLs carry tokens in the query; keep those out of logs. */
    public static String withoutQuery(String url) {
        int cut = url.indexOf('?');
        return cut < 0 ? url : url.substring(0, cut) + "?…";
    }
}
