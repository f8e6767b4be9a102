package dev.camelkling.component;

import java.util.concurrent.CompletableFuture;

import dev.camelkling.client.KlingTask;
import org.apache.camel.Exchange;

/** The standard create: one request assembled from the exchange, one task, then the shared outcome handling. */
final class SingleTaskCreation implements CreateFlow {

    private final KlingEndpoint endpoint;
    private final KlingRequestAssembler assembler;
    private final TaskOutcomes outcomes;

    SingleTaskCreation(KlingEndpoint endpoint) {
        this.endpoint = endpoint;
        this.assembler = new KlingRequestAssembler(endpoint);
        this.outcomes = new TaskOutcomes(endpoint);
    }

    @Override
    public CompletableFuture<KlingTask> create(Exchange exchange) {
        var request = assembler.assemble(exchange);
        return outcomes.finish(endpoint.getClient().create(request), exchange, false);
    }

    KlingRequestAssembler assembler() {
        return assembler;
    }

    TaskOutcomes outcomes() {
        return outcomes;
    }
}
