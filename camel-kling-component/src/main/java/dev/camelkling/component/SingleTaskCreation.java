package dev.camelkling.component;

import java.util.Map;
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

    private final ProducerSetup setup;
    private final KlingRequestAssembler assembler;
    private final TaskOutcomes outcomes;
    private final CreateStepMemory memory;

    SingleTaskCreation(ProducerSetup setup) {
        this.setup = setup;
        this.assembler = new KlingRequestAssembler(setup);
        this.outcomes = new TaskOutcomes(setup);
        this.memory = new CreateStepMemory(setup);
    }

    @Override
    public CompletableFuture<KlingTask> create(Exchange exchange) {
        return create(exchange, () -> assemble(exchange, Map.of()));
    }

    /** Creates the task of the request {@code assembled} gives, which is not asked for when this is a redelivery. */
    CompletableFuture<KlingTask> create(Exchange exchange, Supplier<KlingRequest> assembled) {
        KlingTask createdBefore = memory.createdTask(exchange);
        if (createdBefore != null) {
            // A redelivery of an exchange whose task this endpoint already created (the wait or download failed):
            // carry on with that task instead of paying for a second one.
            return succeeded(exchange, outcomes.finish(setup.client().get(setup.feature(), createdBefore), exchange));
        }
        KlingRequest request = assembled.get();
        CompletableFuture<KlingTask> created = creator().create(request).thenApply(task -> {
            memory.createdTask(exchange, task);
            return task;
        });
        return succeeded(exchange, outcomes.finish(created, exchange));
    }

    /**
     * The validated request of this step, with its external id, and {@code standIns} in place of the fields an earlier
     * request of the flow will supply.
     */
    KlingRequest assemble(Exchange exchange, Map<String, Object> standIns) {
        return assembler.assemble(exchange, standIns, request -> memory.withExternalId(request, exchange));
    }

    private CompletableFuture<KlingTask> succeeded(Exchange exchange, CompletableFuture<KlingTask> outcome) {
        return outcome.thenApply(task -> {
            memory.succeeded(exchange);
            return task;
        });
    }

    /** Creates at most once: an ambiguous failure is reconciled through the request's external id. */
    ExactlyOnceCreator creator() {
        return new ExactlyOnceCreator(setup.client(), setup.configuration().getMaxCreateAttempts(), AMBIGUITY_SETTLE_DELAY,
                setup.scheduler());
    }

    TaskOutcomes outcomes() {
        return outcomes;
    }

    CreateStepMemory memory() {
        return memory;
    }
}
