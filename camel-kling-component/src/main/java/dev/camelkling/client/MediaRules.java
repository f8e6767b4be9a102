package dev.camelkling.client;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Kling's general image input limits (reference §2.3), checked where the content is local: jpg/png, at most
 * 10 MB, shortest side at least 300 px, aspect ratio between 1:2.5 and 2.5:1. URLs are the server's to judge.
 */
final class MediaRules {

    static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    static final int MIN_IMAGE_SIDE = 300;
    private static final Set<String> IMAGE_FORMATS = Set.of("jpeg", "jpg", "png");

    private MediaRules() {
    }

    static final FieldCheck IMAGE = (field, value) -> checkImage(field, (KlingMedia) value);

    static Optional<Violation> checkImage(String field, KlingMedia media) {
        OptionalLong size = media.sizeBytes();
        if (size.isPresent() && size.getAsLong() > MAX_IMAGE_BYTES) {
            return Optional.of(new Violation(field, String.format(Locale.ROOT, "must be at most 10 MB (was %.1f MB)",
                    size.getAsLong() / (1024.0 * 1024.0))));
        }
        return ImageProbe.probe(media).flatMap(image -> {
            if (!IMAGE_FORMATS.contains(image.format())) {
                return Optional.of(new Violation(field, "must be a JPG or PNG image (was " + image.format() + ")"));
            }
            int shorter = Math.min(image.width(), image.height());
            int longer = Math.max(image.width(), image.height());
            String dimensions = image.width() + "x" + image.height();
            if (shorter < MIN_IMAGE_SIDE) {
                return Optional.of(new Violation(field, "must be at least " + MIN_IMAGE_SIDE + " px on each side (was " + dimensions + ")"));
            }
            if (2L * longer > 5L * shorter) {
                return Optional.of(new Violation(field, "must have an aspect ratio between 1:2.5 and 2.5:1 (was " + dimensions + ")"));
            }
            return Optional.empty();
        });
    }
}
