package dev.camelkling.simulator.http;

/**
 * A stage wrapped around request handling. This is the single place where behaviour that is not part
 * of the API itself (fault injection: injected 429/5xx, delays, answers after the task was created) is
 * meant to be plugged in, so that handlers stay free of it.
 */
@FunctionalInterface
public interface RequestFilter {
    SimResponse filter(SimRequest request, RequestHandler next);
}
