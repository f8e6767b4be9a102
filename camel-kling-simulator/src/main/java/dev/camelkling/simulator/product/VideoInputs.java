package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.GeneratedVideo;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Video inputs: ids of videos this simulator generated, and video URLs. */
final class VideoInputs {
    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov");

    private VideoInputs() {
    }

    /**
     * A generated video of the calling account, young enough to be used (30 days by default). Unknown
     * ids and other accounts' videos are both "does not exist".
     */
    static GeneratedVideo byId(String field, String videoId, ValidationContext context) {
        GeneratedVideo video = context.generatedVideo(videoId)
                .filter(v -> context.accountId() == null || context.accountId().equals(v.accountId()))
                .orElseThrow(() -> ApiException.invalidParameter(field + " " + videoId + " does not exist"));
        long retentionMs = context.videoRetention().toMillis();
        if (context.now() - video.createdAt() > retentionMs) {
            throw ApiException.invalidParameter(field + " " + videoId + " is older than " + describe(retentionMs)
                    + " and has been cleared");
        }
        return video;
    }

    /**
     * Checks a video URL: http(s) with a host, and when the path has a file extension, {@code .mp4} or
     * {@code .mov}. Returns the generated video when the URL is one of this simulator's own.
     */
    static Optional<GeneratedVideo> url(String field, String value, ValidationContext context) {
        URI uri = CommonFields.requireHttpUrl(field, value);
        requireExtension(field, uri, VIDEO_EXTENSIONS, "an .mp4 or .mov file");
        return context.ownVideo(value);
    }

    /** Rejects a URL whose last path segment has an extension outside {@code allowed}; no extension passes. */
    static void requireExtension(String field, URI uri, Set<String> allowed, String description) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot >= 0 && !allowed.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            throw ApiException.invalidParameter(field + " must point at " + description + " (got \"" + last + "\")");
        }
    }

    private static String describe(long millis) {
        long days = millis / 86_400_000L;
        if (days * 86_400_000L == millis && days > 0) {
            return days + " days";
        }
        return millis + " ms";
    }
}
