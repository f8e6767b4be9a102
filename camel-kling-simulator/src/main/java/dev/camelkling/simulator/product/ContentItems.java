package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.GeneratedVideo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code contents[]} of a new-design create (kling-api-2026.md §2.2): typed items, each checked against the types
 * its path takes, with the ids that prompts refer to ({@code @id}) unique.
 */
final class ContentItems {
    static final String PROMPT = "prompt";
    static final String FIRST_FRAME = "first_frame";
    static final String LAST_FRAME = "last_frame";
    static final String REFER_IMAGE = "refer_image";
    static final String FEATURE_VIDEO = "feature_video";
    static final String BASE_VIDEO = "base_video";
    static final String ELEMENT = "element";
    static final String VOICE = "voice";
    static final String IMAGE = "image";
    static final String VIDEO = "video";

    /** One item; {@code path(field)} names its fields in messages, e.g. {@code contents[2].url}. */
    record Item(int index, String type, JsonNode node) {
        String path(String field) {
            return "contents[" + index + "]." + field;
        }

        String string(String field) {
            return RequestFields.string(path(field), node.get(field));
        }

        String required(String field) {
            String value = string(field);
            if (value == null || value.isEmpty()) {
                throw ApiException.invalidParameter(path(field) + " is required for a " + type + " item");
            }
            return value;
        }
    }

    private final List<Item> items;

    private ContentItems(List<Item> items) {
        this.items = items;
    }

    /** Reads {@code contents}: required, a non-empty array of objects whose {@code type} is one of {@code types}. */
    static ContentItems read(RequestFields body, String path, List<String> types) {
        JsonNode list = body.array("contents");
        if (list == null || list.isEmpty()) {
            throw ApiException.invalidParameter("contents is required on " + path + " and must not be empty");
        }
        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (node == null || !node.isObject()) {
                throw ApiException.invalidParameter("contents[" + i + "] must be an object with a type");
            }
            String type = RequestFields.string("contents[" + i + "].type", node.get("type"));
            if (type == null || !types.contains(type)) {
                throw ApiException.invalidParameter("contents[" + i + "].type must be one of " + String.join(", ", types)
                        + " on " + path + " (got " + (type == null ? "none" : "\"" + type + "\"") + ")");
            }
            Item item = new Item(i, type, node);
            String id = item.string("id");
            if (id != null && !ids.add(id)) {
                throw ApiException.invalidParameter(item.path("id") + " \"" + id + "\" is used by another item; ids must be unique");
            }
            items.add(item);
        }
        return new ContentItems(items);
    }

    List<Item> ofType(String type) {
        return items.stream().filter(i -> type.equals(i.type())).toList();
    }

    int count(String type) {
        return ofType(type).size();
    }

    boolean has(String type) {
        return count(type) > 0;
    }

    /** At most {@code max} items of a type. */
    void atMost(String type, int max, String why) {
        List<Item> found = ofType(type);
        if (found.size() > max) {
            throw ApiException.invalidParameter(found.get(max).path("type") + ": at most " + max + " " + type
                    + " item" + (max == 1 ? "" : "s") + " " + why + " (got " + found.size() + ")");
        }
    }

    /** Refuses any item of a type, naming the first. */
    void none(String type, String why) {
        List<Item> found = ofType(type);
        if (!found.isEmpty()) {
            throw ApiException.invalidParameter(found.get(0).path("type") + ": " + type + " items " + why);
        }
    }

    /** The text of the (single) prompt item, checked for length; {@code null} when there is none. */
    String prompt(int maxChars, boolean required) {
        atMost(PROMPT, 1, "are allowed");
        List<Item> prompts = ofType(PROMPT);
        if (prompts.isEmpty()) {
            if (required) {
                throw ApiException.invalidParameter("contents needs a prompt item {\"type\":\"prompt\",\"text\":...}");
            }
            return null;
        }
        Item item = prompts.get(0);
        String text = item.required("text");
        if (text.codePointCount(0, text.length()) > maxChars) {
            throw ApiException.invalidParameter(item.path("text") + " must be at most " + maxChars + " characters");
        }
        return text;
    }

    /** How messages name the prompt's text: {@code contents[i].text}. */
    String promptPath() {
        return ofType(PROMPT).stream().findFirst().map(item -> item.path("text")).orElse("contents[].text");
    }

    /** The single image of a type ({@code url}: http(s) URL or raw Base64), with the new design's limits. */
    Optional<ImageInput> image(String type, ValidationContext context) {
        atMost(type, 1, "are allowed");
        return ofType(type).stream().findFirst()
                .map(item -> ImageInputs.read(item.path("url"), item.required("url"), context, ImageInputs.Rules.PICTURE_2026));
    }

    /** Every image of a type, in order. */
    List<ImageInput> images(String type, ValidationContext context) {
        return ofType(type).stream()
                .map(item -> ImageInputs.read(item.path("url"), item.required("url"), context, ImageInputs.Rules.PICTURE_2026))
                .toList();
    }

    /** A video item's {@code url}: an http(s) URL (never Base64) to an .mp4/.mov; this simulator's own video when it is one. */
    static Optional<GeneratedVideo> video(Item item, ValidationContext context) {
        return VideoInputs.url(item.path("url"), item.required("url"), context);
    }

    /** The failure a task meets when a video URL points at this simulator but nothing is there, else {@code null}. */
    static String videoDownloadFailure(Item item, Optional<GeneratedVideo> own, ValidationContext context) {
        String url = item.string("url");
        return own.isEmpty() && context.isOwnUrl(url) ? "Failed to download " + item.path("url") + " from " + url : null;
    }

    /** The {@code element} items: {@code element_id} (an int64 in the library) and {@code id}, both required. */
    List<Long> elements(ValidationContext context) {
        List<Long> ids = new ArrayList<>();
        for (Item item : ofType(ELEMENT)) {
            item.required("id");
            ids.add(Elements.id(item.path("element_id"), item.node().get("element_id"), context));
        }
        return ids;
    }

    /** The {@code voice} items: {@code voice_id} and {@code id}, both required. */
    void voices() {
        for (Item item : ofType(VOICE)) {
            item.required("voice_id");
            item.required("id");
        }
    }
}
