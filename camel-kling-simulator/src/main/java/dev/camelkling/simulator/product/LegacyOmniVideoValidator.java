package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.GeneratedVideo;
import dev.camelkling.simulator.media.VideoSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/videos/omni-video}, the legacy twin of the new design's omni-video (kling-api-2026.md §7: models
 * kling-video-o1, the default, and kling-v3-omni). The spec names the path and models only; the body follows the
 * legacy conventions of omni-image and the new design's rules (README "Legacy omni-video"): {@code prompt} (required,
 * {@code <<<image_N>>>} needs an N-th image), {@code image_list} items {@code {image, type}} with {@code type}
 * {@code first_frame}/{@code end_frame} or absent for a reference image, {@code video_list} (at most one
 * {@code {video_url, refer_type: feature|base}}), {@code element_list}, {@code mode}, {@code aspect_ratio} (required
 * without a first frame or video), {@code duration} "3" to "10" (kling-v3-omni: to "15").
 */
final class LegacyOmniVideoValidator implements RequestValidator {
    static final String PRODUCT = "omni-video";
    static final List<String> FRAME_TYPES = List.of("first_frame", "end_frame");
    static final List<String> REFER_TYPES = List.of("feature", "base");
    static final int MAX_REFERENCES = 7;
    static final int MAX_REFERENCES_WITH_VIDEO = 4;

    @Override
    public TaskOrder validate(RequestFields fields, ValidationContext context) {
        String model = ModelCatalog.resolve(fields, PRODUCT, "kling-video-o1");
        String prompt = fields.text("prompt", true, RequestFields.MAX_PROMPT_CHARS);
        List<ImageInput> images = ImageInputs.readList(fields, "image_list", context, ImageInputs.Rules.PICTURE);
        List<String> types = frameTypes(fields.array("image_list"));
        OmniImageValidator.requireReferencedImages(prompt, images.size());
        int first = types.indexOf("first_frame");
        int end = types.indexOf("end_frame");
        if (end >= 0 && first < 0) {
            throw ApiException.invalidParameter("image_list[" + end + "].type end_frame needs a first_frame");
        }
        List<Long> elements = Elements.read(fields, context);
        Optional<GeneratedVideo> video = Optional.empty();
        JsonNode videos = fields.array("video_list");
        boolean hasVideo = videos != null && !videos.isEmpty();
        if (hasVideo) {
            video = video(videos, context);
        }
        long references = types.stream().filter(t -> t == null).count() + elements.size();
        int max = hasVideo ? MAX_REFERENCES_WITH_VIDEO : MAX_REFERENCES;
        if (references > max) {
            throw ApiException.invalidParameter("image_list reference images and element_list together must have at most "
                    + max + " items " + (hasVideo ? "with" : "without") + " a video_list video (got " + references + ")");
        }
        String mode = VideoFields.mode(fields, model);
        if (first < 0 && !hasVideo && !fields.has("aspect_ratio")) {
            throw ApiException.invalidParameter("aspect_ratio is required without a first_frame image or a video_list video");
        }
        String aspectRatio = fields.oneOf("aspect_ratio", Text2VideoValidator.ASPECT_RATIOS, "16:9");
        int duration = duration(fields, "kling-v3-omni".equals(model) ? 15 : 10);

        ImageInput firstImage = first < 0 ? null : images.get(first);
        FrameSize size = firstImage != null && firstImage.dimensionsKnown()
                ? FrameSize.forVideoAspectRatio(FrameSize.closestVideoAspectRatio(firstImage.width(), firstImage.height()))
                : video.map(v -> v.spec().size()).orElse(FrameSize.forVideoAspectRatio(aspectRatio));
        List<String> notes = List.of(model + " · " + mode + (hasVideo ? " · video " + video.map(GeneratedVideo::product)
                .orElse("external") : "") + (elements.isEmpty() ? "" : " · elements " + elements));
        TaskOrder.Builder order = TaskOrder.builder(model)
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .plannedFailure(ImageInputs.downloadFailure(images))
                .video(new VideoSpec(PRODUCT, prompt, size, duration, firstImage == null ? null : firstImage.preview(),
                        end < 0 ? null : images.get(end).preview(), ImageInputs.previews(images), notes))
                .mode(mode)
                .unitDeduction(VideoFields.unitDeduction(mode, Math.max(5, duration)));
        return CommonFields.apply(fields, order).build();
    }

    /** Each item's {@code type}: first_frame, end_frame or {@code null} (a reference image); one of each frame at most. */
    private static List<String> frameTypes(JsonNode list) {
        List<String> types = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            JsonNode item = list.get(i);
            String type = item != null && item.isObject() ? RequestFields.string("image_list[" + i + "].type", item.get("type")) : null;
            if (type != null && !FRAME_TYPES.contains(type)) {
                throw ApiException.invalidParameter("image_list[" + i + "].type must be first_frame or end_frame (or absent)");
            }
            if (type != null && types.contains(type)) {
                throw ApiException.invalidParameter("image_list[" + i + "].type: only one " + type + " is allowed");
            }
            types.add(type);
        }
        return types;
    }

    private static Optional<GeneratedVideo> video(JsonNode videos, ValidationContext context) {
        if (videos.size() > 1) {
            throw ApiException.invalidParameter("video_list must have at most 1 item (got " + videos.size() + ")");
        }
        JsonNode item = videos.get(0);
        if (item == null || !item.isObject()) {
            throw ApiException.invalidParameter("video_list[0] must be an object {video_url, refer_type}");
        }
        String url = RequestFields.string("video_list[0].video_url", item.get("video_url"));
        if (url == null || url.isEmpty()) {
            throw ApiException.invalidParameter("video_list[0].video_url is required");
        }
        String referType = RequestFields.string("video_list[0].refer_type", item.get("refer_type"));
        if (referType != null && !REFER_TYPES.contains(referType)) {
            throw ApiException.invalidParameter("video_list[0].refer_type must be feature or base");
        }
        return VideoInputs.url("video_list[0].video_url", url, context);
    }

    /** A string of whole seconds from "3" to {@code max}, "5" by default (JSON numbers refused, as legacy durations). */
    private static int duration(RequestFields fields, int max) {
        JsonNode node = fields.node("duration");
        if (node == null) {
            return 5;
        }
        String value = node.isTextual() ? node.asText() : "";
        if (!value.matches("\\d{1,2}") || Integer.parseInt(value) < 3 || Integer.parseInt(value) > max) {
            throw ApiException.invalidParameter("duration must be a string from \"3\" to \"" + max + "\" (got " + node + ")");
        }
        return Integer.parseInt(value);
    }
}
