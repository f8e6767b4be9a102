package dev.camelkling.client.schema;

import java.util.List;
import java.util.Optional;

import static dev.camelkling.client.schema.NewDesignRules.violation;

/**
 * Omni-video's rules of kling-api-2026.md §2.4 (kling-3.0-omni; kling-o1 where it differs): one reference video at
 * most, how many reference images and elements go with a video or a first frame, and what a feature (reference) or
 * base video allows. Which elements are video-character elements only the server knows, so their own limits are its.
 */
final class OmniVideoRules {

    /** Elements with a first frame (kling-3.0-omni). */
    static final int MAX_ELEMENTS_WITH_FIRST_FRAME = 3;

    private OmniVideoRules() {
    }

    /** §2.4: one reference video at most, the reference counts, and what a feature or base video allows. */
    static Optional<Violation> check(NewDesignRequest c) {
        if (c.product() != NewDesignProduct.OMNI_VIDEO) {
            return Optional.empty();
        }
        boolean o1 = NewDesignModels.KLING_O1.equals(c.model().id());
        int references = c.count("reference_images") + c.count("element_list");
        if (c.given("reference_video") && c.given("base_video")) {
            return violation("base_video", "cannot be combined with reference_video: at most one reference video");
        }
        if (!c.given("image") && !c.hasVideo() && !c.given("aspect_ratio")) {
            return violation("aspect_ratio", "is required " + c.on() + " when there is neither a first frame (image) nor a reference video");
        }
        int max = c.hasVideo() ? NewDesignRules.MAX_REFERENCES_WITH_VIDEO : NewDesignRules.MAX_REFERENCES;
        if (references > max) {
            return violation("reference_images + element_list", "must have at most " + max + " items in total "
                    + (c.hasVideo() ? "with" : "without") + " a reference video (was " + references + ")");
        }
        if (o1 && c.given("image") && c.given("image_tail") && references > 0) {
            return violation(c.given("element_list") ? "element_list" : "reference_images",
                    "must be absent " + c.on() + " with a first and a last frame");
        }
        if (c.given("image") && c.count("element_list") > MAX_ELEMENTS_WITH_FIRST_FRAME) {
            return violation("element_list", "must have at most " + MAX_ELEMENTS_WITH_FIRST_FRAME + " items with a first frame (was "
                    + c.count("element_list") + ")");
        }
        if (c.given("reference_video") && Boolean.FALSE.equals(c.get("multi_shot"))) {
            return violation("multi_shot", "must be true with a reference_video (feature video)");
        }
        if (c.given("reference_video") && c.given("audio") && !"off".equals(c.get("audio"))) {
            return violation("audio", "must be \"off\" with a reference_video (feature video) (was " + LooseValues.describe(c.get("audio")) + ")");
        }
        if (c.given("base_video")) {
            return baseVideo(c);
        }
        boolean firstFrameOnly = c.given("image") && !c.given("image_tail") && references == 0 && !c.hasVideo();
        if (o1 && firstFrameOnly && c.given("duration") && !List.of("5", "10").contains(c.get("duration"))) {
            return violation("duration", "must be 5 or 10 " + c.on() + " with a first frame and no other reference (was "
                    + LooseValues.describe(c.get("duration")) + ")");
        }
        return Optional.empty();
    }

    /** A base video (the video to edit): no frames, no multi-shot, audio not native. */
    private static Optional<Violation> baseVideo(NewDesignRequest c) {
        if (c.given("image") || c.given("image_tail")) {
            return violation(c.given("image") ? "image" : "image_tail", "cannot be combined with base_video: a video to edit takes no frames");
        }
        if (Boolean.TRUE.equals(c.get("multi_shot"))) {
            return violation("multi_shot", "must not be true with a base_video");
        }
        if ("native".equals(c.get("audio"))) {
            return violation("audio", "must not be \"native\" with a base_video");
        }
        return Optional.empty();
    }
}
