package dev.camelkling.client.request;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.schema.CameraControl;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.schema.DynamicMask;
import dev.camelkling.client.schema.LooseValues;
import dev.camelkling.client.schema.RequestSchema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable create request: wire-named fields holding canonical values (text, numbers, maps and lists,
 * {@link CameraControl}, {@link DynamicMask}, {@link KlingMedia}), all of which the client's JSON mapper writes.
 * Building does not validate; {@link #validate()} does, and {@link dev.camelkling.client.KlingClient#create} calls it before sending.
 */
public final class KlingRequest {

    private final KlingFeature feature;
    private final Map<String, Object> fields;
    private volatile Map<String, Object> effectiveFields;
    /** Set once every rule held: a request is immutable, so the route's check and the client's need not both run. */
    private volatile boolean valid;

    /** @param canonicalFields a map of the caller's own making, in schema order, that nothing else holds: kept as is */
    private KlingRequest(KlingFeature feature, Map<String, Object> canonicalFields) {
        this.feature = feature;
        this.fields = Collections.unmodifiableMap(canonicalFields);
    }

    /**
     * Builds a request from wire-named (or lowerCamelCase) fields with loosely typed values: e.g. {@code 5} or
     * {@code "5"} for {@code duration}, {@code "0.5"} for {@code cfg_scale}, a {@code String}, {@code Map} or
     * {@link CameraControl} for {@code camera_control}, a {@code String}/{@code byte[]}/{@code Path}/{@code File}/
     * {@code InputStream}/{@link KlingMedia} for media. Does not validate the rules. {@link KlingRequests} has typed
     * builders for each feature.
     *
     * @throws KlingValidationException for an unknown field name or a value that cannot be converted
     */
    public static KlingRequest of(KlingFeature feature, Map<String, ?> fields) {
        return new KlingRequest(feature, feature.schema().coerce(feature.requestSubject(), fields));
    }

    public KlingFeature feature() {
        return feature;
    }

    /**
     * The design this request is sent on, which follows from its model ({@link RequestSchema#design}): a new-design
     * model id ({@code kling-3.0}, {@code kling-3.0-omni}, ...) on a feature with a new-design path selects
     * {@link DesignStandard#NEW_DESIGN}; no model, a legacy model, or a model no table knows stays
     * {@link DesignStandard#LEGACY}.
     */
    public DesignStandard design() {
        return feature.schema().design(fields);
    }

    /** Where the create is posted: the feature's legacy path, or the new design's {@code /text-to-video/kling-3.0}. */
    public String path() {
        if (design() == DesignStandard.LEGACY) {
            return feature.path();
        }
        // the model is one of the new design's table ids, which are safe in a path as they are
        return feature.schema().newDesignProduct().orElseThrow().path() + "/" + fields.get("model_name");
    }

    /** Unmodifiable, wire names ({@code "negative_prompt"}) in schema order. */
    public Map<String, Object> fields() {
        return fields;
    }

    /**
     * The fields with the defaults the feature derives locally filled in, e.g. lip sync's {@code sound_start_time}
     * (0), {@code sound_end_time} (the audio's length, when it can be read) and {@code sound_insert_time} (the face's
     * start). This is what is validated and sent. Equal to {@link #fields()} for features without such defaults.
     */
    public Map<String, Object> effectiveFields() {
        Map<String, Object> effective = effectiveFields;
        if (effective == null) {
            Map<String, Object> withDefaults = feature.schema().withDefaults(fields);
            // the same (unmodifiable) map when the feature derives no defaults
            effective = withDefaults == fields ? fields : Collections.unmodifiableMap(new LinkedHashMap<>(withDefaults));
            effectiveFields = effective;
        }
        return effective;
    }

    /**
     * The JSON object as sent: {@link #effectiveFields()} without local-only fields, with nested fields in their wire
     * containers (lip sync's {@code face_choose}). Media values are still {@link KlingMedia}.
     */
    public Map<String, Object> wireFields() {
        return feature.schema().toWire(effectiveFields());
    }

    /** The value of one field by wire name, or {@code null}. */
    public Object field(String wireName) {
        return fields.get(wireName);
    }

    /** May be {@code null}. */
    public String externalTaskId() {
        return (String) fields.get("external_task_id");
    }

    /**
     * A copy with {@code external_task_id} set (or removed for {@code null}) — the basis of exactly-once creates.
     *
     * @throws KlingValidationException if the feature does not accept an external task id
     */
    public KlingRequest withExternalTaskId(String externalTaskId) {
        return with("external_task_id", externalTaskId);
    }

    /** A copy with one field set from a loosely typed value (removed for {@code null}). */
    public KlingRequest with(String fieldName, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        feature.schema().put(feature.requestSubject(), changed, fieldName, value);
        return new KlingRequest(feature, feature.schema().ordered(changed));
    }

    /**
     * Checks {@link #effectiveFields()} against the feature's rules.
     *
     * @throws KlingValidationException naming the field and the rule, for the first broken rule
     */
    public void validate() {
        if (valid) {
            return;
        }
        feature.schema().validate(feature.requestSubject(), effectiveFields());
        valid = true;
    }

    /**
     * Checks only the named fields' own rules (not the rules between fields), so that the fields a caller set from one
     * source, e.g. message headers, are reported before anything else is wrong.
     *
     * @throws KlingValidationException naming the field and the rule, for the first broken rule
     */
    public void validateFields(Collection<String> wireNames) {
        feature.schema().validateFields(feature.requestSubject(), effectiveFields(), wireNames);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KlingRequest other && feature == other.feature && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(feature, fields);
    }

    @Override
    public String toString() {
        return feature.requestSubject() + fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof String s ? LooseValues.shorten(s) : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * Base of the per-feature builders in {@link KlingRequests}: every typed setter goes through {@link #field}, i.e.
     * through the same conversion as {@link #of(KlingFeature, Map)}.
     */
    public abstract static class Builder<B extends Builder<B>> implements RequestOptions.FieldSetter<B> {

        private final KlingFeature feature;
        private final Map<String, Object> values = new LinkedHashMap<>();

        Builder(KlingFeature feature) {
            this.feature = feature;
        }

        /**
         * Sets a field by wire or lowerCamelCase name from a loosely typed value; {@code null} removes it.
         *
         * @throws KlingValidationException for an unknown field or an unconvertible value
         */
        @Override
        public B field(String name, Object value) {
            feature.schema().put(feature.requestSubject(), values, name, value);
            return self();
        }

        public B externalTaskId(String externalTaskId) {
            return field("external_task_id", externalTaskId);
        }

        public B callbackUrl(String callbackUrl) {
            return field("callback_url", callbackUrl);
        }

        /** Sends {@code watermark_info: {enabled: ...}}. */
        public B watermark(boolean enabled) {
            return field("watermark_info", enabled);
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** Builds without validating; see {@link KlingRequest#validate()}. */
        public KlingRequest build() {
            return new KlingRequest(feature, feature.schema().ordered(values));
        }
    }
}
