package dev.camelkling.client;

import java.util.Map;

/** {@code POST /v1/videos/video-extend} (reference §6.6): continues a generated video by about 5 s; model and mode are inherited. */
public final class VideoExtendRequest extends KlingRequest {

    VideoExtendRequest(Map<String, Object> canonicalFields) {
        super(canonicalFields);
    }

    @Override
    public KlingFeature feature() {
        return KlingFeature.VIDEO_EXTEND;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends KlingRequest.Builder<Builder, VideoExtendRequest>
            implements RequestOptions.Prompts<Builder>, RequestOptions.CfgScale<Builder> {

        private Builder() {
            super(KlingFeature.VIDEO_EXTEND);
        }

        /** The video to extend: a {@code task_result.videos[].id} of text2video, image2video or an earlier extend. */
        public Builder videoId(String videoId) {
            return field("video_id", videoId);
        }

        /** Extends the first video of a finished task. */
        public Builder video(KlingTask task) {
            return field("video_id", task.firstVideoId());
        }
    }
}
