package dev.camelkling.client;

import java.util.Map;

/** {@code POST /v1/videos/text2video} (reference §6.2). */
public final class Text2VideoRequest extends KlingRequest {

    Text2VideoRequest(Map<String, Object> canonicalFields) {
        super(canonicalFields);
    }

    @Override
    public KlingFeature feature() {
        return KlingFeature.TEXT2VIDEO;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends KlingRequest.Builder<Builder, Text2VideoRequest>
            implements RequestOptions.Prompts<Builder>, RequestOptions.VideoGeneration<Builder>, RequestOptions.AspectRatio<Builder> {

        private Builder() {
            super(KlingFeature.TEXT2VIDEO);
        }
    }
}
