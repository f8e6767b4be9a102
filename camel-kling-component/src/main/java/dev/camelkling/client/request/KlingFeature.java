package dev.camelkling.client.request;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.schema.ImageSchemas;
import dev.camelkling.client.schema.LipSyncSchema;
import dev.camelkling.client.schema.RequestSchema;
import dev.camelkling.client.schema.VideoSchemas;

import java.util.Arrays;
import java.util.List;

/**
 * One descriptor per Kling product. Everything that differs between products is data here; the client's
 * create/get/list/wait machinery is written once. A new product is one line here and one schema (plus, where named setters help, a builder in
 * {@link KlingRequests}).
 */
public enum KlingFeature {
    TEXT2VIDEO("text2video", "/v1/videos/text2video", ResultKind.VIDEO, true, true,
            List.of("prompt"), VideoSchemas.TEXT2VIDEO),
    IMAGE2VIDEO("image2video", "/v1/videos/image2video", ResultKind.VIDEO, true, true,
            List.of("image"), VideoSchemas.IMAGE2VIDEO),
    MULTI_IMAGE2VIDEO("multiImage2video", "/v1/videos/multi-image2video", ResultKind.VIDEO, true, true,
            List.of("image_list"), VideoSchemas.MULTI_IMAGE2VIDEO),
    MOTION_CONTROL("motionControl", "/v1/videos/motion-control", ResultKind.VIDEO, true, false,
            List.of("image_url"), VideoSchemas.MOTION_CONTROL),
    /**
     * Omni video (references, video editing): {@code /v1/videos/omni-video} with kling-video-o1 or kling-v3-omni, or
     * the new design's {@code /omni-video/{model}} with kling-3.0-omni or kling-o1.
     */
    OMNI_VIDEO("omniVideo", "/v1/videos/omni-video", ResultKind.VIDEO, true, true,
            List.of("prompt"), VideoSchemas.OMNI_VIDEO),
    VIDEO_EXTEND("videoExtend", "/v1/videos/video-extend", ResultKind.VIDEO, true, false,
            List.of("video_id"), VideoSchemas.VIDEO_EXTEND),
    /** Advanced lip sync; its synchronous first step is {@link dev.camelkling.client.KlingClient#identifyFace}. */
    LIP_SYNC("lipSync", "/v1/videos/advanced-lip-sync", ResultKind.VIDEO, true, false,
            List.of("sound_file"), LipSyncSchema.LIP_SYNC),
    /** Documents neither {@code external_task_id} nor lookup by it; the field is accepted but not relied on. */
    IMAGE_GENERATION("imageGeneration", "/v1/images/generations", ResultKind.IMAGE, false, false,
            List.of("prompt"), ImageSchemas.IMAGE_GENERATION),
    OMNI_IMAGE("omniImage", "/v1/images/omni-image", ResultKind.IMAGE, true, true,
            List.of("image_list", "prompt"), ImageSchemas.OMNI_IMAGE);

    private final String uriName;
    private final String path;
    private final ResultKind resultKind;
    private final boolean acceptsExternalTaskId;
    private final boolean supportsGetByExternalId;
    private final List<String> naturalInputFields;
    private final RequestSchema schema;
    /** Names every create request of this feature in errors; asked for several times per create, so made once. */
    private final String requestSubject;

    KlingFeature(String uriName, String path, ResultKind resultKind, boolean acceptsExternalTaskId,
            boolean supportsGetByExternalId, List<String> naturalInputFields, RequestSchema schema) {
        this.uriName = uriName;
        this.path = path;
        this.resultKind = resultKind;
        this.acceptsExternalTaskId = acceptsExternalTaskId;
        this.supportsGetByExternalId = supportsGetByExternalId;
        this.naturalInputFields = List.copyOf(naturalInputFields);
        this.schema = schema;
        this.requestSubject = uriName + " request";
    }

    /** The name in {@code kling:<feature>} URIs. */
    public String uriName() {
        return uriName;
    }

    /**
     * The legacy create/list path; get-one is {@code path + "/" + id}. A request on the new design is posted to
     * {@link KlingRequest#path()} instead.
     */
    public String path() {
        return path;
    }

    public ResultKind resultKind() {
        return resultKind;
    }

    /**
     * Whether create takes {@code external_task_id} (the basis of reconciling ambiguous creates). {@code false} for
     * image generation, whose docs do not list it, although its schema keeps the field.
     */
    public boolean acceptsExternalTaskId() {
        return acceptsExternalTaskId;
    }

    /** Whether {@code GET path/{external_task_id}} is documented for this product. */
    public boolean supportsGetByExternalId() {
        return supportsGetByExternalId;
    }

    /**
     * The fields a plain message body may fill, tried in order: the first whose type accepts the body wins (see
     * {@link RequestSchema#acceptsBody}). E.g. omniImage: {@code [image_list, prompt]}, so a list of images fills the
     * image list and text fills the prompt.
     */
    public List<String> naturalInputFields() {
        return naturalInputFields;
    }

    public RequestSchema schema() {
        return schema;
    }

    /** How validation messages name a create request of this feature: {@code "text2video request"}. */
    public String requestSubject() {
        return requestSubject;
    }

    /** The error for a create request of this feature that breaks a rule of {@code field}. */
    public KlingValidationException invalid(String field, String rule) {
        return new KlingValidationException(requestSubject(), field, rule);
    }

    /**
     * Looks a feature up by its URI name (case-insensitive; the enum constant name works too).
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static KlingFeature fromUriName(String name) {
        if (name != null) {
            for (KlingFeature feature : values()) {
                if (feature.uriName.equalsIgnoreCase(name.trim()) || feature.name().equalsIgnoreCase(name.trim())) {
                    return feature;
                }
            }
        }
        throw new IllegalArgumentException("Unknown Kling feature '" + name + "'; valid names: "
                + Arrays.stream(values()).map(KlingFeature::uriName).toList());
    }
}
