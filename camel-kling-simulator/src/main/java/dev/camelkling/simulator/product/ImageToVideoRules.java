package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;

import java.util.List;

import static dev.camelkling.simulator.product.ContentItems.ELEMENT;
import static dev.camelkling.simulator.product.ContentItems.FIRST_FRAME;
import static dev.camelkling.simulator.product.ContentItems.LAST_FRAME;
import static dev.camelkling.simulator.product.ContentItems.PROMPT;
import static dev.camelkling.simulator.product.ContentItems.VOICE;

/**
 * {@code POST /image-to-video/{model}}: {@code contents[]} with a first frame (kling-api-2026.md §2.2, §2.3). A last
 * frame needs a first one and is not for kling-3.0-turbo; elements (≤ 3) only on kling-3.0; voices (≤ 2, audio
 * native) only on kling-2.6; the aspect ratio follows the first frame.
 */
final class ImageToVideoRules implements NewDesignValidator {
    static final int MAX_ELEMENTS = 3;
    static final int MAX_VOICES = 2;
    private static final List<String> TYPES = List.of(PROMPT, FIRST_FRAME, LAST_FRAME, ELEMENT, VOICE);

    @Override
    public TaskOrder validate(NewDesignModel model, RequestFields body, ValidationContext context) {
        RequestFields settings = NewDesignSettings.read(body);
        ContentItems contents = ContentItems.read(body, NewDesignIds.IMAGE_TO_VIDEO, TYPES);
        String name = model.name();
        if (!contents.has(FIRST_FRAME)) {
            throw ApiException.invalidParameter("contents needs a first_frame item on image-to-video"
                    + (contents.has(LAST_FRAME) ? " (a last frame alone is not allowed)" : ""));
        }
        if (NewDesignIds.KLING_3_TURBO.equals(name)) {
            contents.none(LAST_FRAME, "are not supported by " + name + " (first frame only)");
        }
        if (NewDesignIds.KLING_3.equals(name)) {
            contents.atMost(ELEMENT, MAX_ELEMENTS, "on " + name);
        } else {
            contents.none(ELEMENT, "are only supported by kling-3.0 on image-to-video (got " + name + ")");
        }
        String audio = NewDesignSettings.audio(settings, model);
        if (NewDesignIds.KLING_26.equals(name)) {
            contents.atMost(VOICE, MAX_VOICES, "on " + name);
            if (contents.has(VOICE) && "off".equals(audio)) {
                throw ApiException.invalidParameter(settings.path("audio") + " must be native when contents has voice items");
            }
            contents.voices();
        } else {
            contents.none(VOICE, "are only supported by kling-2.6 on image-to-video (got " + name + ")");
        }
        String prompt = contents.prompt(Integer.MAX_VALUE, false);
        ImageInput first = contents.image(FIRST_FRAME, context).orElseThrow();
        ImageInput last = contents.image(LAST_FRAME, context).orElse(null);
        List<Long> elements = contents.elements(context);

        boolean older = NewDesignIds.KLING_26.equals(name) || NewDesignIds.KLING_25_TURBO.equals(name);
        String needs1080p = older && last != null ? "with a first and a last frame"
                : NewDesignIds.KLING_26.equals(name) && "native".equals(audio) ? "with settings.audio native" : null;
        String resolution = NewDesignSettings.resolution(settings, model, needs1080p);
        int duration = NewDesignSettings.duration(settings, model);
        NewDesignSettings.absent(settings, "aspect_ratio", "on image-to-video: the result follows the first frame");
        NewDesignSettings.absent(settings, "character_orientation", "on image-to-video (motion-control only)");
        boolean multiShot = NewDesignSettings.multiShot(settings, model, true);
        NewDesignSettings.prompt(contents.promptPath(), prompt, model, multiShot, duration);

        List<String> notes = elements.isEmpty() ? List.of() : List.of("elements " + elements);
        String failure = first.downloadFailure() != null ? first.downloadFailure() : last == null ? null : last.downloadFailure();
        return NewDesignOrders.order(NewDesignIds.IMAGE_TO_VIDEO, model, body, prompt, duration, resolution, audio,
                new NewDesignOrders.Look(NewDesignOrders.followImage(first), first.preview(),
                        last == null ? null : last.preview(), List.of(), notes, failure));
    }
}
