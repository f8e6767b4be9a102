package dev.camelkling.component;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.camelkling.client.ExactlyOnceCreator;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.Exchange;

/** The standard create: one request assembled from the exchange, one task, then the shared outcome handling. */
final class SingleTaskCreation implements CreateFlow {

    /** After a lost answer, how long Kling gets to finish the request before it is looked up (twice). */
    static final java.time.Duration AMBIGUITY_SETTLE_DELAY = java.time.Duration.ofSeconds(2);

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
        return create(exchange, () -> assembler.assemble(exchange));
    }

    /** Creates the task of the request {@code assembled} gives, which is not asked for when this is a redelivery. */
    CompletableFuture<KlingTask> create(Exchange exchange, Supplier<KlingRequest> assembled) {
        String createdBefore = exchange.getProperty(createdTaskProperty(), String.class);
        if (createdBefore != null) {
            // A redelivery of an exchange whose task this endpoint already created (the wait or download failed):
            // carry on with that task instead of paying for a second one.
            return forget(exchange, outcomes.finish(endpoint.getClient().get(endpoint.getKlingFeature(), createdBefore),
                    exchange, false));
        }
        KlingRequest request = assembled.get();
        CompletableFuture<KlingTask> created = creator().create(request).thenApply(task -> {
            exchange.setProperty(createdTaskProperty(), task.taskId());
            return task;
        });
        return forget(exchange, outcomes.finish(created, exchange, false));
    }

    /** Once this step has succeeded, a later failure of the route must not make a new create look like a redelivery. */
    private CompletableFuture<KlingTask> forget(Exchange exchange, CompletableFuture<KlingTask> outcome) {
        return outcome.thenApply(task -> {
            exchange.removeProperty(createdTaskProperty());
            assembler.externalIds().forget(exchange);
            return task;
        });
    }

    /** One property per endpoint, so two kling steps of a route never mistake each other's tasks. */
    private String createdTaskProperty() {
        return "CamelKlingCreatedTask:" + endpoint.getEndpointKey();
    }

    /** Creates at most once: an ambiguous failure is reconciled through the request's external id. */
    ExactlyOnceCreator creator() {
        return new ExactlyOnceCreator(endpoint.getClient(), endpoint.getConfiguration().getMaxCreateAttempts(),
                AMBIGUITY_SETTLE_DELAY, endpoint.getComponent().getScheduler());
    }

    KlingRequestAssembler assembler() {
        return assembler;
    }

    TaskOutcomes outcomes() {
        return outcomes;
    }
}
