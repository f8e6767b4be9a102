package dev.camelkling.component;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waiting holds no thread, and the route continues on the component's own, Camel-managed pool. */
class KlingThreadingTest extends KlingTestSupport {

    @Test
    void waitingReturnsAtOnceAndCompletesOnTheKlingWorkerPool() throws Exception {
        var producer = context.getEndpoint("kling:text2video?waitForCompletion=true").createAsyncProducer();
        producer.start();
        try {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("Asynchronous all the way");
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<String> completingThread = new AtomicReference<>();
            AsyncCallback callback = doneSync -> {
                completingThread.set(Thread.currentThread().getName());
                done.set(true);
            };

            boolean completedSynchronously = ((AsyncProcessor) producer).process(exchange, callback);

            assertThat(completedSynchronously).isFalse();
            await().untilTrue(done);
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
            assertThat(completingThread.get()).contains("KlingWorker");
        } finally {
            producer.stop();
        }
    }
}
