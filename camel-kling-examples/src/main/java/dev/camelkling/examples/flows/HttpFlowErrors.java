package dev.camelkling.examples.flows;

import java.io.InterruptedIOException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.error.KlingTransportException;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HttpResponseAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever failed in an HTTP flow route into an HTTP status and a JSON error body: the client's mistakes are 4xx
 * naming the field, Kling's and the result host's failures are 5xx saying which side failed. Never a stack trace, never
 * a credential (the component's messages carry none). {@code #httpFlowErrors} in the YAML routes.
 */
public class HttpFlowErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFlowErrors.class);

    /** How long a client should wait before retrying when Kling is busy and did not say. */
    private static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

    /** Sets the response code (and Retry-After when it helps) and returns the error body. */
    public Map<String, Object> answer(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Answer answer = classify(failure, exchange);
        if (answer.status() >= 500) {
            LOG.warn("HTTP flow answers {} {}: {}", answer.status(), answer.body().get("error"), answer.body().get("message"),
                    answer.status() == 500 ? failure : null);
        } else {
            LOG.debug("HTTP flow answers {}: {}", answer.status(), answer.body().get("message"));
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        if (answer.retryAfterSeconds() > 0) {
            exchange.getMessage().setHeader("Retry-After", answer.retryAfterSeconds());
        }
        return answer.body();
    }

    private record Answer(int status, Map<String, Object> body, long retryAfterSeconds) {
    }

    private static Answer classify(Throwable failure, Exchange exchange) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpFlowRejection rejection) {
                return answer(rejection.status(), rejection.error(), rejection.getMessage(), rejection.field());
            }
            if (t instanceof KlingValidationException invalid) {
                Map<String, Object> body = body("invalid_job", invalid.getMessage(), clientName(invalid.field(), exchange));
                body.put("rule", invalid.rule());
                return new Answer(400, body, 0);
            }
            if (t instanceof KlingApiException kling) {
                return klingError(kling);
            }
            if (t instanceof KlingTransportException unreachable) {
                return answer(502, "kling_unreachable", "Kling could not be reached: " + unreachable.getMessage(), null);
            }
            if (t instanceof JsonProcessingException malformed) {
                return answer(400, "invalid_json", "body is not a JSON object: " + malformed.getOriginalMessage(), "body");
            }
            if (t instanceof HttpResponseAware download && download.getHttpResponseCode() > 0) {
                return answer(502, "download_failed",
                        "the result host answered HTTP " + download.getHttpResponseCode(), null);
            }
            if (t instanceof InterruptedIOException) {
                return answer(504, "download_timeout", "the result host did not answer in time: " + t.getMessage(), null);
            }
            if (t instanceof IOException) {
                return answer(502, "download_failed", "the result could not be read: " + t.getMessage(), null);
            }
        }
        return answer(500, "internal_error", "internal error (see the server log)", null);
    }

    /** Kling's answer as the client should see it: its 4xx are the job's fault, the rest is ours or Kling's. */
    private static Answer klingError(KlingApiException kling) {
        int status;
        String error;
        long retryAfter = 0;
        if (kling.errorCode() == KlingErrorCode.RESOURCE_NOT_FOUND) {
            status = 404;
            error = "not_found";
        } else if (kling.httpStatus() == 400) {
            status = 400; // parameters or content Kling refused, after our local checks passed
            error = "rejected_by_kling";
        } else if (kling.isRetryable()) {
            status = 503; // Kling is busy (rate or concurrency): the same request will work later
            error = "kling_busy";
            retryAfter = kling.retryAfter().map(d -> Math.max(1, d.toSeconds())).orElse(DEFAULT_RETRY_AFTER_SECONDS);
        } else {
            status = 502; // credentials, account or server trouble: nothing the client can fix
            error = "kling_error";
        }
        Map<String, Object> body = body(error, kling.getMessage(), null);
        body.put("klingCode", kling.code());
        return new Answer(status, body, retryAfter);
    }

    /** The field as the client wrote it (option name, Kling name, jobId or the Idempotency-Key header). */
    @SuppressWarnings("unchecked")
    private static String clientName(String klingField, Exchange exchange) {
        Map<String, String> names = exchange.getProperty(HttpFlowJobs.CLIENT_FIELD_NAMES, Map.class);
        return names == null ? klingField : names.getOrDefault(klingField, klingField);
    }

    private static Answer answer(int status, String error, String message, String field) {
        return new Answer(status, body(error, message, field), 0);
    }

    private static Map<String, Object> body(String error, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }
}
