package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.GeneratedVideo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.camelkling.simulator.product.ContentItems.BASE_VIDEO;
import static dev.camelkling.simulator.product.ContentItems.ELEMENT;
import static dev.camelkling.simulator.product.ContentItems.FEATURE_VIDEO;
import static dev.camelkling.simulator.product.ContentItems.FIRST_FRAME;
import static dev.camelkling.simulator.product.ContentItems.LAST_FRAME;
import static dev.camelkling.simulator.product.ContentItems.PROMPT;
import static dev.camelkling.simulator.product.ContentItems.REFER_IMAGE;

/**
 * {@code POST /omni-video/{model}} (kling-api-2026.md §2.2-§2.4): frames, reference images, one reference or base
 * video and elements, with the count rules of §2.4. A "reference video" in those rules is the one
 * {@code feature_video} or {@code base_video} item.
 */
final class OmniVideoRules implements NewDesignValidator {
    static final int MAX_REFERENCES = 7;
    static final int MAX_REFERENCES_BESIDE_VIDEO_OR_CHARACTERS = 4;
    static final int MAX_VIDEO_CHARACTERS = 3;
    static final int MAX_VIDEO_CHARACTERS_BESIDE_VIDEO = 1;
    static final int MAX_ELEMENTS_WITH_FRAMES = 3;
    static final int MIN_VIDEO_SECONDS = 3;
    static final int MAX_VIDEO_SECONDS = 15;
    static final int MAX_VIDEO_SECONDS_O1 = 10;
    static final double MIN_VIDEO_RATIO = 0.4;
    static final double MAX_VIDEO_RATIO = 2.0;
    private static final List<String> TYPES = List.of(PROMPT, FIRST_FRAME, LAST_FRAME, REFER_IMAGE, FEATURE_VIDEO,
            BASE_VIDEO, ELEMENT);

    @Override
    public TaskOrder validate(NewDesignModel model, RequestFields body, ValidationContext context) {
        RequestFields settings = NewDesignSettings.read(body);
        ContentItems contents = ContentItems.read(body, NewDesignIds.OMNI_VIDEO, TYPES);
        boolean o1 = NewDesignIds.KLING_O1.equals(model.name());
        String prompt = contents.prompt(Integer.MAX_VALUE, true);
        ImageInput first = contents.image(FIRST_FRAME, context).orElse(null);
        ImageInput last = contents.image(LAST_FRAME, context).orElse(null);
        if (last != null && first == null) {
            throw ApiException.invalidParameter("contents: a last_frame needs a first_frame (a last frame alone is not allowed)");
        }
        List<ImageInput> images = contents.images(REFER_IMAGE, context);
        ContentItems.Item video = video(contents);
        List<Long> elements = contents.elements(context);
        int characters = (int) elements.stream().filter(context::isVideoCharacterElement).count();
        if (o1 && characters > 0) {
            throw ApiException.invalidParameter("contents: kling-o1 takes multi-image elements only, not video-character elements");
        }
        counts(images.size(), elements.size() - characters, characters, video != null);
        frames(o1, first, last, images.size(), elements.size(), video);

        String audio = NewDesignSettings.audio(settings, model);
        boolean multiShot = NewDesignSettings.multiShot(settings, model, video == null || !BASE_VIDEO.equals(video.type()));
        videoRules(settings, video, audio, multiShot);
        String resolution = NewDesignSettings.resolution(settings, model, null);
        String aspectRatio = NewDesignSettings.aspectRatio(settings,
                first == null && video == null ? "when there is neither a first_frame nor a reference video" : null);
        int duration = NewDesignSettings.duration(settings, model);
        boolean firstFrameOnly = first != null && last == null && images.isEmpty() && elements.isEmpty() && video == null;
        if (o1 && firstFrameOnly && duration != 5 && duration != 10) {
            throw ApiException.invalidParameter(settings.path("duration") + " must be 5 or 10 on kling-o1 with a first frame"
                    + " and no other reference (got " + duration + ")");
        }
        NewDesignSettings.absent(settings, "character_orientation", "on omni-video (motion-control only)");
        NewDesignSettings.prompt(contents.promptPath(), prompt, model, multiShot, duration);

        Optional<GeneratedVideo> own = video == null ? Optional.empty() : ownVideo(video, o1, context);
        String failure = firstFailure(first, last, images, video, own, context);
        FrameSize size = first != null ? NewDesignOrders.followImage(first)
                : own.map(v -> v.spec().size()).orElse(FrameSize.forVideoAspectRatio(aspectRatio));
        List<String> notes = new ArrayList<>();
        if (video != null) {
            notes.add(video.type() + ": " + own.map(v -> v.product() + " " + v.durationSeconds() + ".0 s").orElse("external video"));
        }
        if (!elements.isEmpty()) {
            notes.add("elements " + elements);
        }
        return NewDesignOrders.order(NewDesignIds.OMNI_VIDEO, model, body, prompt, duration, resolution, audio,
                new NewDesignOrders.Look(size, first == null ? null : first.preview(), last == null ? null : last.preview(),
                        ImageInputs.previews(images), notes, failure));
    }

