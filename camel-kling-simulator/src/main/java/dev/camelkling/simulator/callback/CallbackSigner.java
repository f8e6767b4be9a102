package dev.camelkling.simulator.callback;

import java.util.Map;

/**
 * Adds signature headers to a callback. The real service signs only when a webhook secret is
 * configured (Standard Webhooks, §5.2); {@link #NONE} is the unsigned default and
 * {@link StandardWebhooksSigner} the Kling scheme.
 */
@FunctionalInterface
public interface CallbackSigner {
    CallbackSigner NONE = body -> Map.of();

    /** @param body the exact bytes that will be sent */
    Map<String, String> headers(byte[] body);

    /**
     * The headers for one delivery of a message. A message delivered more than once (duplicated
     * deliveries) keeps its {@code messageId}. The default ignores the id.
     *
     * @param messageId unique per message, the same for every delivery of it
     * @param body      the exact bytes that will be sent
     */
    default Map<String, String> headers(String messageId, byte[] body) {
        return headers(body);
    }
}
