package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.GeneratedVideo;
import dev.camelkling.simulator.media.VideoSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * §6.6 video extend. The source must be a text2video, image2video or video-extend output of the
 * caller's account, younger than the video retention (30 days). Each extension adds exactly
 * {@value #EXTENSION_SECONDS} s, up to {@value #MAX_TOTAL_SECONDS} s in total. Model and mode are
 * inherited: {@code model_name}/{@code mode} may be sent only with the source's own values.
 */
final class VideoExtendValidator implements RequestValidator {
    static final String PRODUCT = "video-extend";
    static final int EXTENSION_SECONDS = 5;
    static final int MAX_TOTAL_SECONDS = 180;
    static final Set<String> EXTENDABLE = Set.of(Text2VideoValidator.PRODUCT, Image2VideoValidator.PRODUCT, PRODUCT);

    @Override
    public TaskOrder validate(RequestFields fields, ValidationContext context) {
        String videoId = fields.string("video_id");
        if (videoId == null || videoId.isBlank()) {
            throw ApiException.invalidParameter("video_id is required");
        }
        GeneratedVideo source = VideoInputs.byId("video_id", videoId, context);
        if (!EXTENDABLE.contains(source.product())) {
            throw ApiException.invalidParameter("video_id " + videoId + " is a " + source.product()
                    + " output; only text2video, image2video and video-extend outputs can be extended");
        }
        int total = source.durationSeconds() + EXTENSION_SECONDS;
        if (total > MAX_TOTAL_SECONDS) {
            throw ApiException.invalidParameter("video_id " + videoId + " is already " + source.durationSeconds()
                    + " s long; extending it by " + EXTENSION_SECONDS + " s would exceed the " + MAX_TOTAL_SECONDS + " s limit");
        }
        inherited(fields, "model_name", source.modelName());
        String mode = inherited(fields, "mode", source.mode());
        String prompt = fields.text("prompt", false, RequestFields.MAX_PROMPT_CHARS);
        VideoFields.negativePrompt(fields);
        VideoFields.cfgScale(fields);

        VideoSpec from = source.spec();
        List<String> notes = new ArrayList<>();
        notes.add("video extend: " + source.durationSeconds() + ".0 s -> " + total + ".0 s");
        if (from.prompt() != null && !from.prompt().isBlank()) {
            notes.add("continues: " + abbreviate(from.prompt(), 60));
        }
        String shown = prompt == null || prompt.isBlank() ? from.prompt() : prompt;
        TaskOrder.Builder order = TaskOrder.builder(source.modelName())
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .mode(mode)
                .parentVideo(new TaskOrder.ParentVideo(source.id(), source.url(), source.spec().durationText()))
                .video(new VideoSpec(PRODUCT, shown, from.size(), total, from.startImage(), from.endImage(), from.gallery(), notes))
                .unitDeduction("pro".equals(mode) ? "2" : "1");
        return CommonFields.apply(fields, order).build();
    }

    /** A field the extension inherits: absent or equal to the source's value; anything else is 1201. */
    private static String inherited(RequestFields fields, String name, String sourceValue) {
        String value = fields.string(name);
        if (value != null && !value.isEmpty() && !value.equals(sourceValue)) {
            throw ApiException.invalidParameter(name + " cannot be changed by video-extend: it is inherited from the source video ("
                    + (sourceValue == null ? "none" : sourceValue) + ")");
        }
        return sourceValue;
    }

    static String abbreviate(String text, int max) {
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }
}
