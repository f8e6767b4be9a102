package dev.camelkling.client.schema;

import java.util.List;

/**
 * One row of the new design's model tables (kling-api-2026.md §2.3): what {@code settings} one model takes on one create
 * path. Empty lists mean the field must be absent ({@code durations}: motion control follows its video; {@code audio}:
 * no audio field on the model's pages, §9.3).
 *
 * @param id                     the model id in the path, e.g. {@code kling-3.0}
 * @param resolutions            {@code settings.resolution} values, the default first
 * @param durations              {@code settings.duration} seconds (integers); empty = must be absent
 * @param audio                  {@code settings.audio} values, the default first; empty = must be absent
 * @param multiShot              whether {@code settings.multi_shot} may be given
 * @param shotSyntax             whether a {@code shot 1, 4, words; ...} prompt is read as shots (the 3.0 family)
 * @param aspectRatio            whether {@code settings.aspect_ratio} may be given
 * @param maxPromptLength        characters
 * @param lastFrame              whether a last frame may be given (with a first frame)
 * @param maxElements            {@code element} items; 0 = none
 * @param maxVoices              {@code voice} items; 0 = none
 * @param fullHdFor              what needs {@code 1080p}: {@code "native audio"}, {@code "first and last frame"}
 */
public record NewDesignModel(String id, List<String> resolutions, List<Integer> durations, List<String> audio,
        boolean multiShot, boolean shotSyntax, boolean aspectRatio, int maxPromptLength, boolean lastFrame,
        int maxElements, int maxVoices, List<String> fullHdFor) {

    public NewDesignModel {
        resolutions = List.copyOf(resolutions);
        durations = List.copyOf(durations);
        audio = List.copyOf(audio);
        fullHdFor = List.copyOf(fullHdFor);
    }

    /**
     * Whether this model takes {@code field} on {@code product} at all, by this row: a setting it has, a last frame,
     * elements, voices; {@code character_orientation} is motion control's. Fields no row bounds (prompt, media, options)
     * are taken wherever the path has them ({@link NewDesignProduct#takes}).
     */
    public boolean takes(NewDesignProduct product, String field) {
        return switch (field) {
            case "resolution" -> !resolutions.isEmpty();
            case "duration" -> !durations.isEmpty();
            case "aspect_ratio" -> aspectRatio;
            case "audio" -> !audio.isEmpty();
            case "multi_shot" -> multiShot;
            case "character_orientation" -> product == NewDesignProduct.MOTION_CONTROL;
            case "image_tail" -> lastFrame;
            case "element_list" -> maxElements > 0;
            case "voice_list" -> maxVoices > 0;
            default -> true;
        };
    }
}
