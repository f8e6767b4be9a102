package dev.camelkling.client;

import java.util.Map;

/** {@code POST /v1/videos/motion-control} (reference §6.5): the character of an image performs the motion of a video. */
public final class MotionControlRequest extends KlingRequest {

    MotionControlRequest(Map<String, Object> canonicalFields) {
        super(canonicalFields);
    }

    @Override
    public KlingFeature feature() {
        return KlingFeature.MOTION_CONTROL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends KlingRequest.Builder<Builder, MotionControlRequest>
            implements RequestOptions.Prompt<Builder>, RequestOptions.ModelName<Builder>, RequestOptions.Mode<Builder>,
            RequestOptions.ElementList<Builder> {

        private Builder() {
            super(KlingFeature.MOTION_CONTROL);
        }

        /** The character image: {@link KlingMedia}, {@code byte[]}, {@code File}, {@code Path}, {@code InputStream}, URL or Base64 text. */
        public Builder imageUrl(Object image) {
            return field("image_url", image);
        }

        /** The motion video, an http(s) URL (.mp4/.mov). */
        public Builder videoUrl(String videoUrl) {
            return field("video_url", videoUrl);
        }

        /** {@code "image"} (keep the image's orientation; video ≤ 10 s) or {@code "video"} (follow the video; ≤ 30 s). */
        public Builder characterOrientation(String orientation) {
            return field("character_orientation", orientation);
        }

        /** Sent as {@code "yes"}/{@code "no"}. */
        public Builder keepOriginalSound(boolean keep) {
            return field("keep_original_sound", keep);
        }
    }
}
