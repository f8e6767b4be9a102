package dev.camelkling.component;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.wait.WaitPolicy;

/**
 * What the steps of a producer (create flows, request assembly, task outcomes) need, fixed when the producer starts.
 * They depend on this rather than on the endpoint, so they never reach back into the endpoint and component.
 *
 * @param endpointKey      names the exchange properties of this endpoint's steps, so two kling steps of a route never
 *                         mistake each other's
 * @param clientSource     the endpoint's client, read at each call: it exists only while the endpoint runs
 * @param schedulerSource  the component's scheduler, read at each call for the same reason
 * @param endpointOptions  an endpoint option's value by its name, for request fields the exchange does not set
 * @param waitPolicy       how {@code waitForCompletion} polls and for how long
 * @param callbackUrl      the callback consumer's URL a create without {@code callback_url} sends
 */
record ProducerSetup(KlingFeature feature, KlingConfiguration configuration, String endpointKey,
                     Supplier<KlingClient> clientSource, Supplier<ScheduledExecutorService> schedulerSource,
                     TemporaryResultFiles temporaryFiles, Function<String, Object> endpointOptions,
                     WaitPolicy waitPolicy, DerivedCallbackUrl callbackUrl) {

    KlingClient client() {
        return clientSource.get();
    }

    ScheduledExecutorService scheduler() {
        return schedulerSource.get();
    }
}
