package dev.camelkling.kamelets.generator;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollEndpoint;

/** Defaults read from a real kling endpoint, where the endpoint sets one that its generated metadata does not show. */
final class DefaultsOfAnEndpoint {

    private DefaultsOfAnEndpoint() {
    }

    /** The consumer's poll delay in ms, which the kling endpoint sets in its constructor. */
    static long consumerDelay() {
        DefaultCamelContext context = new DefaultCamelContext();
        try {
            context.start();
            ScheduledPollEndpoint endpoint = context.getEndpoint("kling:text2video?apiKey=unused", ScheduledPollEndpoint.class);
            return endpoint.getDelay();
        } finally {
            context.stop();
        }
    }
}
