package dev.camelkling.examples.flows;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.camelkling.client.schema.FieldSpec;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the HTTP flow's routes know about jobs: it reads the HTTP request into exchange properties (so that the routes
 * can drop every request header before anything else runs), checks a job before it is sent, and turns Kling tasks into
 * the JSON answers. One instance serves both DSLs ({@code #httpFlowJobs} in the YAML routes).
 */
public class HttpFlowJobs {

    /** Exchange properties the routes read (in both DSLs): nothing of the request travels as a header. */
    public static final String KIND = "kind";
    public static final String TASK_ID = "taskId";
    public static final String JOB_ID = "jobId";
    /** Whether Kling can look the job's task up by its id, so the flow looks before it creates. */
    public static final String LOOKUP_FIRST = "lookupFirst";
    public static final String RESULT_URL = "resultUrl";
    public static final String RESULT_FILE_NAME = "resultFileName";
    static final String REQUEST_PATH = "requestPath";
    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String RESULT_INDEX = "resultIndex";
    /** Kling field name to the name the client used for it, so an error names the field as the client wrote it. */
    static final String CLIENT_FIELD_NAMES = "clientFieldNames";

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** Task ids go into a Kling URL path: one plain segment, never {@code ..} or a slash. */
    private static final Pattern TASK_ID_SHAPE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private static final String KINDS = Arrays.stream(KlingFeature.values()).map(KlingFeature::uriName)
            .collect(Collectors.joining(", "));

    /** POST /jobs: keeps the idempotency key and the request path; the job itself is read from the body later. */
    public void submission(Exchange exchange) {
        Message in = exchange.getMessage();
        exchange.setProperty(REQUEST_PATH, withoutTrailingSlash(in.getHeader(Exchange.HTTP_PATH, String.class)));
        exchange.setProperty(IDEMPOTENCY_KEY, in.getHeader(IDEMPOTENCY_KEY_HEADER, String.class));
        if (in.getBody() == null) {
            throw HttpFlowRejection.invalid("body", "must be a JSON object (the request has no body)");
        }
    }

    /** GET /jobs/{kind}/{taskId}[/result]: the task the request is about, checked before Kling is asked. */
    public void taskRequest(Exchange exchange) {
        Message in = exchange.getMessage();
        exchange.setProperty(REQUEST_PATH, withoutTrailingSlash(in.getHeader(Exchange.HTTP_PATH, String.class)));
        exchange.setProperty(KIND, feature(in.getHeader(KIND, String.class), "invalid_request").uriName());
        String taskId = in.getHeader(TASK_ID, String.class);
        if (taskId == null || !TASK_ID_SHAPE.matcher(taskId).matches()) {
            throw new HttpFlowRejection(400, "invalid_request", TASK_ID,
                    "taskId must be a Kling task id (letters, digits, '.', '_' and '-', at most 128)");
        }
        exchange.setProperty(TASK_ID, taskId);
        exchange.setProperty(RESULT_INDEX, in.getHeader("index", String.class));
    }

    /**
     * The JSON job, {@code {"kind": ..., "jobId": ..., <Kling fields>}}, becomes the body for {@code kling:<kind>}: a
     * Map of Kling fields (by their names or option names, which the component validates). The kind and the idempotency
     * key go to properties.
     */
    public Map<String, Object> job(Exchange exchange) {
        if (!(exchange.getMessage().getBody() instanceof Map<?, ?> job)) {
            throw HttpFlowRejection.invalid("body", "must be a JSON object");
        }
        KlingFeature feature = feature(job.get(KIND), "invalid_job");
        Map<String, Object> fields = new LinkedHashMap<>();
        job.forEach((name, value) -> fields.put(String.valueOf(name), value));
        fields.remove(KIND);
        Object jobIdValue = fields.remove(JOB_ID);
        for (String reserved : List.of("external_task_id", "externalTaskId")) {
            if (fields.containsKey(reserved)) {
                throw HttpFlowRejection.invalid(reserved, "is not taken here: give the job's own id as jobId "
                        + "(or the " + IDEMPOTENCY_KEY_HEADER + " header)");
            }
        }
        IdempotencyKey key = idempotencyKey(jobIdValue, exchange.getProperty(IDEMPOTENCY_KEY, String.class));
        if (key != null && !feature.acceptsExternalTaskId()) {
            throw HttpFlowRejection.invalid(key.source(), "cannot be honoured for " + feature.uriName()
                    + ": Kling takes no external_task_id there, so a retried POST could not find its task");
        }
        exchange.setProperty(KIND, feature.uriName());
        exchange.setProperty(JOB_ID, key == null ? null : key.value());
        exchange.setProperty(LOOKUP_FIRST, key != null && feature.supportsGetByExternalId());
        exchange.setProperty(CLIENT_FIELD_NAMES, clientFieldNames(feature, fields.keySet(), key));
        return fields;
    }

    /** 202 Accepted for a created (or, for a repeated job id, found) task, with where to ask for its status. */
    public Map<String, Object> accepted(KlingTask task, Exchange exchange) {
        String statusUrl = exchange.getProperty(REQUEST_PATH, String.class) + "/"
                           + exchange.getProperty(KIND, String.class) + "/" + task.taskId();
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        out.setHeader("Location", statusUrl);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("taskId", task.taskId());
        answer.put("jobId", task.externalTaskId());
        answer.put("status", task.status().wireValue());
        answer.put("statusUrl", statusUrl);
        return answer;
    }

    /** 200 with the task as the client needs it: status, Kling's message, result URLs and our download links. */
    public Map<String, Object> status(KlingTask task, Exchange exchange) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", exchange.getProperty(KIND, String.class));
        answer.put("taskId", task.taskId());
        answer.put("jobId", task.externalTaskId());
        answer.put("status", task.status().wireValue());
        answer.put("statusMessage", task.statusMessage() == null ? "" : task.statusMessage());
        answer.put("resultUrls", task.resultUrls());
        String download = exchange.getProperty(REQUEST_PATH, String.class) + "/result?index=";
        answer.put("downloadUrls", IntStream.range(0, task.resultUrls().size())
                .mapToObj(i -> download + i).toList());
        answer.put("createdAt", task.createdAt());
        answer.put("updatedAt", task.updatedAt());
        return answer;
    }

    /** The result to download ({@code ?index=}, default 0), or an answer saying why there is none yet. */
    public void chooseResult(KlingTask task, Exchange exchange) {
        if (task.status() != KlingTaskStatus.SUCCEED) {
            String why = task.status() == KlingTaskStatus.FAILED
                    ? "failed: " + task.statusMessage()
                    : "is " + task.status().wireValue() + "; poll its status until it is succeed";
            throw new HttpFlowRejection(409, "no_result", null, "task " + task.taskId() + " " + why);
        }
        List<String> urls = task.resultUrls();
        int index = resultIndex(exchange.getProperty(RESULT_INDEX, String.class));
        if (index >= urls.size()) {
            throw new HttpFlowRejection(404, "not_found", "index",
                    "index must be below " + urls.size() + ": task " + task.taskId() + " has " + urls.size() + " results");
        }
        String url = urls.get(index);
        exchange.setProperty(RESULT_URL, url);
        exchange.setProperty(RESULT_FILE_NAME, task.taskId() + "-" + index + extension(url));
    }

    private static KlingFeature feature(Object kind, String error) {
        if (!(kind instanceof String name) || name.isBlank()) {
            throw new HttpFlowRejection(400, error, KIND, "kind is required: one of " + KINDS);
        }
        return Arrays.stream(KlingFeature.values()).filter(f -> f.uriName().equals(name)).findFirst()
                .orElseThrow(() -> new HttpFlowRejection(400, error, KIND,
                        "kind must be one of " + KINDS + " (was \"" + name + "\")"));
    }

    private record IdempotencyKey(String value, String source) {
    }

    /** The job's own id, from the JSON or the Idempotency-Key header; both may be given, but must then agree. */
    private static IdempotencyKey idempotencyKey(Object jobId, String header) {
        if (jobId != null && !(jobId instanceof String)) {
            throw HttpFlowRejection.invalid(JOB_ID, "must be a JSON string");
        }
        String fromJob = (String) jobId;
        if (fromJob != null && header != null && !fromJob.equals(header)) {
            throw HttpFlowRejection.invalid(JOB_ID, "must equal the " + IDEMPOTENCY_KEY_HEADER + " header when both are given");
        }
        if (fromJob != null) {
            return new IdempotencyKey(fromJob, JOB_ID);
        }
        return header == null ? null : new IdempotencyKey(header, IDEMPOTENCY_KEY_HEADER);
    }

    private static Map<String, String> clientFieldNames(KlingFeature feature, Iterable<String> names, IdempotencyKey key) {
        Map<String, String> byKlingName = new LinkedHashMap<>();
        for (String name : names) {
            feature.schema().field(name).map(FieldSpec::name).ifPresent(kling -> byKlingName.put(kling, name));
        }
        if (key != null) {
            byKlingName.put("external_task_id", key.source());
        }
        return byKlingName;
    }

    private static int resultIndex(String index) {
        if (index == null || index.isBlank()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(index.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new HttpFlowRejection(400, "invalid_request", "index", "index must be a whole number from 0 (was \"" + index + "\")");
    }

    private static String extension(String url) {
        String path = URI.create(url).getPath();
        int dot = path == null ? -1 : path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(dot) : "";
    }

    private static String withoutTrailingSlash(String path) {
        return path != null && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
