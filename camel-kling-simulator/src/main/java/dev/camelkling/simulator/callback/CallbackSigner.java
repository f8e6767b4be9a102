package dev.camelkling.simulator.callback;

import java.util.Map;

/**
 * Adds signature headers to a callback. The real service signs only when a webhook secret is
 * configured (Standard Webhooks, §5.2); {@link #NONE} is the unsigned default.
 */
@FunctionalInterface
public interface CallbackSigner {
    CallbackSigner NONE = body -> Map.of();

    /** @param body the exact bytes that will be sent */
    Map<String, String> headers(byte[] body);
}
