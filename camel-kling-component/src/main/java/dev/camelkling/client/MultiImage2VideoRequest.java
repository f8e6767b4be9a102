package dev.camelkling.client;

import java.util.Map;

/** {@code POST /v1/videos/multi-image2video} (reference §6.4): a video from 1–4 reference images. */
public final class MultiImage2VideoRequest extends KlingRequest {

    MultiImage2VideoRequest(Map<String, Object> canonicalFields) {
        super(canonicalFields);
    }

    @Override
    public KlingFeature feature() {
        return KlingFeature.MULTI_IMAGE2VIDEO;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends KlingRequest.Builder<Builder, MultiImage2VideoRequest>
            implements RequestOptions.Prompts<Builder>, RequestOptions.ImageList<Builder>, RequestOptions.ModelName<Builder>,
            RequestOptions.Mode<Builder>, RequestOptions.DurationSeconds<Builder>, RequestOptions.AspectRatio<Builder> {

        private Builder() {
            super(KlingFeature.MULTI_IMAGE2VIDEO);
        }
    }
}
