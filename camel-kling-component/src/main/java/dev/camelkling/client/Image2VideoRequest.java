package dev.camelkling.client;

import java.util.Map;

/** {@code POST /v1/videos/image2video} (reference §6.3). */
public final class Image2VideoRequest extends KlingRequest {

    Image2VideoRequest(Map<String, Object> canonicalFields) {
        super(canonicalFields);
    }

    @Override
    public KlingFeature feature() {
        return KlingFeature.IMAGE2VIDEO;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends KlingRequest.Builder<Builder, Image2VideoRequest>
            implements RequestOptions.Prompts<Builder>, RequestOptions.VideoGeneration<Builder>, RequestOptions.ImageAnimation<Builder> {

        private Builder() {
            super(KlingFeature.IMAGE2VIDEO);
        }
    }
}
