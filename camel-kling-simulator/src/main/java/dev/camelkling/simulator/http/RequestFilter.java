package dev.camelkling.simulator.http;

/**
 * A stage wrapped around request handling. This is the single place where behaviour that is not part
 * of the API itself (fault injection: injected 429/5xx, delays, answers after the task was created) is
 * meant to be plugged in, so that handlers stay free of it.
 *
 * <p>A filter answers by returning a response (e.g. {@code Envelope.error(ErrorCode.RATE_LIMITED, ...)})
 * or, equivalently, by throwing an {@link ApiException}: that becomes the same error envelope with the
 * code's HTTP status, as it does in handlers. Any other exception is an internal error (500/5000).
 */
@FunctionalInterface
public interface RequestFilter {
    SimResponse filter(SimRequest request, RequestHandler next);
}
