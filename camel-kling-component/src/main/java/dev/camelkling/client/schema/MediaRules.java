package dev.camelkling.client.schema;

import dev.camelkling.client.media.AudioProbe;
import dev.camelkling.client.media.ImageProbe;
import dev.camelkling.client.media.KlingMedia;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Kling's media input limits, checked where the content is local; URLs are the server's to judge. Images
 * (reference §2.3): jpg/png, at most 10 MB, shortest side at least 300 px, aspect ratio between 1:2.5 and 2.5:1
 * (motion control's character image instead has sides of 300–65536 px and no ratio limit). Audio (§6.1.2): mp3, wav
 * or m4a, at most 5 MB, 2–60 s long when the length can be read.
 */
final class MediaRules {

    static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    static final int MIN_IMAGE_SIDE = 300;
    static final int MAX_CHARACTER_IMAGE_SIDE = 65536;
    static final long MAX_AUDIO_BYTES = 5L * 1024 * 1024;
    static final long MIN_AUDIO_MILLIS = 2_000;
    static final long MAX_AUDIO_MILLIS = 60_000;
    private static final Set<String> IMAGE_FORMATS = Set.of("jpeg", "jpg", "png");
    static final List<String> AUDIO_FORMATS = List.of(AudioProbe.MP3, AudioProbe.WAV, AudioProbe.M4A);
    static final Set<String> VIDEO_URL_EXTENSIONS = Set.of("mp4", "mov");

    /** The new design's image inputs take up to 50 MB (kling-api-2026.md §2.2), the legacy ones 10 MB. */
    static final long MAX_NEW_DESIGN_IMAGE_BYTES = 50L * 1024 * 1024;

    /** Size limits of an image input; {@code maxSide} and the ratio limit are optional. */
    record ImageLimits(int minSide, Integer maxSide, boolean limitAspectRatio, long maxBytes) {

        String maxBytesText() {
            return maxBytes / (1024 * 1024) + " MB";
        }
    }

    static final ImageLimits GENERAL = new ImageLimits(MIN_IMAGE_SIDE, null, true, MAX_IMAGE_BYTES);
    static final ImageLimits CHARACTER = new ImageLimits(MIN_IMAGE_SIDE, MAX_CHARACTER_IMAGE_SIDE, false, MAX_IMAGE_BYTES);
    /** Every image input of the new design: the general rules with 50 MB. */
    static final ImageLimits NEW_DESIGN = new ImageLimits(MIN_IMAGE_SIDE, null, true, MAX_NEW_DESIGN_IMAGE_BYTES);

    private MediaRules() {
    }

    static final FieldCheck IMAGE = (field, value) -> checkImage(field, (KlingMedia) value);
    static final FieldCheck CHARACTER_IMAGE = (field, value) -> checkImage(field, (KlingMedia) value, CHARACTER);
    static final FieldCheck AUDIO = (field, value) -> checkAudio(field, (KlingMedia) value);

    static Optional<Violation> checkImage(String field, KlingMedia media) {
        return checkImage(field, media, GENERAL);
    }

    static Optional<Violation> checkImage(String field, KlingMedia media, ImageLimits limits) {
        Optional<Violation> size = checkSize(field, media, limits.maxBytes(), limits.maxBytesText());
        if (size.isPresent()) {
            return size;
        }
        Optional<ImageProbe.ImageInfo> probed = ImageProbe.probe(media);
        if (probed.isEmpty()) {
            // Local bytes that no image reader understands are no JPG or PNG either: refusing them here saves a
            // request Kling would refuse. Only a URL is left for the server to judge.
            return media.isUrl() ? Optional.empty()
                    : Optional.of(new Violation(field, "must be a JPG or PNG image (format not recognised)"));
        }
        return probed.flatMap(image -> {
            if (!IMAGE_FORMATS.contains(image.format())) {
                return Optional.of(new Violation(field, "must be a JPG or PNG image (was " + image.format() + ")"));
            }
            int shorter = Math.min(image.width(), image.height());
            int longer = Math.max(image.width(), image.height());
            String dimensions = image.width() + "x" + image.height();
            if (shorter < limits.minSide()) {
                return Optional.of(new Violation(field, "must be at least " + limits.minSide() + " px on each side (was " + dimensions + ")"));
            }
            if (limits.maxSide() != null && longer > limits.maxSide()) {
                return Optional.of(new Violation(field, "must be at most " + limits.maxSide() + " px on each side (was " + dimensions + ")"));
            }
            if (limits.limitAspectRatio() && 2L * longer > 5L * shorter) {
                return Optional.of(new Violation(field, "must have an aspect ratio between 1:2.5 and 2.5:1 (was " + dimensions + ")"));
            }
            return Optional.empty();
        });
    }

    /**
     * Size, then format by magic bytes, then length when it can be measured. A URL only has to name an mp3, wav or
     * m4a file when its last path segment has an extension at all.
     */
    static Optional<Violation> checkAudio(String field, KlingMedia media) {
        if (media.isUrl()) {
            return checkUrlExtension(field, media.wireValue(), Set.copyOf(AUDIO_FORMATS), "an .mp3, .wav or .m4a file");
        }
        Optional<Violation> size = checkSize(field, media, MAX_AUDIO_BYTES, "5 MB");
        if (size.isPresent()) {
            return size;
        }
        Optional<String> format = media.audioFormat();
        if (format.isEmpty() || !AUDIO_FORMATS.contains(format.get())) {
            return Optional.of(new Violation(field, "must be MP3, WAV or M4A audio (" + format.map(f -> "was " + f)
                    .orElse("format not recognised") + ")"));
        }
        OptionalLong millis = media.audioDurationMillis();
        if (millis.isPresent() && (millis.getAsLong() < MIN_AUDIO_MILLIS || millis.getAsLong() > MAX_AUDIO_MILLIS)) {
            return Optional.of(new Violation(field, "must be between 2 and 60 seconds long (was " + seconds(millis.getAsLong()) + " s)"));
        }
        return Optional.empty();
    }

    /** A URL whose last path segment has a file extension must have one of {@code allowed}; no extension passes. */
    static Optional<Violation> checkUrlExtension(String field, String url, Set<String> allowed, String description) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a URL: the URL rule reports it
        }
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0 || allowed.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new Violation(field, "must point at " + description + " (was \"" + LooseValues.shorten(last) + "\")"));
    }

    private static Optional<Violation> checkSize(String field, KlingMedia media, long maxBytes, String limit) {
        OptionalLong size = media.sizeBytes();
        if (size.isPresent() && size.getAsLong() > maxBytes) {
            return Optional.of(new Violation(field, String.format(Locale.ROOT, "must be at most %s (was %.1f MB)", limit,
                    size.getAsLong() / (1024.0 * 1024.0))));
        }
        return Optional.empty();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