    /** The one reference or base video, or {@code null}. */
    private static ContentItems.Item video(ContentItems contents) {
        List<ContentItems.Item> videos = new ArrayList<>(contents.ofType(FEATURE_VIDEO));
        videos.addAll(contents.ofType(BASE_VIDEO));
        if (videos.size() > 1) {
            throw ApiException.invalidParameter("contents: at most one reference video (feature_video or base_video) is allowed"
                    + " (got " + videos.size() + ")");
        }
        return videos.isEmpty() ? null : videos.get(0);
    }

    /** §2.4 counts of reference images, multi-image elements and video-character elements. */
    private static void counts(int images, int multiImageElements, int characters, boolean withVideo) {
        int references = images + multiImageElements;
        if (withVideo) {
            requireAtMost(references, MAX_REFERENCES_BESIDE_VIDEO_OR_CHARACTERS, "refer_image items plus multi-image elements",
                    "with a reference video");
            requireAtMost(characters, MAX_VIDEO_CHARACTERS_BESIDE_VIDEO, "video-character elements", "with a reference video");
            if (characters > 0 && images > 0) {
                throw ApiException.invalidParameter("contents: video-character elements and refer_image items cannot be"
                        + " combined with a reference video");
            }
        } else if (characters > 0) {
            requireAtMost(characters, MAX_VIDEO_CHARACTERS, "video-character elements", "without a reference video");
            requireAtMost(references, MAX_REFERENCES_BESIDE_VIDEO_OR_CHARACTERS, "refer_image items plus multi-image elements",
                    "beside video-character elements");
        } else {
            requireAtMost(references, MAX_REFERENCES, "refer_image items plus multi-image elements", "without a reference video");
        }
    }

    /** §2.4 with frames: ≤ 3 elements; kling-o1 with first and last frame: no elements, no extra images; base video: no frames. */
    private static void frames(boolean o1, ImageInput first, ImageInput last, int images, int elements, ContentItems.Item video) {
        if (first == null) {
            return;
        }
        if (video != null && BASE_VIDEO.equals(video.type())) {
            throw ApiException.invalidParameter("contents: a base_video cannot be combined with a first_frame or last_frame");
        }
        if (o1 && last != null && (elements > 0 || images > 0)) {
            throw ApiException.invalidParameter("contents: kling-o1 with a first and a last frame takes no elements and no"
                    + " refer_image items");
        }
        requireAtMost(elements, MAX_ELEMENTS_WITH_FRAMES, "elements", "with a first frame");
    }

    /** feature_video: multi_shot true and audio off; base_video: no multi-shot and audio not native. */
    private static void videoRules(RequestFields settings, ContentItems.Item video, String audio, boolean multiShot) {
        if (video == null) {
            return;
        }
        if (FEATURE_VIDEO.equals(video.type())) {
            if (!multiShot) {
                throw ApiException.invalidParameter(settings.path("multi_shot") + " must be true with a feature_video");
            }
            if (!"off".equals(audio)) {
                throw ApiException.invalidParameter(settings.path("audio") + " must be off with a feature_video (got \"" + audio + "\")");
            }
        } else {
            if (multiShot) {
                throw ApiException.invalidParameter(settings.path("multi_shot") + " must be false with a base_video");
            }
            if ("native".equals(audio)) {
                throw ApiException.invalidParameter(settings.path("audio") + " cannot be native with a base_video");
            }
        }
    }

    /**
     * The video when it is this simulator's own: 3 to 15.5 s (kling-o1: 3 to 10 s), aspect ratio 0.4 to 2. Pixel
     * sides, area, fps and file size are not checked: the simulator's own videos are deliberately tiny.
     */
    private static Optional<GeneratedVideo> ownVideo(ContentItems.Item item, boolean o1, ValidationContext context) {
        Optional<GeneratedVideo> own = ContentItems.video(item, context);
        own.ifPresent(v -> {
            int max = o1 ? MAX_VIDEO_SECONDS_O1 : MAX_VIDEO_SECONDS;
            if (v.durationSeconds() < MIN_VIDEO_SECONDS || v.durationSeconds() > max) {
                throw ApiException.invalidParameter(item.path("url") + " must be a video of " + MIN_VIDEO_SECONDS + " to "
                        + (o1 ? "10" : "15.5") + " seconds (got " + v.durationSeconds() + " s)");
            }
            double ratio = (double) v.spec().size().width() / v.spec().size().height();
            if (ratio < MIN_VIDEO_RATIO || ratio > MAX_VIDEO_RATIO) {
                throw ApiException.invalidParameter(item.path("url") + " aspect ratio must be between 0.4 and 2");
            }
        });
        return own;
    }

    private static String firstFailure(ImageInput first, ImageInput last, List<ImageInput> images, ContentItems.Item video,
                                       Optional<GeneratedVideo> own, ValidationContext context) {
        List<ImageInput> all = new ArrayList<>();
        if (first != null) {
            all.add(first);
        }
        if (last != null) {
            all.add(last);
        }
        all.addAll(images);
        String failure = ImageInputs.downloadFailure(all);
        if (failure == null && video != null) {
            failure = ContentItems.videoDownloadFailure(video, own, context);
        }
        return failure;
    }

    private static void requireAtMost(int count, int max, String what, String when) {
        if (count > max) {
            throw ApiException.invalidParameter("contents: at most " + max + " " + what + " " + when + " (got " + count + ")");
        }
    }
}
