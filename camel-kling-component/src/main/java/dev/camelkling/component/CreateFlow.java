package dev.camelkling.component;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;

/**
 * How operation create runs for a feature. Almost every feature creates one task ({@link SingleTaskCreation}); lip
 * sync adds the identify-face step and video extend can repeat itself, so those two bring their own flow. The producer
 * picks the flow of its feature.
 */
interface CreateFlow {

    /** Runs the creation; bad input is thrown at once, on the caller's thread, before anything is sent. */
    CompletableFuture<?> create(Exchange exchange);
}
