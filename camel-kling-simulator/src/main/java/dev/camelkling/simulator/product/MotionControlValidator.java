package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.GeneratedVideo;
import dev.camelkling.simulator.media.VideoSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * §6.5 motion control. The motion video is only known when it is one of this simulator's own video
 * URLs: then its length must be 3–10 s ({@code character_orientation: image}) or 3–30 s
 * ({@code video}), and the result has its length. Other URLs are accepted unseen and give 5 s.
 */
final class MotionControlValidator implements RequestValidator {
    static final String PRODUCT = "motion-control";
    static final List<String> ORIENTATIONS = List.of("image", "video");
    static final List<String> YES_NO = List.of("yes", "no");
    static final int MIN_SECONDS = 3;
    static final int MAX_SECONDS_IMAGE = 10;
    static final int MAX_SECONDS_VIDEO = 30;
    static final int UNSEEN_VIDEO_SECONDS = 5;
    static final int MAX_ELEMENTS = 1;

    @Override
    public TaskOrder validate(RequestFields fields, ValidationContext context) {
        String model = ModelCatalog.resolve(fields, PRODUCT, "kling-v2-6");
        String imageValue = fields.string("image_url");
        if (imageValue == null || imageValue.isEmpty()) {
            throw ApiException.invalidParameter("image_url is required");
        }
        String videoUrl = fields.string("video_url");
        if (videoUrl == null || videoUrl.isEmpty()) {
            throw ApiException.invalidParameter("video_url is required");
        }
        String orientation = required(fields, "character_orientation", ORIENTATIONS);
        String mode = required(fields, "mode", VideoFields.MODES);
        String prompt = fields.text("prompt", false, RequestFields.MAX_PROMPT_CHARS);
        String keepSound = fields.oneOf("keep_original_sound", YES_NO, "yes");
        var elementList = fields.array("element_list");
        if (elementList != null && !elementList.isEmpty()) {
            if (!"kling-v3".equals(model)) {
                throw ApiException.invalidParameter("element_list is only supported by model_name kling-v3 (got " + model + ")");
            }
            if (elementList.size() > MAX_ELEMENTS) {
                throw ApiException.invalidParameter("element_list must have at most " + MAX_ELEMENTS + " item (got "
                        + elementList.size() + ")");
            }
        }
        List<Long> elements = Elements.read(fields, context);

        ImageInput image = ImageInputs.read("image_url", imageValue, context, ImageInputs.Rules.CHARACTER);
        Optional<GeneratedVideo> motion = VideoInputs.url("video_url", videoUrl, context);
        String videoFailure = null;
        int duration = UNSEEN_VIDEO_SECONDS;
        if (motion.isPresent()) {
            duration = motion.get().durationSeconds();
            int max = "image".equals(orientation) ? MAX_SECONDS_IMAGE : MAX_SECONDS_VIDEO;
            if (duration < MIN_SECONDS || duration > max) {
                throw ApiException.invalidParameter("video_url must be " + MIN_SECONDS + " to " + max
                        + " seconds long for character_orientation " + orientation + " (got " + duration + " s)");
            }
        } else if (context.isOwnUrl(videoUrl)) {
            videoFailure = "Failed to download video_url from " + videoUrl;
        }

        FrameSize size = frameSize(orientation, image, motion);
        List<String> notes = new ArrayList<>();
        notes.add("motion control · orientation " + orientation + " · original sound " + keepSound);
        notes.add("motion: " + (motion.isPresent() ? motion.get().product() + " " + motion.get().durationSeconds() + ".0 s" : "external video"));
        if (!elements.isEmpty()) {
            notes.add("element " + elements.get(0));
        }
        TaskOrder.Builder order = TaskOrder.builder(model)
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .plannedFailure(image.downloadFailure())
                .plannedFailure(videoFailure)
                .mode(mode)
                .video(new VideoSpec(PRODUCT, prompt == null ? "" : prompt, size, duration, null, null,
                        ImageInputs.previews(List.of(image)), notes))
                .unitDeduction(VideoFields.unitDeduction(mode, Math.max(5, (duration + 4) / 5 * 5)));
        return CommonFields.apply(fields, order).build();
    }

    /** image: the character image's orientation; video: the motion video's; 16:9 when unknown. */
    private static FrameSize frameSize(String orientation, ImageInput image, Optional<GeneratedVideo> motion) {
        if ("video".equals(orientation) && motion.isPresent()) {
            return motion.get().spec().size();
        }
        if (image.dimensionsKnown()) {
            return FrameSize.forVideoAspectRatio(FrameSize.closestVideoAspectRatio(image.width(), image.height()));
        }
        return motion.map(v -> v.spec().size()).orElse(FrameSize.forVideoAspectRatio("16:9"));
    }

    private static String required(RequestFields fields, String name, List<String> allowed) {
        String value = fields.oneOf(name, allowed, null);
        if (value == null || value.isEmpty()) {
            throw ApiException.invalidParameter(name + " is required (one of " + String.join(", ", allowed) + ")");
        }
        return value;
    }
}
