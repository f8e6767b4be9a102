package dev.camelkling.examples.flows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.error.KlingValidationException;

/**
 * What the SQL flow's routes need to know about a job row, in one place for both DSLs (called as a bean by type):
 * its Kling request, the job an external task id belongs to, whether a failure is the job's own fault, and how result
 * URLs are stored.
 */
public final class SqlFlowJobs {

    /**
     * The kinds a job may have: the {@code kling:} features whose whole request fits in a prompt and options (images
     * and videos as URLs); the flow consumes each one's finished tasks. lipSync, a two-step exchange, is left out.
     */
    public static final List<String> KINDS = List.of("text2video", "image2video", "multiImage2video", "motionControl",
            "videoExtend", "imageGeneration", "omniImage");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<KlingErrorCode> REQUEST_REFUSED = Set.of(KlingErrorCode.INVALID_REQUEST_PARAMETERS,
            KlingErrorCode.INVALID_PARAMETER, KlingErrorCode.RESOURCE_NOT_FOUND, KlingErrorCode.PLATFORM_POLICY,
            KlingErrorCode.CONTENT_SAFETY);

    /**
     * The job's Kling request, as the {@code Map} body the component takes: the fields of its {@code options} (Kling
     * names such as {@code aspect_ratio}, or the options' lowerCamelCase names such as {@code aspectRatio}) and its
     * {@code prompt}. The component checks every field before anything is sent, so a bad value fails the job with
     * the field's name and rule; this only checks what the component cannot see: the kind and the JSON itself.
     *
     * @param row a row of the jobs table (column names in any case, as databases report them)
     * @throws KlingValidationException naming the column when the kind is unknown or the options are not a JSON object
     */
    public Map<String, Object> request(Map<String, Object> row) {
        String subject = "job " + row.get("id");
        Object kind = row.get("kind");
        if (!KINDS.contains(kind)) {
            throw new KlingValidationException(subject, "kind",
                    "must be one of " + String.join(", ", KINDS) + " (was '" + kind + "')");
        }
        Map<String, Object> request = new LinkedHashMap<>(options(subject, (String) row.get("options")));
        if (row.get("prompt") != null) {
            request.put("prompt", row.get("prompt"));
        }
        return request;
    }

    private static Map<String, Object> options(String subject, String options) {
        if (options == null || options.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> fields = JSON.readValue(options, new TypeReference<Map<String, Object>>() {
            });
            return fields == null ? Map.of() : fields;
        } catch (JsonProcessingException e) {
            throw new KlingValidationException(subject, "options", "must be a JSON object of Kling fields, e.g. "
                    + "{\"duration\": 10} (" + e.getOriginalMessage() + ")");
        }
    }

    /** The job id in an external task id made of the prefix and the id, or null when it is not one of ours. */
    public Long jobId(String externalTaskId, String prefix) {
        if (externalTaskId == null || !externalTaskId.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.valueOf(externalTaskId.substring(prefix.length()));
        } catch (NumberFormatException notAJob) {
            return null;
        }
    }

    /**
     * Whether a failed create was refused for the job itself (invalid fields, content policy), so trying again cannot
     * help and the job ends FAILED. Anything else (no connection, rate or concurrency limits, 5xx, credentials, the
     * database) is the system's: the job stays SUBMITTED and is submitted again later, with the same external id.
     */
    public boolean isJobFault(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof KlingValidationException) {
            return true;
        }
        // a taken external id means a task exists that the component could not find again: not the job's fault
        return cause instanceof KlingApiException api && REQUEST_REFUSED.contains(api.errorCode())
               && !api.mayHaveTakenEffect() && !String.valueOf(api.klingMessage()).contains("external_task_id");
    }

    /**
     * A stale job's task could not be read: whether that shows that the job was never created, so that creating it now
     * is safe. True when no task id was recorded and either Kling has no task with the job's external id (1203), or
     * the kind has no documented lookup by external id (imageGeneration, motionControl, videoExtend): then the create
     * is sent with the same external id, and the component, told by Kling that the id is taken, finds the task.
     */
    public boolean isUncreated(Throwable failure, Map<String, Object> job) {
        if (job.get("task_id") != null) {
            return false;
        }
        Object kind = job.get("kind");
        if (!KINDS.contains(kind) || !KlingFeature.fromUriName((String) kind).supportsGetByExternalId()) {
            return true; // an unknown kind too: the create ends the job with the reason
        }
        return unwrap(failure) instanceof KlingApiException api && api.errorCode() == KlingErrorCode.RESOURCE_NOT_FOUND;
    }

    /** The Kling client's exception in a failure's causes (Camel or a future may have wrapped it), else the failure. */
    private static Throwable unwrap(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KlingException) {
                return cause;
            }
        }
        return failure;
    }

    /** The result URLs as stored in {@code result_urls}: a JSON array, so URLs with commas stay intact. */
    public String jsonArray(List<String> urls) throws JsonProcessingException {
        return JSON.writeValueAsString(urls == null ? List.of() : urls);
    }
}
