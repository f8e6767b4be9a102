package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's error handler redelivers an exchange whose wait failed: the producer must carry on with the task it already
 * created, not pay for a second one.
 */
class KlingRedeliveryTest extends KlingTestSupport {

    private RequestFilter failing;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0));
                from("direct:create").routeId("create")
                        .to("kling:text2video?waitForCompletion=true&maxReadAttempts=1");
                from("direct:two-steps").routeId("two-steps")
                        .to("kling:text2video?waitForCompletion=true")
                        .to("kling:image2video?prompt=second step&image=https://example.com/frame.png");
            }
        };
    }

    @AfterEach
    void removeFault() {
        if (failing != null) {
            simulator().removeRequestFilter(failing);
        }
    }

    @Test
    void aRedeliveredExchangeResumesItsTaskInsteadOfCreatingAnother() {
        AtomicInteger gets = new AtomicInteger();
        failing = (request, next) -> request.method().equals("GET") && gets.incrementAndGet() == 1
                ? SimResponse.json(500, "{\"code\":5000,\"message\":\"internal error\",\"request_id\":\"r-1\"}"
                        .getBytes(StandardCharsets.UTF_8))
                : next.handle(request);
        simulator().addRequestFilter(failing);

        Exchange out = template.request("direct:create", e -> e.getMessage().setBody("Only once, please"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(KlingTask.class).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void aLaterStepOfTheRouteStillCreatesItsOwnTask() {
        Exchange out = template.request("direct:two-steps", e -> e.getMessage().setBody("First step"));

        assertThat(out.getException()).isNull();
        assertThat(simulator().createdTaskCount()).isEqualTo(2);
    }
}
