package dev.camelkling.client.request;

import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.task.Face;
import dev.camelkling.client.task.FaceIdentification;
import dev.camelkling.client.task.KlingTask;

import java.util.List;

/**
 * Typed builders, one per feature: thin layers of named setters over {@link KlingRequest.Builder#field}, so they
 * convert exactly as {@link KlingRequest#of(KlingFeature, java.util.Map)} does. Every builder builds a
 * {@link KlingRequest} that carries its {@link KlingFeature}.
 */
public final class KlingRequests {

    private KlingRequests() {
    }

    public static Text2Video text2video() {
        return new Text2Video();
    }

    public static Image2Video image2video() {
        return new Image2Video();
    }

    public static MultiImage2Video multiImage2video() {
        return new MultiImage2Video();
    }

    public static MotionControl motionControl() {
        return new MotionControl();
    }

    public static VideoExtend videoExtend() {
        return new VideoExtend();
    }

    public static LipSync lipSync() {
        return new LipSync();
    }

    public static ImageGeneration imageGeneration() {
        return new ImageGeneration();
    }

    public static OmniImage omniImage() {
        return new OmniImage();
    }

    public static OmniVideo omniVideo() {
        return new OmniVideo();
    }

    /** {@code POST /v1/videos/text2video} (reference §6.2), or {@code /text-to-video/{model}} with a new-design model. */
    public static final class Text2Video extends KlingRequest.Builder<Text2Video>
            implements RequestOptions.Prompts<Text2Video>, RequestOptions.VideoGeneration<Text2Video>, RequestOptions.AspectRatio<Text2Video>,
            RequestOptions.NewDesignSettings<Text2Video> {

        private Text2Video() {
            super(KlingFeature.TEXT2VIDEO);
        }
    }

    /** {@code POST /v1/videos/image2video} (reference §6.3), or {@code /image-to-video/{model}} with a new-design model. */
    public static final class Image2Video extends KlingRequest.Builder<Image2Video>
            implements RequestOptions.Prompts<Image2Video>, RequestOptions.VideoGeneration<Image2Video>, RequestOptions.ImageAnimation<Image2Video>,
            RequestOptions.NewDesignSettings<Image2Video>, RequestOptions.ElementList<Image2Video> {

        private Image2Video() {
            super(KlingFeature.IMAGE2VIDEO);
        }
    }

    /** {@code POST /v1/videos/multi-image2video} (reference §6.4): a video from 1–4 reference images. */
    public static final class MultiImage2Video extends KlingRequest.Builder<MultiImage2Video>
            implements RequestOptions.Prompts<MultiImage2Video>, RequestOptions.ImageList<MultiImage2Video>, RequestOptions.ModelName<MultiImage2Video>,
            RequestOptions.Mode<MultiImage2Video>, RequestOptions.DurationSeconds<MultiImage2Video>, RequestOptions.AspectRatio<MultiImage2Video> {

        private MultiImage2Video() {
            super(KlingFeature.MULTI_IMAGE2VIDEO);
        }
    }

    /** {@code POST /v1/videos/motion-control} (reference §6.5): the character of an image performs the motion of a video. */
    public static final class MotionControl extends KlingRequest.Builder<MotionControl>
            implements RequestOptions.Prompt<MotionControl>, RequestOptions.ModelName<MotionControl>, RequestOptions.Mode<MotionControl>,
            RequestOptions.ElementList<MotionControl>, RequestOptions.NewDesignSettings<MotionControl> {

        private MotionControl() {
            super(KlingFeature.MOTION_CONTROL);
        }

        /** The character image: {@link KlingMedia}, {@code byte[]}, {@code File}, {@code Path}, {@code InputStream}, URL or Base64 text. */
        public MotionControl imageUrl(Object image) {
            return field("image_url", image);
        }

        /** The motion video, an http(s) URL (.mp4/.mov). */
        public MotionControl videoUrl(String videoUrl) {
            return field("video_url", videoUrl);
        }

        /** {@code "image"} (keep the image's orientation; video ≤ 10 s) or {@code "video"} (follow the video; ≤ 30 s). */
        public MotionControl characterOrientation(String orientation) {
            return field("character_orientation", orientation);
        }

        /** Sent as {@code "yes"}/{@code "no"}. */
        public MotionControl keepOriginalSound(boolean keep) {
            return field("keep_original_sound", keep);
        }
    }

