package dev.camelkling.client;

import java.util.Map;

/** {@code POST /v1/images/omni-image} (reference §6.8): images from a prompt that refers to input images as {@code <<<image_N>>>} and to element-library subjects. */
public final class OmniImageRequest extends KlingRequest {

    OmniImageRequest(Map<String, Object> canonicalFields) {
        super(canonicalFields);
    }

    @Override
    public KlingFeature feature() {
        return KlingFeature.OMNI_IMAGE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends KlingRequest.Builder<Builder, OmniImageRequest>
            implements RequestOptions.Prompt<Builder>, RequestOptions.ModelName<Builder>, RequestOptions.ImageList<Builder>,
            RequestOptions.ElementList<Builder>, RequestOptions.ImageOutput<Builder>, RequestOptions.AspectRatio<Builder> {

        private Builder() {
            super(KlingFeature.OMNI_IMAGE);
        }

        /** {@code "single"} or {@code "series"} (a coherent set of images). */
        public Builder resultType(String resultType) {
            return field("result_type", resultType);
        }

        /** Images in a series, 2–9; only with {@code result_type "series"}. */
        public Builder seriesAmount(int amount) {
            return field("series_amount", amount);
        }

        /** {@code "2"}–{@code "9"} or {@code "auto"} (the model decides; slots follow the images made). */
        public Builder seriesAmount(String amount) {
            return field("series_amount", amount);
        }
    }
}
