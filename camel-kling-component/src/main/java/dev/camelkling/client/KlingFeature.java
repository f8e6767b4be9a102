package dev.camelkling.client;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One descriptor per Kling product. Everything that differs between products is data here; the client's
 * create/get/list/wait machinery is written once. A new product is one line here, one request class and one
 * schema.
 */
public enum KlingFeature {
    TEXT2VIDEO("text2video", "/v1/videos/text2video", ResultKind.VIDEO, true, true,
            List.of("prompt"), VideoSchemas.TEXT2VIDEO, Text2VideoRequest::new),
    IMAGE2VIDEO("image2video", "/v1/videos/image2video", ResultKind.VIDEO, true, true,
            List.of("image"), VideoSchemas.IMAGE2VIDEO, Image2VideoRequest::new),
    MULTI_IMAGE2VIDEO("multiImage2video", "/v1/videos/multi-image2video", ResultKind.VIDEO, true, true,
            List.of("image_list"), VideoSchemas.MULTI_IMAGE2VIDEO, MultiImage2VideoRequest::new),
    MOTION_CONTROL("motionControl", "/v1/videos/motion-control", ResultKind.VIDEO, true, false,
            List.of("image_url"), VideoSchemas.MOTION_CONTROL, MotionControlRequest::new),
    VIDEO_EXTEND("videoExtend", "/v1/videos/video-extend", ResultKind.VIDEO, true, false,
            List.of("video_id"), VideoSchemas.VIDEO_EXTEND, VideoExtendRequest::new),
    /** Advanced lip sync; its synchronous first step is {@link KlingClient#identifyFace}. */
    LIP_SYNC("lipSync", "/v1/videos/advanced-lip-sync", ResultKind.VIDEO, true, false,
            List.of("sound_file"), LipSyncSchema.LIP_SYNC, LipSyncRequest::new),
    /** Documents neither {@code external_task_id} nor lookup by it; the field is accepted but not relied on. */
    IMAGE_GENERATION("imageGeneration", "/v1/images/generations", ResultKind.IMAGE, false, false,
            List.of("prompt"), ImageSchemas.IMAGE_GENERATION, ImageGenerationRequest::new),
    OMNI_IMAGE("omniImage", "/v1/images/omni-image", ResultKind.IMAGE, true, true,
            List.of("image_list", "prompt"), ImageSchemas.OMNI_IMAGE, OmniImageRequest::new);

    private final String uriName;
    private final String path;
    private final ResultKind resultKind;
    private final boolean acceptsExternalTaskId;
    private final boolean supportsGetByExternalId;
    private final List<String> naturalInputFields;
    private final RequestSchema schema;
    private final Function<Map<String, Object>, KlingRequest> factory;

    KlingFeature(String uriName, String path, ResultKind resultKind, boolean acceptsExternalTaskId,
            boolean supportsGetByExternalId, List<String> naturalInputFields, RequestSchema schema,
            Function<Map<String, Object>, KlingRequest> factory) {
        this.uriName = uriName;
        this.path = path;
        this.resultKind = resultKind;
        this.acceptsExternalTaskId = acceptsExternalTaskId;
        this.supportsGetByExternalId = supportsGetByExternalId;
        this.naturalInputFields = List.copyOf(naturalInputFields);
        this.schema = schema;
        this.factory = factory;
    }

    /** The name in {@code kling:<feature>} URIs. */
    public String uriName() {
        return uriName;
    }

    /** The create/list path; get-one is {@code path + "/" + id}. */
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

    /** The first of {@link #naturalInputFields()}: the prompt for text features, the image for image features. */
    public String primaryInputField() {
        return naturalInputFields.get(0);
    }

    /**
     * The fields a plain message body may fill, tried in order: the first whose type accepts the body wins (see
     * {@link RequestSchema#acceptsBody}). E.g. omniImage: {@code [image_list, prompt]}, so a list of images fills the
     * image list and text fills the prompt.
     */
    public List<String> naturalInputFields() {
        return naturalInputFields;
    }

    /** The first natural input field that accepts this body, if any. */
    public Optional<String> naturalInputFieldFor(Object body) {
        return naturalInputFields.stream().filter(field -> schema.acceptsBody(field, body)).findFirst();
    }

    public RequestSchema schema() {
        return schema;
    }

    /**
     * Builds a request from wire-named (or lowerCamelCase) fields with loosely typed values: e.g. {@code 5} or
     * {@code "5"} for {@code duration}, {@code "0.5"} for {@code cfg_scale}, a {@code String}, {@code Map} or
     * {@link CameraControl} for {@code camera_control}, a {@code String}/{@code byte[]}/{@code Path}/{@code File}/
     * {@code InputStream}/{@link KlingMedia} for media. Does not validate the rules.
     *
     * @throws KlingValidationException for an unknown field name or a value that cannot be converted
     */
    public KlingRequest newRequest(Map<String, ?> fields) {
        return fromCanonical(schema.coerce(requestSubject(), fields));
    }

    /** How validation messages name a create request of this feature: {@code "text2video request"}. */
    String requestSubject() {
        return uriName + " request";
    }

    KlingRequest fromCanonical(Map<String, Object> canonicalFields) {
        return factory.apply(canonicalFields);
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
