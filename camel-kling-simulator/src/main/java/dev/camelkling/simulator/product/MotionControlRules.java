package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.GeneratedVideo;

import java.util.List;
import java.util.Optional;

import static dev.camelkling.simulator.product.ContentItems.ELEMENT;
import static dev.camelkling.simulator.product.ContentItems.IMAGE;
import static dev.camelkling.simulator.product.ContentItems.PROMPT;
import static dev.camelkling.simulator.product.ContentItems.VIDEO;

/**
 * {@code POST /motion-control/{model}} (kling-api-2026.md §2.2, §2.3, §9.4): one character {@code image}, one motion
 * {@code video} (URL, .mp4/.mov, at least 3 s, at most 10 s with {@code character_orientation} image and 30 s with
 * video), {@code settings} required with {@code character_orientation}; one element only on kling-3.0. The result lasts
 * as long as the motion video (5 s when the video is not this simulator's own, so its length is unknown).
 */
final class MotionControlRules implements NewDesignValidator {
    static final List<String> ORIENTATIONS = MotionControlValidator.ORIENTATIONS;
    static final int MAX_ELEMENTS = 1;
    private static final List<String> TYPES = List.of(PROMPT, IMAGE, VIDEO, ELEMENT);

    @Override
    public TaskOrder validate(NewDesignModel model, RequestFields body, ValidationContext context) {
        if (!body.has("settings")) {
            throw ApiException.invalidParameter("settings is required on motion-control (settings.character_orientation)");
        }
        RequestFields settings = NewDesignSettings.read(body);
        String orientation = settings.oneOf("character_orientation", ORIENTATIONS, null);
        if (orientation == null) {
            throw ApiException.invalidParameter(settings.path("character_orientation") + " is required on motion-control"
                    + " (one of " + String.join(", ", ORIENTATIONS) + ")");
        }
        ContentItems contents = ContentItems.read(body, NewDesignIds.MOTION_CONTROL, TYPES);
        if (!contents.has(IMAGE) || !contents.has(VIDEO)) {
            throw ApiException.invalidParameter("contents needs an image item (the character) and a video item (the motion)"
                    + " on motion-control");
        }
        contents.atMost(VIDEO, 1, "is allowed");
        if (NewDesignIds.KLING_3.equals(model.name())) {
            contents.atMost(ELEMENT, MAX_ELEMENTS, "on " + model.name());
        } else {
            contents.none(ELEMENT, "are only supported by kling-3.0 on motion-control (got " + model.name() + ")");
        }
        String prompt = contents.prompt(Integer.MAX_VALUE, false);
        ImageInput image = contents.image(IMAGE, context).orElseThrow();
        ContentItems.Item videoItem = contents.ofType(VIDEO).get(0);
        Optional<GeneratedVideo> motion = ContentItems.video(videoItem, context);
        int max = "image".equals(orientation) ? MotionControlValidator.MAX_SECONDS_IMAGE : MotionControlValidator.MAX_SECONDS_VIDEO;
        motion.ifPresent(v -> {
            if (v.durationSeconds() < MotionControlValidator.MIN_SECONDS || v.durationSeconds() > max) {
                throw ApiException.invalidParameter(videoItem.path("url") + " must be " + MotionControlValidator.MIN_SECONDS
                        + " to " + max + " seconds long with character_orientation " + orientation
                        + " (got " + v.durationSeconds() + " s)");
            }
        });
        List<Long> elements = contents.elements(context);
        String resolution = NewDesignSettings.resolution(settings, model, null);
        NewDesignSettings.duration(settings, model);
        NewDesignSettings.absent(settings, "aspect_ratio", "on motion-control: the result follows its inputs");
        String audio = NewDesignSettings.audio(settings, model);
        NewDesignSettings.multiShot(settings, model, false);
        NewDesignSettings.prompt(contents.promptPath(), prompt, model, false, 0);

        int seconds = motion.map(GeneratedVideo::durationSeconds).orElse(MotionControlValidator.UNSEEN_VIDEO_SECONDS);
        FrameSize size = "video".equals(orientation) && motion.isPresent() ? motion.get().spec().size()
                : NewDesignOrders.followImage(image);
        String failure = image.downloadFailure() != null ? image.downloadFailure()
                : ContentItems.videoDownloadFailure(videoItem, motion, context);
        List<String> notes = List.of("orientation " + orientation + " · motion: "
                + motion.map(v -> v.product() + " " + v.durationSeconds() + ".0 s").orElse("external video")
                + (elements.isEmpty() ? "" : " · element " + elements.get(0)));
        return NewDesignOrders.order(NewDesignIds.MOTION_CONTROL, model, body, prompt, seconds, resolution, audio,
                new NewDesignOrders.Look(size, null, null, ImageInputs.previews(List.of(image)), notes, failure));
    }
}
