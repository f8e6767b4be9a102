package dev.camelkling.component;

import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultConsumer;

/**
 * Emits each task once, the same for the polling and the callback consumer: a task counts as emitted only when its
 * exchange completes, and is then recorded in the endpoint's idempotent repository; a failed exchange goes to the
 * consumer's exception handler and leaves the task to be emitted again later.
 */
final class EmittedTasks {

    private final Supplier<IdempotentRepository> repository;
    private final DefaultConsumer consumer;

    /** @param repository the endpoint's, read at each use: it exists only while the endpoint runs */
    EmittedTasks(Supplier<IdempotentRepository> repository, DefaultConsumer consumer) {
        this.repository = repository;
        this.consumer = consumer;
    }

    boolean contains(String taskId) {
        return repository.get().contains(taskId);
    }

    /** Routes the task's exchange; {@code settled} runs once the exchange has completed or failed. */
    void emit(Exchange exchange, String taskId, Runnable settled) {
        exchange.getExchangeExtension().addOnCompletion(new Marker(taskId, settled));
        consumer.getAsyncProcessor().process(exchange, doneSync -> {
            // the outcome is handled by the Marker
        });
    }

    /** Commits a task as emitted when its exchange completes; a failure leaves it to be emitted again. */
    private final class Marker implements Synchronization {
        private final String taskId;
        private final Runnable settled;

        Marker(String taskId, Runnable settled) {
            this.taskId = taskId;
            this.settled = settled;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                repository.get().add(taskId);
            } finally {
                settled.run();
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            try {
                if (exchange.getException() != null) {
                    consumer.getExceptionHandler().handleException("Error processing Kling task " + taskId, exchange,
                            exchange.getException());
                }
            } finally {
                settled.run();
            }
        }
    }
}
