package dev.camelkling.client.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Legacy {@code /v1/videos/omni-video} (kling-api-2026.md §7 names the path and its models, kling-video-o1, the default,
 * and kling-v3-omni, but no body): the body follows omni-image's legacy conventions and the rules of the new design's
 * omni-video, as the simulator documents ("Legacy omni-video"). The request's fields are the same as on the new design;
 * only their wire form differs.
 */
final class LegacyOmniVideo {

    static final String DEFAULT_MODEL = "kling-video-o1";
    static final String V3_OMNI = "kling-v3-omni";
    static final int MAX_SECONDS = 10;
    static final int MAX_SECONDS_V3_OMNI = 15;
    static final List<String> DURATIONS = IntStream.rangeClosed(3, MAX_SECONDS_V3_OMNI).mapToObj(String::valueOf).toList();

    static final List<CrossFieldRule> RULES = List.of(
            CrossFieldRules.requiredWhen("image", "when image_tail (a last frame) is given", values -> CrossFieldRules.given(values, "image_tail")),
            CrossFieldRules.mutuallyExclusive(List.of(List.of("reference_video"), List.of("base_video"))),
            CrossFieldRules.requiredWhen("aspect_ratio", "without a first frame (image) or a reference or base video",
                    values -> !CrossFieldRules.given(values, "image") && !hasVideo(values)),
            LegacyOmniVideo::referenceCount,
            KlingModels.onlyForKnown(KlingModels.OMNI_VIDEO, CrossFieldRules.valueRequires("mode", "4k", "model_name", V3_OMNI, DEFAULT_MODEL)),
            KlingModels.onlyForKnown(KlingModels.OMNI_VIDEO, LegacyOmniVideo::duration));

    private LegacyOmniVideo() {
    }

    private static boolean hasVideo(Map<String, Object> values) {
        return CrossFieldRules.given(values, "reference_video") || CrossFieldRules.given(values, "base_video");
    }

    /** Reference images and elements: at most 7, or 4 with a video. */
    private static Optional<Violation> referenceCount(Map<String, Object> values) {
        int max = hasVideo(values) ? NewDesignRules.MAX_REFERENCES_WITH_VIDEO : NewDesignRules.MAX_REFERENCES;
        return CrossFieldRules.maxCombinedItems(max, "reference_images", "element_list").check(values);
    }

    /** "3" to "10" s; kling-v3-omni to "15". */
    private static Optional<Violation> duration(Map<String, Object> values) {
        Object model = values.getOrDefault("model_name", DEFAULT_MODEL);
        if (!(values.get("duration") instanceof String seconds) || V3_OMNI.equals(model) || Integer.parseInt(seconds) <= MAX_SECONDS) {
            return Optional.empty();
        }
        return Optional.of(new Violation("duration", "must be at most " + MAX_SECONDS + " with model_name " + model
                + (values.get("model_name") == null ? " (the default)" : "") + "; only " + V3_OMNI + " takes up to " + MAX_SECONDS_V3_OMNI
                + " (was " + seconds + ")"));
    }

    /** Frames and reference images into {@code image_list}, the video into {@code video_list}. */
    static Map<String, Object> toWire(Map<String, Object> flat) {
        Map<String, Object> wire = new LinkedHashMap<>(flat);
        List<Map<String, Object>> images = new ArrayList<>();
        frame(wire.remove("image"), "first_frame").ifPresent(images::add);
        frame(wire.remove("image_tail"), "end_frame").ifPresent(images::add);
        if (wire.remove("reference_images") instanceof List<?> references) {
            references.forEach(reference -> images.add(Map.of("image", ((Map<?, ?>) reference).get("image"))));
        }
        if (!images.isEmpty()) {
            wire.put("image_list", images);
        }
        Object feature = wire.remove("reference_video");
        Object base = wire.remove("base_video");
        if (feature != null || base != null) {
            wire.put("video_list", List.of(Map.of("video_url", feature != null ? feature : base, "refer_type", feature != null ? "feature" : "base")));
        }
        return wire;
    }

    private static Optional<Map<String, Object>> frame(Object image, String type) {
        return Optional.ofNullable(image).map(media -> Map.of("image", media, "type", type));
    }
}
