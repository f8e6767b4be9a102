package dev.camelkling.client;

import java.util.List;

/**
 * Typed setters shared by several request builders, as mixins: a builder implements the groups its feature has,
 * and every setter lands in {@link KlingRequest.Builder#field}. A new feature reuses these instead of copying them.
 */
public final class RequestOptions {

    private RequestOptions() {
    }

    /** Builders that can set a field by wire name. */
    public interface FieldSetter<B> {
        B field(String name, Object value);
    }

    /** {@code prompt} and {@code negative_prompt}. */
    public interface Prompts<B> extends FieldSetter<B> {

        default B prompt(String prompt) {
            return field("prompt", prompt);
        }

        default B negativePrompt(String negativePrompt) {
            return field("negative_prompt", negativePrompt);
        }
    }

    /** The generation settings of the model-based video features. */
    public interface VideoGeneration<B> extends FieldSetter<B> {

        /** E.g. {@code "kling-v2-6"}; see {@link KlingVideoModel}. */
        default B modelName(String modelName) {
            return field("model_name", modelName);
        }

        default B model(KlingVideoModel model) {
            return field("model_name", model.modelName());
        }

        /** {@code "std"} or {@code "pro"}. */
        default B mode(String mode) {
            return field("mode", mode);
        }

        /** Prompt adherence in [0, 1]. */
        default B cfgScale(double cfgScale) {
            return field("cfg_scale", cfgScale);
        }

        /** Length in seconds, sent as the string Kling expects ({@code 5 → "5"}). */
        default B duration(int seconds) {
            return field("duration", seconds);
        }

        /** {@code "on"} or {@code "off"}. */
        default B sound(String sound) {
            return field("sound", sound);
        }

        default B sound(boolean on) {
            return field("sound", on ? "on" : "off");
        }

        default B cameraControl(CameraControl cameraControl) {
            return field("camera_control", cameraControl);
        }

        /** Text form, see {@link CameraControl#parse(String)}. */
        default B cameraControl(String cameraControl) {
            return field("camera_control", cameraControl);
        }
    }

    /** {@code aspect_ratio}. */
    public interface AspectRatio<B> extends FieldSetter<B> {

        /** E.g. {@code "16:9"}. */
        default B aspectRatio(String aspectRatio) {
            return field("aspect_ratio", aspectRatio);
        }
    }

    /** Start and end frame, motion brush and voices of image to video. */
    public interface ImageAnimation<B> extends FieldSetter<B> {

        default B image(KlingMedia image) {
            return field("image", image);
        }

        default B imageTail(KlingMedia imageTail) {
            return field("image_tail", imageTail);
        }

        /** Motion brush: the area that stays still. */
        default B staticMask(KlingMedia staticMask) {
            return field("static_mask", staticMask);
        }

        /** Motion brush: up to 6 moving areas with their trajectories. */
        default B dynamicMasks(List<DynamicMask> dynamicMasks) {
            return field("dynamic_masks", dynamicMasks);
        }

        /** Up to 2 voice ids, referenced in the prompt as {@code <<<voice_1>>>}; requires {@code sound("on")}. */
        default B voiceList(List<String> voiceIds) {
            return field("voice_list", voiceIds);
        }
    }
}
