package dev.camelkling.client;

import java.util.Map;

/** {@code POST /v1/images/generations} (reference §6.7): text to image, or image to image from a reference. */
public final class ImageGenerationRequest extends KlingRequest {

    ImageGenerationRequest(Map<String, Object> canonicalFields) {
        super(canonicalFields);
    }

    @Override
    public KlingFeature feature() {
        return KlingFeature.IMAGE_GENERATION;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends KlingRequest.Builder<Builder, ImageGenerationRequest>
            implements RequestOptions.Prompts<Builder>, RequestOptions.ModelName<Builder>, RequestOptions.AspectRatio<Builder>,
            RequestOptions.ImageOutput<Builder> {

        private Builder() {
            super(KlingFeature.IMAGE_GENERATION);
        }

        /** The reference image; then {@code negative_prompt} is not allowed. */
        public Builder image(KlingMedia image) {
            return field("image", image);
        }

        /** {@code "subject"} (character features) or {@code "face"} (facial likeness); required for kling-v1-5 with an image. */
        public Builder imageReference(String imageReference) {
            return field("image_reference", imageReference);
        }

        /** How strongly to follow the reference image, in [0, 1]. */
        public Builder imageFidelity(double fidelity) {
            return field("image_fidelity", fidelity);
        }

        /** Facial similarity for {@code image_reference "subject"}, in [0, 1]. */
        public Builder humanFidelity(double fidelity) {
            return field("human_fidelity", fidelity);
        }
    }
}
