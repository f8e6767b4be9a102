package dev.camelkling.client.schema;

import dev.camelkling.client.media.KlingMedia;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rules of a new-design request (kling-api-2026.md §2.2-§2.4), driven by the model's {@link NewDesignModel} row:
 * which fields the path takes, the settings per model, the contents, the multi-shot prompt; omni-video's counts are {@link OmniVideoRules}.
 * The first broken rule is reported, naming the request field (the names the request uses, e.g. {@code image} for the
 * first frame). Rules that depend on what only the server knows (which library elements are video-character elements,
 * the length of a video at a URL) are left to the server.
 */
final class NewDesignRules {

    /** Omni-video: reference images + elements without a reference video (§2.4). */
    static final int MAX_REFERENCES = 7;
    /** Omni-video: reference images + elements with a reference video. */
    static final int MAX_REFERENCES_WITH_VIDEO = 4;
    static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1");
    static final List<String> ORIENTATIONS = List.of("image", "video");
    private static final String FULL_HD = "1080p";
    /** {@code settings.duration} when absent (kling-api-2026.md §2.3). */
    static final int DEFAULT_DURATION = 5;

    private NewDesignRules() {
    }

    /** The first rule {@code values} break on {@code product} with the model of {@code model_name}. */
    static Optional<Violation> check(NewDesignProduct product, Map<String, Object> values) {
        String modelName = (String) values.get("model_name");
        Optional<NewDesignModel> row = NewDesignModels.model(product, modelName);
        if (row.isEmpty()) {
            return violation("model_name", LooseValues.describe(modelName) + " is a new-design model that " + product.path()
                    + " does not serve (models there: " + NewDesignModels.ids(product) + ")");
        }
        NewDesignModel model = row.get();
        NewDesignRequest context = new NewDesignRequest(product, model, values);
        return Stream.<Function<NewDesignRequest, Optional<Violation>>>of(NewDesignRules::foreignFields, NewDesignRules::prompt,
                        NewDesignRules::settings, NewDesignRules::fullHd, NewDesignRules::media, NewDesignRules::frames,
                        NewDesignRules::itemCounts, OmniVideoRules::check, NewDesignRules::shots)
                .map(rule -> rule.apply(context)).flatMap(Optional::stream).findFirst();
    }

    static Optional<Violation> violation(String field, String rule) {
        return Optional.of(new Violation(field, rule));
    }

    /** The legacy fields the new design does not have: negative_prompt, cfg_scale, mode, camera_control, sound, ... */
    private static Optional<Violation> foreignFields(NewDesignRequest c) {
        return c.values().keySet().stream().filter(field -> !c.product().fields().contains(field)).findFirst()
                .map(field -> new Violation(field, "is not a field of the new design (model_name " + c.model().id()
                        + "); it applies to legacy models only"));
    }

    private static Optional<Violation> prompt(NewDesignRequest c) {
        if (!(c.get("prompt") instanceof String prompt) || prompt.isBlank()) {
            return c.product().promptRequired() ? violation("prompt", "is required " + c.on()) : Optional.empty();
        }
        int length = prompt.codePointCount(0, prompt.length());
        return length > c.model().maxPromptLength()
                ? violation("prompt", "must be at most " + c.model().maxPromptLength() + " characters " + c.on() + " (was " + length + ")")
                : Optional.empty();
    }

    /** Each setting against the model's row: allowed values, or absent when the model has no such setting. */
    private static Optional<Violation> settings(NewDesignRequest c) {
        NewDesignModel model = c.model();
        boolean motion = c.product() == NewDesignProduct.MOTION_CONTROL;
        return oneOf(c, "resolution", model.resolutions(), "")
                .or(() -> oneOf(c, "duration", model.durations().stream().map(String::valueOf).toList(),
                        ": the video lasts as long as the motion video"))
                .or(() -> oneOf(c, "aspect_ratio", model.aspectRatio() ? ASPECT_RATIOS : List.of(),
                        motion ? ": it follows the character image" : ": the first frame sets it"))
                .or(() -> oneOf(c, "audio", model.audio(), ""))
                .or(() -> model.multiShot() || !c.given("multi_shot") ? Optional.empty()
                        : violation("multi_shot", "must be absent " + c.on() + ": that model has no multi_shot setting"))
                .or(() -> motion ? required(c, "character_orientation", ORIENTATIONS)
                        : oneOf(c, "character_orientation", List.of(), ": it is a motion-control setting"));
    }

    private static Optional<Violation> required(NewDesignRequest c, String field, List<String> allowed) {
        return c.given(field) ? oneOf(c, field, allowed, "") : violation(field, "is required " + c.on());
    }

    private static Optional<Violation> oneOf(NewDesignRequest c, String field, List<String> allowed, String whyAbsent) {
        Object value = c.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (allowed.isEmpty()) {
            return violation(field, "must be absent " + c.on() + whyAbsent);
        }
        return allowed.contains(String.valueOf(value)) ? Optional.empty()
                : violation(field, "must be one of " + allowed + " " + c.on() + " (was " + LooseValues.describe(value) + ")");
    }

