package dev.camelkling.client.request;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.schema.CommonFields;
import dev.camelkling.client.schema.CrossFieldRules;
import dev.camelkling.client.schema.RequestSchema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /v1/videos/identify-face} (reference §6.1.1), the synchronous first step of lip sync: exactly one of
 * {@code video_id} (a video Kling made) and {@code video_url}. Not a task, so it is no {@link KlingFeature}; see
 * {@link dev.camelkling.client.KlingClient#identifyFace}. Building does not validate; {@link #validate()} does.
 */
public final class IdentifyFaceRequest {

    /** The endpoint's path. */
    public static final String PATH = "/v1/videos/identify-face";
    static final String SUBJECT = "identifyFace request";

    static final RequestSchema SCHEMA = RequestSchema.builder()
            .field(CommonFields.videoId())
            .field(CommonFields.videoUrl())
            .rule(CrossFieldRules.exactlyOneOf("video_id", "video_url"))
            .build();

    private final Map<String, Object> fields;
    private volatile boolean valid;

    private IdentifyFaceRequest(Map<String, Object> canonicalFields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(canonicalFields));
    }

    /** The faces of a video Kling generated ({@code task_result.videos[].id}, made in the last 30 days). */
    public static IdentifyFaceRequest ofVideoId(String videoId) {
        return fromFields(Collections.singletonMap("video_id", videoId));
    }

    /** The faces of a video at a public URL (.mp4/.mov, 2–60 s). */
    public static IdentifyFaceRequest ofVideoUrl(String videoUrl) {
        return fromFields(Collections.singletonMap("video_url", videoUrl));
    }

    /**
     * From wire-named or lowerCamelCase fields.
     *
     * @throws KlingValidationException for an unknown field or an unconvertible value
     */
    public static IdentifyFaceRequest fromFields(Map<String, ?> fields) {
        return new IdentifyFaceRequest(SCHEMA.coerce(SUBJECT, fields));
    }

    /** Unmodifiable, wire names. */
    public Map<String, Object> fields() {
        return fields;
    }

    /** May be {@code null}. */
    public String videoId() {
        return (String) fields.get("video_id");
    }

    /** May be {@code null}. */
    public String videoUrl() {
        return (String) fields.get("video_url");
    }

    /** @throws KlingValidationException naming the field and the rule */
    public void validate() {
        if (!valid) {
            SCHEMA.validate(SUBJECT, fields);
            valid = true; // immutable: the route's check and the client's need not both run
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentifyFaceRequest other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields);
    }

    @Override
    public String toString() {
        return videoUrl() == null ? "IdentifyFaceRequest{video_id=" + videoId() + "}"
                : "IdentifyFaceRequest{video_url=" + KlingMedia.withoutQuery(videoUrl()) + "}";
    }
}
