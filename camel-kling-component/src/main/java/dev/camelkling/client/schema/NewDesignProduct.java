package dev.camelkling.client.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The four create paths of the new design (kling-api-2026.md §2) and where each request field goes on them: the
 * prompt (top-level on text-to-video, a {@code contents[]} item elsewhere), the {@code contents[]} items, {@code settings}
 * and {@code options}. The request fields keep the names the legacy design gave them, so that one request type and one
 * set of options serve both designs: {@code image} is the first frame, {@code image_tail} the last frame,
 * {@code element_list} and {@code voice_list} the {@code element} and {@code voice} items.
 */
public enum NewDesignProduct {
    TEXT_TO_VIDEO("/text-to-video", true, true, List.of()),
    IMAGE_TO_VIDEO("/image-to-video", false, false, List.of(
            ContentField.media("image", "first_frame"),
            ContentField.media("image_tail", "last_frame"),
            ContentField.elements(),
            ContentField.voices())),
    OMNI_VIDEO("/omni-video", false, true, List.of(
            ContentField.media("image", "first_frame"),
            ContentField.media("image_tail", "last_frame"),
            new ContentField("reference_images", "refer_image", ContentKind.IMAGE_LIST, "image_"),
            new ContentField("reference_video", "feature_video", ContentKind.URL, "video_"),
            new ContentField("base_video", "base_video", ContentKind.URL, "video_"),
            ContentField.elements())),
    MOTION_CONTROL("/motion-control", false, false, List.of(
            ContentField.media("image_url", "image"),
            new ContentField("video_url", "video", ContentKind.URL, null),
            ContentField.elements()));

    /** The {@code settings} fields, in wire order; which a model takes is its {@link NewDesignModel} row. */
    static final List<String> SETTINGS = List.of("resolution", "duration", "aspect_ratio", "audio", "multi_shot",
            "character_orientation");
    /** The {@code options} fields (kling-api-2026.md §2.1). */
    static final List<String> OPTIONS = List.of("callback_url", "external_task_id", "watermark_info");
    /** The fields whose own rules are the same on both designs: the options and the video URLs (http(s), .mp4/.mov). */
    static final List<String> SHARED_FIELD_RULES = List.of("callback_url", "external_task_id", "watermark_info",
            "video_url", "reference_video", "base_video");

    private final String path;
    private final boolean promptOnTop;
    private final boolean promptRequired;
    private final List<ContentField> contents;

    NewDesignProduct(String path, boolean promptOnTop, boolean promptRequired, List<ContentField> contents) {
        this.path = path;
        this.promptOnTop = promptOnTop;
        this.promptRequired = promptRequired;
        this.contents = contents;
    }

    /** Whether the new design takes {@code field} in {@code settings}, where the model's row, not the legacy rule, bounds it. */
    public static boolean isSetting(String field) {
        return SETTINGS.contains(field);
    }

    /** The create path without the model: {@code /text-to-video}; a create posts to {@code path + "/" + model}. */
    public String path() {
        return path;
    }

    /** The product name as the vendor writes it in paths: {@code text-to-video}. */
    public String productName() {
        return path.substring(1);
    }

    boolean promptOnTop() {
        return promptOnTop;
    }

    boolean promptRequired() {
        return promptRequired;
    }

    List<ContentField> contents() {
        return contents;
    }

    boolean isContent(String field) {
        return contents.stream().anyMatch(content -> content.field().equals(field));
    }

    /** Whether this path takes {@code field} with at least one of its models ({@link NewDesignModel#takes}). */
    public boolean takes(String field) {
        return fields().contains(field) && NewDesignModels.models(this).stream().anyMatch(model -> model.takes(this, field));
    }

    /** Every request field this path takes: model, prompt, contents, settings, options. */
    Set<String> fields() {
        List<String> all = new ArrayList<>(List.of("model_name", "prompt"));
        contents.forEach(content -> all.add(content.field()));
        Stream.of(SETTINGS, OPTIONS).forEach(all::addAll);
        return Set.copyOf(all);
    }

    /** How one request field becomes {@code contents[]} items. */
    enum ContentKind {
        /** One {@code KlingMedia}: {@code {type, url}}. */
        MEDIA,
        /** {@code [{image: KlingMedia}]}: one {@code {type, url, id}} each. */
        IMAGE_LIST,
        /** An http(s) URL text: {@code {type, url[, id]}}. */
        URL,
        /** {@code [{element_id}]}: {@code {type: element, element_id, id}} each. */
        ELEMENTS,
        /** {@code [{voice_id}]}: {@code {type: voice, voice_id, id}} each. */
        VOICES
    }

    /**
     * @param idPrefix the {@code id} the client gives the items, numbered from 1 ({@code image_1}, {@code element_2}),
     *                 which a prompt names as {@code @image_1}; {@code null} for items sent without an id
     */
    record ContentField(String field, String type, ContentKind kind, String idPrefix) {

        static ContentField media(String field, String type) {
            return new ContentField(field, type, ContentKind.MEDIA, null);
        }

        static ContentField elements() {
            return new ContentField("element_list", "element", ContentKind.ELEMENTS, "element_");
        }

        static ContentField voices() {
            return new ContentField("voice_list", "voice", ContentKind.VOICES, "voice_");
        }
    }
}
