package dev.camelkling.client.request;

import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.schema.CameraControl;
import dev.camelkling.client.schema.DynamicMask;
import dev.camelkling.client.schema.KlingVideoModel;

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

    /** {@code prompt}. */
    public interface Prompt<B> extends FieldSetter<B> {

        default B prompt(String prompt) {
            return field("prompt", prompt);
        }
    }

    /** {@code prompt} and {@code negative_prompt}. */
    public interface Prompts<B> extends Prompt<B> {

        default B negativePrompt(String negativePrompt) {
            return field("negative_prompt", negativePrompt);
        }
    }

    /** {@code model_name}. */
    public interface ModelName<B> extends FieldSetter<B> {

        /** E.g. {@code "kling-v2-6"}; see {@link KlingVideoModel} for the video models. */
        default B modelName(String modelName) {
            return field("model_name", modelName);
        }
    }

    /** {@code mode}. */
    public interface Mode<B> extends FieldSetter<B> {

        /** {@code "std"} or {@code "pro"}. */
        default B mode(String mode) {
            return field("mode", mode);
        }
    }

    /** {@code duration}. */
    public interface DurationSeconds<B> extends FieldSetter<B> {

        /** Length in seconds, sent as the string Kling expects ({@code 5 → "5"}). */
        default B duration(int seconds) {
            return field("duration", seconds);
        }
    }

    /** {@code cfg_scale}. */
    public interface CfgScale<B> extends FieldSetter<B> {

        /** Prompt adherence in [0, 1]. */
        default B cfgScale(double cfgScale) {
            return field("cfg_scale", cfgScale);
        }
    }

    /** The generation settings of the model-based video features. */
    public interface VideoGeneration<B> extends ModelName<B>, Mode<B>, DurationSeconds<B>, CfgScale<B> {

        default B model(KlingVideoModel model) {
            return field("model_name", model.modelName());
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

    /** {@code image_list}: reference images, sent as {@code [{image: ...}]}. */
    public interface ImageList<B> extends FieldSetter<B> {

        /** Items may be {@link KlingMedia}, {@code byte[]}, {@code File}, {@code Path}, {@code InputStream}, URL or Base64 text. */
        default B imageList(List<?> images) {
            return field("image_list", images);
        }

        default B imageList(KlingMedia... images) {
            return field("image_list", List.of(images));
        }
    }

    /** {@code element_list}: subjects from the element library, sent as {@code [{element_id: <int64>}]}. */
    public interface ElementList<B> extends FieldSetter<B> {

        default B elementList(List<Long> elementIds) {
            return field("element_list", elementIds);
        }

        default B elementIds(long... elementIds) {
            return field("element_list", elementIds);
        }
    }

    /** {@code resolution} and {@code n} of the image features. */
    public interface ImageOutput<B> extends FieldSetter<B> {

        /** {@code "1k"}, {@code "2k"} (omni-image also {@code "4k"}). */
        default B resolution(String resolution) {
            return field("resolution", resolution);
        }

        /** Number of images, 1–9; each takes a concurrency slot. */
        default B n(int count) {
            return field("n", count);
        }
    }

    /** Start and end frame, motion brush and voices of image to video. */
    public interface ImageAnimation<B> extends Frames<B> {

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

    /**
     * The settings only the new design has (kling-api-2026.md §2.3); they select nothing by themselves: a new-design
     * model does ({@link KlingRequest#design()}), and a legacy model refuses them.
     */
    public interface NewDesignSettings<B> extends FieldSetter<B> {

        /** {@code 720p}, {@code 1080p} or {@code 4k}, per model. */
        default B resolution(String resolution) {
            return field("resolution", resolution);
        }

        /** {@code native}, {@code original} or {@code off}, per model. */
        default B audio(String audio) {
            return field("audio", audio);
        }

        /** The 3.0 family's {@code multi_shot}. */
        default B multiShot(boolean multiShot) {
            return field("multi_shot", multiShot);
        }
    }

    /** First and last frame: {@code image} and {@code image_tail} (the new design's {@code first_frame}, {@code last_frame}). */
    public interface Frames<B> extends FieldSetter<B> {

        default B image(KlingMedia image) {
            return field("image", image);
        }

        default B imageTail(KlingMedia imageTail) {
            return field("image_tail", imageTail);
        }
    }
}
