package dev.camelkling.client;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an HTTP response into the envelope or the typed error: a Kling error envelope gives its code's
 * retryability; a bare 429/502/503/504 (proxies, load balancers) is transient; anything else without a Kling body
 * is not retryable.
 */
final class ResponseClassifier {

    private static final Set<Integer> TRANSIENT_BARE_STATUSES = Set.of(429, 502, 503, 504);

    private final Clock clock;

    ResponseClassifier(Clock clock) {
        this.clock = clock;
    }

    /** @throws KlingApiException unless the response is a Kling success envelope */
    Envelope envelopeOrThrow(String operation, int status, HttpHeaders headers, byte[] body) {
        Optional<Envelope> envelope = KlingJson.parseEnvelope(body);
        if (envelope.isPresent() && envelope.get().code() == 0 && isSuccess(status)) {
            return envelope.get();
        }
        throw error(operation, status, headers, envelope);
    }

    /** The error for a non-success response (also used for downloads, which have no envelope). */
    KlingApiException error(String operation, int status, HttpHeaders headers, byte[] body) {
        return error(operation, status, headers, KlingJson.parseEnvelope(body));
    }

    private KlingApiException error(String operation, int status, HttpHeaders headers, Optional<Envelope> envelope) {
        Duration retryAfter = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock).orElse(null);
        if (envelope.isPresent() && envelope.get().code() != 0) {
            Envelope e = envelope.get();
            return new KlingApiException(operation, status, e.code(), e.message(), e.requestId(),
                    KlingErrorCode.fromCode(e.code()).isRetryable(), retryAfter);
        }
        String reason = isSuccess(status) ? "response is not a Kling JSON envelope" : "HTTP error without a Kling error body";
        return new KlingApiException(operation, status, 0, reason, envelope.map(Envelope::requestId).orElse(null),
                TRANSIENT_BARE_STATUSES.contains(status), retryAfter);
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
