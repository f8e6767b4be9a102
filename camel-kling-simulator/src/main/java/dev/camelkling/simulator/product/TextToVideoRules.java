package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;

/** {@code POST /text-to-video/{model}}: {@code prompt} + {@code settings} + {@code options} (kling-api-2026.md §2, §2.3). */
final class TextToVideoRules implements NewDesignValidator {

    @Override
    public TaskOrder validate(NewDesignModel model, RequestFields body, ValidationContext context) {
        RequestFields settings = NewDesignSettings.read(body);
        if (body.has("contents")) {
            throw ApiException.invalidParameter("contents is not accepted on text-to-video: send the text as prompt");
        }
        String prompt = body.text("prompt", true, Integer.MAX_VALUE);
        String audio = NewDesignSettings.audio(settings, model);
        boolean native26 = NewDesignIds.KLING_26.equals(model.name()) && "native".equals(audio);
        String resolution = NewDesignSettings.resolution(settings, model, native26 ? "with settings.audio native" : null);
        int duration = NewDesignSettings.duration(settings, model);
        String aspectRatio = NewDesignSettings.aspectRatio(settings, null);
        boolean multiShot = NewDesignSettings.multiShot(settings, model, true);
        NewDesignSettings.absent(settings, "character_orientation", "on text-to-video (motion-control only)");
        NewDesignSettings.prompt("prompt", prompt, model, multiShot, duration);
        return NewDesignOrders.order(NewDesignIds.TEXT_TO_VIDEO, model, body, prompt, duration, resolution, audio,
                NewDesignOrders.Look.of(FrameSize.forVideoAspectRatio(aspectRatio)));
    }
}
