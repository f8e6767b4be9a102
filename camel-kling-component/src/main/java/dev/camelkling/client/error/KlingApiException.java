package dev.camelkling.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Kling answered with an error: a Kling envelope with a non-zero code, or an HTTP error without one.
 *
 * <p>{@link #isRetryable()} depends on the operation. 1302/1303 and a bare 429 are retryable for any call (Kling
 * refused before doing anything). 5000–5002 and a bare 502/503/504 are retryable for reads, but <em>not</em> for a
 * create: the server may have created the task before failing ({@link #mayHaveTakenEffect()}), so the create is
 * ambiguous and must be reconciled through {@code external_task_id} rather than repeated.
 */
public class KlingApiException extends KlingException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int code;
    private final String klingMessage;
    private final String requestId;
    private final boolean retryable;
    private final Duration retryAfter;

    public KlingApiException(String operation, int httpStatus, int code, String klingMessage, String requestId,
            boolean retryable, Duration retryAfter) {
        super(describe(operation, httpStatus, code, klingMessage, requestId));
        this.httpStatus = httpStatus;
        this.code = code;
        this.klingMessage = klingMessage;
        this.requestId = requestId;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    private static String describe(String operation, int httpStatus, int code, String klingMessage, String requestId) {
        StringBuilder text = new StringBuilder("Kling API error");
        if (code != 0) {
            text.append(' ').append(code);
        }
        text.append(" (HTTP ").append(httpStatus).append(')');
        if (operation != null) {
            text.append(" on ").append(operation);
        }
        if (klingMessage != null && !klingMessage.isEmpty()) {
            text.append(": ").append(klingMessage);
        }
        if (requestId != null && !requestId.isEmpty()) {
            text.append(" [request_id=").append(requestId).append(']');
        }
        return text.toString();
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The Kling business code, or 0 when the HTTP error had no Kling body. */
    public int code() {
        return code;
    }

    public KlingErrorCode errorCode() {
        return KlingErrorCode.fromCode(code);
    }

    public String klingMessage() {
        return klingMessage;
    }

    public String requestId() {
        return requestId;
    }

    /**
     * Whether repeating the same request later is safe and may succeed: 1302, 1303 and a bare 429 for any operation;
     * 5000–5002 and a bare 502/503/504 for reads only (for a create they are ambiguous, see
     * {@link #mayHaveTakenEffect()}); never for the other codes.
     */
    @Override
    public boolean isRetryable() {
        return retryable;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the server may have acted on the request despite the error (any 5xx status, or a 5000–5002 code). For a
     * create this means a task may exist: reconcile through {@code external_task_id} before re-creating. A 4xx means
     * nothing was done.
     */
    public boolean mayHaveTakenEffect() {
        return mayHaveTakenEffect(httpStatus, code);
    }

    public static boolean mayHaveTakenEffect(int httpStatus, int code) {
        return httpStatus >= 500 || code >= 5000 && code < 6000;
    }
}