    /** kling-2.6 and kling-2.5-turbo: native audio, or a first and a last frame, need 1080p (an absent resolution is then 1080p). */
    private static Optional<Violation> fullHd(NewDesignRequest c) {
        Object resolution = c.get("resolution");
        if (resolution == null || FULL_HD.equals(resolution)) {
            return Optional.empty();
        }
        List<String> needs = c.model().fullHdFor();
        if (needs.contains(NewDesignModels.NATIVE_AUDIO) && "native".equals(c.get("audio"))) {
            return violation("resolution", "must be 1080p with audio native " + c.on() + " (was " + LooseValues.describe(resolution) + ")");
        }
        if (needs.contains(NewDesignModels.FIRST_AND_LAST_FRAME) && c.given("image") && c.given("image_tail")) {
            return violation("resolution", "must be 1080p with a first and a last frame " + c.on() + " (was "
                    + LooseValues.describe(resolution) + ")");
        }
        return Optional.empty();
    }

    /** Images: jpg/png, ≤ 50 MB, sides ≥ 300 px, ratio 1:2.5 to 2.5:1 (§2.2). */
    private static Optional<Violation> media(NewDesignRequest c) {
        for (String field : List.of("image", "image_tail", "image_url")) {
            if (c.get(field) instanceof KlingMedia image) {
                Optional<Violation> violation = MediaRules.checkImage(field, image, MediaRules.NEW_DESIGN);
                if (violation.isPresent()) {
                    return violation;
                }
            }
        }
        if (c.get("reference_images") instanceof List<?> images) {
            for (int i = 0; i < images.size(); i++) {
                Optional<Violation> violation = MediaRules.checkImage("reference_images[" + i + "].image",
                        (KlingMedia) ((Map<?, ?>) images.get(i)).get("image"), MediaRules.NEW_DESIGN);
                if (violation.isPresent()) {
                    return violation;
                }
            }
        }
        return Optional.empty(); // video URLs: their field rules, which the new design shares (RequestSchema.validate)
    }

    /** First and last frames: image-to-video needs a first frame, a last frame never comes alone (§2.2). */
    private static Optional<Violation> frames(NewDesignRequest c) {
        NewDesignProduct product = c.product();
        if (product == NewDesignProduct.IMAGE_TO_VIDEO && !c.given("image")) {
            return violation("image", "is required " + c.on() + ": the first frame");
        }
        if (product == NewDesignProduct.MOTION_CONTROL) {
            return c.given("image_url") ? Optional.empty() : violation("image_url", "is required " + c.on() + ": the character image");
        }
        if (c.given("image_tail") && !c.given("image")) {
            return violation("image_tail", "needs a first frame (image): a last frame alone is never allowed");
        }
        if (c.given("image_tail") && !c.model().lastFrame()) {
            return violation("image_tail", "must be absent " + c.on() + ": that model takes a first frame only");
        }
        return Optional.empty();
    }

    /** Elements and voices per model (image-to-video, motion control); omni-video counts them in {@link #omniVideo}. */
    private static Optional<Violation> itemCounts(NewDesignRequest c) {
        NewDesignModel model = c.model();
        if (c.product() != NewDesignProduct.OMNI_VIDEO && c.count("element_list") > model.maxElements()) {
            return violation("element_list", model.maxElements() == 0 ? "must be absent " + c.on() + ": that model takes no elements"
                    : "must have at most " + model.maxElements() + (model.maxElements() == 1 ? " item " : " items ") + c.on()
                            + " (was " + c.count("element_list") + ")");
        }
        if (c.count("voice_list") > model.maxVoices()) {
            return violation("voice_list", model.maxVoices() == 0 ? "must be absent " + c.on() + ": voices are kling-2.6's"
                    : "must have at most " + model.maxVoices() + " items " + c.on() + " (was " + c.count("voice_list") + ")");
        }
        if (c.given("voice_list") && !"native".equals(c.get("audio"))) {
            return violation("voice_list", "requires audio to be \"native\" (was "
                    + (c.get("audio") == null ? "absent" : LooseValues.describe(c.get("audio"))) + ")");
        }
        return Optional.empty();
    }

    /** The 3.0 family reads a prompt starting {@code shot 1,} as shots; {@code multi_shot: false} refuses it. */
    private static Optional<Violation> shots(NewDesignRequest c) {
        if (!c.model().shotSyntax() || !(c.get("prompt") instanceof String prompt) || !MultiShotPrompt.isShots(prompt)) {
            return Optional.empty();
        }
        if (Boolean.FALSE.equals(c.get("multi_shot"))) {
            return violation("prompt", "must not use the shot syntax (shot 1, ...) with multi_shot false");
        }
        int duration = c.get("duration") == null ? DEFAULT_DURATION : Integer.parseInt((String) c.get("duration"));
        return MultiShotPrompt.check("prompt", prompt, duration);
    }
}