    /**
     * Omni video (kling-api-2026.md §2, §7): {@code /v1/videos/omni-video} with kling-video-o1 (the default) or
     * kling-v3-omni, or {@code /omni-video/{model}} with kling-3.0-omni or kling-o1. On the new design the client numbers
     * the items a prompt refers to: {@code @image_1}... for the reference images, {@code @video_1} for the video,
     * {@code @element_1}... for the elements.
     */
    public static final class OmniVideo extends KlingRequest.Builder<OmniVideo>
            implements RequestOptions.Prompt<OmniVideo>, RequestOptions.ModelName<OmniVideo>, RequestOptions.Mode<OmniVideo>,
            RequestOptions.DurationSeconds<OmniVideo>, RequestOptions.AspectRatio<OmniVideo>, RequestOptions.ElementList<OmniVideo>,
            RequestOptions.Frames<OmniVideo>, RequestOptions.NewDesignSettings<OmniVideo> {

        private OmniVideo() {
            super(KlingFeature.OMNI_VIDEO);
        }

        /** Reference images: {@link KlingMedia}, {@code byte[]}, files, URLs or Base64 text. */
        public OmniVideo referenceImages(List<?> images) {
            return field("reference_images", images);
        }

        /** A reference video (the new design's {@code feature_video}): an http(s) URL of an .mp4/.mov file. */
        public OmniVideo referenceVideo(String videoUrl) {
            return field("reference_video", videoUrl);
        }

        /** A video to edit (the new design's {@code base_video}): an http(s) URL of an .mp4/.mov file. */
        public OmniVideo baseVideo(String videoUrl) {
            return field("base_video", videoUrl);
        }
    }

    /** {@code POST /v1/videos/video-extend} (reference §6.6): continues a generated video by about 5 s; model and mode are inherited. */
    public static final class VideoExtend extends KlingRequest.Builder<VideoExtend>
            implements RequestOptions.Prompts<VideoExtend>, RequestOptions.CfgScale<VideoExtend> {

        private VideoExtend() {
            super(KlingFeature.VIDEO_EXTEND);
        }

        /** The video to extend: a {@code task_result.videos[].id} of text2video, image2video or an earlier extend. */
        public VideoExtend videoId(String videoId) {
            return field("video_id", videoId);
        }

        /** Extends the first video of a finished task. */
        public VideoExtend video(KlingTask task) {
            return field("video_id", task.firstVideoId());
        }
    }

    /**
     * {@code POST /v1/videos/advanced-lip-sync} (reference §6.1.2): puts audio onto a face found by
     * {@link dev.camelkling.client.KlingClient#identifyFace}. The fields are flat and written as
     * {@code {session_id, face_choose: [{face_id, audio_id | sound_file, sound_start_time, sound_end_time,
     * sound_insert_time, sound_volume?, original_audio_volume?}], watermark_info?, external_task_id?, callback_url?}}.
     *
     * <p>{@code face_start_time} and {@code face_end_time} (the face's window, ms) are local only: with them the request
     * checks that the audio overlaps the face by at least 2 s, and defaults {@code sound_insert_time} to the face's
     * start. {@code sound_start_time} defaults to 0 and {@code sound_end_time} to the audio's length when it can be read
     * locally (WAV, MP3, M4A content); see {@link KlingRequest#effectiveFields()}.
     */
    public static final class LipSync extends KlingRequest.Builder<LipSync> {

        private LipSync() {
            super(KlingFeature.LIP_SYNC);
        }

        /** The session and face from identify-face: sets {@code session_id}, {@code face_id} and the face window. */
        public LipSync session(FaceIdentification identification, Face face) {
            return sessionId(identification.sessionId()).face(face);
        }

        public LipSync sessionId(String sessionId) {
            return field("session_id", sessionId);
        }

