package dev.camelkling.client;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * One descriptor per Kling product. Everything that differs between products is data here; the client's
 * create/get/list/wait machinery is written once. A new product is one line here, one request class and one
 * schema.
 */
public enum KlingFeature {
    TEXT2VIDEO("text2video", "/v1/videos/text2video", ResultKind.VIDEO, true, true,
            "prompt", VideoSchemas.TEXT2VIDEO, Text2VideoRequest::new),
    IMAGE2VIDEO("image2video", "/v1/videos/image2video", ResultKind.VIDEO, true, true,
            "image", VideoSchemas.IMAGE2VIDEO, Image2VideoRequest::new);

    private final String uriName;
    private final String path;
    private final ResultKind resultKind;
    private final boolean acceptsExternalTaskId;
    private final boolean supportsGetByExternalId;
    private final String primaryInputField;
    private final RequestSchema schema;
    private final Function<Map<String, Object>, KlingRequest> factory;

    KlingFeature(String uriName, String path, ResultKind resultKind, boolean acceptsExternalTaskId,
            boolean supportsGetByExternalId, String primaryInputField, RequestSchema schema,
            Function<Map<String, Object>, KlingRequest> factory) {
        this.uriName = uriName;
        this.path = path;
        this.resultKind = resultKind;
        this.acceptsExternalTaskId = acceptsExternalTaskId;
        this.supportsGetByExternalId = supportsGetByExternalId;
        this.primaryInputField = primaryInputField;
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

    /** Whether create takes {@code external_task_id} (the basis of reconciling ambiguous creates). */
    public boolean acceptsExternalTaskId() {
        return acceptsExternalTaskId;
    }

    /** Whether {@code GET path/{external_task_id}} is documented for this product. */
    public boolean supportsGetByExternalId() {
        return supportsGetByExternalId;
    }

    /** The field a message body naturally supplies: the prompt for text features, the image for image features. */
    public String primaryInputField() {
        return primaryInputField;
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
