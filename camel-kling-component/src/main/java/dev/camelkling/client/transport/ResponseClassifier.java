package dev.camelkling.client.transport;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an HTTP response into the envelope or the typed error: a Kling error envelope gives its code's
 * retryability; a bare 429/502/503/504 (proxies, load balancers) is transient; anything else without a Kling body
 * is not retryable. A transient error that may have taken effect (5xx) is retryable only for an idempotent operation:
 * for a create it is ambiguous.
 */
final class ResponseClassifier {

    private static final Set<Integer> TRANSIENT_BARE_STATUSES = Set.of(429, 502, 503, 504);

    private final Clock clock;

    ResponseClassifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param idempotent whether the operation may be repeated safely (a read), as opposed to a create
     * @throws KlingApiException unless the response is a Kling success envelope
     */
    Envelope envelopeOrThrow(String operation, boolean idempotent, int status, HttpHeaders headers, byte[] body) {
        Optional<Envelope> envelope = KlingJson.parseEnvelope(body);
        if (envelope.isPresent() && envelope.get().code() == 0 && isSuccess(status)) {
            return envelope.get();
        }
        throw error(operation, idempotent, status, headers, envelope);
    }

    /** The error for a non-success response (also used for downloads, which have no envelope). */
    KlingApiException error(String operation, boolean idempotent, int status, HttpHeaders headers, byte[] body) {
        return error(operation, idempotent, status, headers, KlingJson.parseEnvelope(body));
    }

    private KlingApiException error(String operation, boolean idempotent, int status, HttpHeaders headers, Optional<Envelope> envelope) {
        Duration retryAfter = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock).orElse(null);
        if (envelope.isPresent() && envelope.get().code() != 0) {
            Envelope e = envelope.get();
            boolean transientError = KlingErrorCode.fromCode(e.code()).isRetryable();
            return new KlingApiException(operation, status, e.code(), e.message(), e.requestId(),
                    retryable(transientError, idempotent, status, e.code()), retryAfter);
        }
        String reason = isSuccess(status) ? "response is not a Kling JSON envelope" : "HTTP error without a Kling error body";
        return new KlingApiException(operation, status, 0, reason, envelope.map(Envelope::requestId).orElse(null),
                retryable(TRANSIENT_BARE_STATUSES.contains(status), idempotent, status, 0), retryAfter);
    }

    /** A transient error is worth repeating unless the operation is a create that the server may have carried out. */
    static boolean retryable(boolean transientError, boolean idempotent, int status, int code) {
        return transientError && (idempotent || !KlingApiException.mayHaveTakenEffect(status, code));
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