        /** Sets {@code face_id} and the local-only face window ({@code face_start_time}, {@code face_end_time}). */
        public LipSync face(Face face) {
            return faceId(face.faceId()).faceWindow(face.startTime(), face.endTime());
        }

        public LipSync faceId(String faceId) {
            return field("face_id", faceId);
        }

        /** The face's window in ms (local only, never sent). */
        public LipSync faceWindow(long startMillis, long endMillis) {
            return field("face_start_time", startMillis).field("face_end_time", endMillis);
        }

        /** Audio made by Kling's text to speech; exclusive with {@link #soundFile}. */
        public LipSync audioId(String audioId) {
            return field("audio_id", audioId);
        }

        /** The audio (mp3, wav or m4a, at most 5 MB, 2–60 s); exclusive with {@link #audioId}. */
        public LipSync soundFile(KlingMedia soundFile) {
            return field("sound_file", soundFile);
        }

        /** Start of the audio crop, ms (default 0). */
        public LipSync soundStartTime(long millis) {
            return field("sound_start_time", millis);
        }

        /** End of the audio crop, ms (default: the audio's length when it can be read). */
        public LipSync soundEndTime(long millis) {
            return field("sound_end_time", millis);
        }

        /** Where the cropped audio starts in the video, ms (default: the face window's start). */
        public LipSync soundInsertTime(long millis) {
            return field("sound_insert_time", millis);
        }

        /** Volume of the new audio, 0–2 (Kling's default 1). */
        public LipSync soundVolume(double volume) {
            return field("sound_volume", volume);
        }

        /** Volume of the video's own audio, 0–2 (Kling's default 1). */
        public LipSync originalAudioVolume(double volume) {
            return field("original_audio_volume", volume);
        }
    }

    /** {@code POST /v1/images/generations} (reference §6.7): text to image, or image to image from a reference. */
    public static final class ImageGeneration extends KlingRequest.Builder<ImageGeneration>
            implements RequestOptions.Prompts<ImageGeneration>, RequestOptions.ModelName<ImageGeneration>, RequestOptions.AspectRatio<ImageGeneration>,
            RequestOptions.ImageOutput<ImageGeneration> {

        private ImageGeneration() {
            super(KlingFeature.IMAGE_GENERATION);
        }

        /** The reference image; then {@code negative_prompt} is not allowed. */
        public ImageGeneration image(KlingMedia image) {
            return field("image", image);
        }

        /** {@code "subject"} (character features) or {@code "face"} (facial likeness); required for kling-v1-5 with an image. */
        public ImageGeneration imageReference(String imageReference) {
            return field("image_reference", imageReference);
        }

        /** How strongly to follow the reference image, in [0, 1]. */
        public ImageGeneration imageFidelity(double fidelity) {
            return field("image_fidelity", fidelity);
        }

        /** Facial similarity for {@code image_reference "subject"}, in [0, 1]. */
        public ImageGeneration humanFidelity(double fidelity) {
            return field("human_fidelity", fidelity);
        }
    }

    /** {@code POST /v1/images/omni-image} (reference §6.8): images from a prompt that refers to input images as {@code <<<image_N>>>} and to element-library subjects. */
    public static final class OmniImage extends KlingRequest.Builder<OmniImage>
            implements RequestOptions.Prompt<OmniImage>, RequestOptions.ModelName<OmniImage>, RequestOptions.ImageList<OmniImage>,
            RequestOptions.ElementList<OmniImage>, RequestOptions.ImageOutput<OmniImage>, RequestOptions.AspectRatio<OmniImage> {

        private OmniImage() {
            super(KlingFeature.OMNI_IMAGE);
        }

        /** {@code "single"} or {@code "series"} (a coherent set of images). */
        public OmniImage resultType(String resultType) {
            return field("result_type", resultType);
        }

        /** Images in a series, 2–9; only with {@code result_type "series"}. */
        public OmniImage seriesAmount(int amount) {
            return field("series_amount", amount);
        }

        /** {@code "2"}–{@code "9"} or {@code "auto"} (the model decides; slots follow the images made). */
        public OmniImage seriesAmount(String amount) {
            return field("series_amount", amount);
        }
    }
}
