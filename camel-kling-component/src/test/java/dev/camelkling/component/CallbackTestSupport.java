package dev.camelkling.component;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests with callback consumers: the context has the application's HTTP server ({@link LoopbackHttpServer}) on {@link #port}. */
abstract class CallbackTestSupport extends KlingTestSupport {

    final int port = AvailablePortFinder.getNextAvailable();
    /** The simulator's timing before {@link #timeTasks}, put back after the test; {@code null} when unchanged. */
    private SimulatorTiming savedTiming;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LoopbackHttpServer.addTo(context, port);
        return context;
    }

    /** The simulator's tasks take this long for the rest of the test. */
    void timeTasks(SimulatorTiming timing) {
        if (savedTiming == null) {
            savedTiming = simulator().timing();
        }
        simulator().timing(timing);
    }

    @AfterEach
    void restoreTiming() {
        if (savedTiming != null) {
            simulator().timing(savedTiming);
        }
    }

    /** The task a waiting producer's exchange ended with, checked to have succeeded. */
    static KlingTask succeeded(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        KlingTask task = exchange.getMessage().getBody(KlingTask.class);
        assertThat(task.status().wireValue()).isEqualTo("succeed");
        return task;
    }
}
