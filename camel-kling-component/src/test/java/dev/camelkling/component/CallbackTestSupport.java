package dev.camelkling.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

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
    /** Nothing listens there: callbacks sent to it are lost. */
    final int deadPort = AvailablePortFinder.getNextAvailable();
    private final HttpClient http = HttpClient.newHttpClient();
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

    /** POSTs a callback to a consumer's path on {@link #port}, as anyone reaching the port could; returns the status. */
    int postCallback(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
