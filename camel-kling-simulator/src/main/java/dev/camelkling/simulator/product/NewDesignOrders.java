package dev.camelkling.simulator.product;

import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.Preview;
import dev.camelkling.simulator.media.VideoSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a checked new-design create into a {@link TaskOrder}: one video of the requested length and aspect ratio (at
 * the simulator's small frame sizes whatever the resolution, which the frame's caption names), billed in units, with
 * the {@code options{}} applied. With {@code audio=native} the video's sound also comes as an {@code audio} output
 * (MP3 and WAV): kling-api-2026.md §4.1 lists that output type without saying which tasks produce it, and native
 * audio is the one setting that generates sound ({@code original} keeps the input video's).
 */
final class NewDesignOrders {
    /** {@code settings.audio} that generates sound, which the simulator also returns as an {@code audio} output. */
    static final String NATIVE_AUDIO = "native";

    private NewDesignOrders() {
    }

    /**
     * What the result video shows besides the prompt, and how the task ends when an input cannot be fetched.
     *
     * @param inputFailure the first download failure among the inputs (this simulator's own URL with nothing behind
     *                     it), or {@code null}
     */
    record Look(FrameSize size, Preview start, Preview end, List<Preview> gallery, List<String> notes, String inputFailure) {
        static Look of(FrameSize size) {
            return new Look(size, null, null, List.of(), List.of(), null);
        }
    }

    static TaskOrder order(String path, NewDesignModel model, RequestFields body, String prompt, int seconds,
                           String resolution, String audio, Look look) {
        List<String> notes = new ArrayList<>();
        notes.add(model.name() + " · " + resolution + " · audio " + audio);
        notes.addAll(look.notes());
        String text = prompt == null ? "" : prompt;
        TaskOrder.Builder order = TaskOrder.builder(model.name())
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .plannedFailure(look.inputFailure())
                .soundTrack(NATIVE_AUDIO.equals(audio))
                .extraOutputTypes(OutputMarker.outputTypesRequestedBy(prompt))
                .video(new VideoSpec(path, text, look.size(), seconds, look.start(), look.end(), look.gallery(), notes))
                .unitDeduction(model.units(resolution, seconds, audio).stripTrailingZeros().toPlainString());
        return CommonFields.apply(body.section("options"), order).build();
    }

    /** The result's frame size follows an input image's aspect ratio; 16:9 when the image was not seen. */
    static FrameSize followImage(ImageInput image) {
        if (image == null || !image.dimensionsKnown()) {
            return FrameSize.forVideoAspectRatio("16:9");
        }
        return FrameSize.forVideoAspectRatio(FrameSize.closestVideoAspectRatio(image.width(), image.height()));
    }
}
