package dev.camelkling.component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * callbackReceiver names the callback consumer a producer's callbacks reach: its URL is sent when the producer has
 * none (choosing among several consumers), and with a URL of the producer's own it makes callbackGracePeriod apply.
 */
class CallbackReceiverTest extends CallbackTestSupport {

    private static final String T2V_LIST = "/v1/videos/text2video";


    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String base = "callbackBaseUrl=http://127.0.0.1:" + port;
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/callback/first&" + base).routeId("first")
                        .to("mock:first");
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/callback/second&" + base).routeId("second")
                        .to("mock:second");
                String waiting = "kling:text2video?waitForCompletion=true&callbackGracePeriod=1m";
                from("direct:named").to(waiting + "&callbackReceiver=second");
                // a URL of the producer's own, e.g. a proxy in front of the consumer: only callbackReceiver says where it leads
                String ownUrl = "&callbackUrl=http://127.0.0.1:" + port + "/kling/callback/first";
                from("direct:proxied").to(waiting + ownUrl + "&callbackReceiver=first");
                from("direct:elsewhere").to(waiting + ownUrl);
                from("direct:unknown").to(waiting + "&callbackReceiver=no-such-route");
            }
        };
    }

    @BeforeEach
    void tasksOfOneAndAHalfSeconds() {
        // long enough that waits polling every 50-200 ms (the test's pollInterval) read each task several times
        timeTasks(SimulatorTiming.of(Duration.ofMillis(100), Duration.ofMillis(1500)));
    }

    private static String taskId(Exchange exchange) {
        return succeeded(exchange).taskId();
    }

    @Test
    void theNamedReceiversUrlIsSentAndItsCallbackCompletesTheWait() {
        taskId(template.send("direct:named", e -> e.getMessage().setBody("A warm-up: callbacks reach us")));
        try (TaskReadCounter reads = TaskReadCounter.on(simulator(), T2V_LIST)) {
            String id = taskId(template.send("direct:named", e -> e.getMessage().setBody("A kite over dunes")));

            assertThat(simulator().callbackDeliveries()).filteredOn(d -> d.taskId().equals(id))
                    .allSatisfy(d -> assertThat(d.url()).isEqualTo("http://127.0.0.1:" + port + "/kling/callback/second"));
            assertThat(reads.gets(id)).isEqualTo(1);
            assertThat(reads.listPages()).isZero();
        }
    }

    @Test
    void aUrlOfTheProducersOwnHoldsTheWaitOnlyWhenItNamesItsReceiver() throws Exception {
        taskId(template.send("direct:proxied", e -> e.getMessage().setBody("A warm-up: callbacks reach us")));
        try (TaskReadCounter reads = TaskReadCounter.on(simulator(), T2V_LIST)) {
            CompletableFuture<Exchange> proxied = template.asyncSend("direct:proxied", e -> e.getMessage().setBody("A ferry"));
            CompletableFuture<Exchange> elsewhere = template.asyncSend("direct:elsewhere", e -> e.getMessage().setBody("A tram"));
            String proxiedId = taskId(proxied.get(20, TimeUnit.SECONDS));
            String elsewhereId = taskId(elsewhere.get(20, TimeUnit.SECONDS));

            assertThat(reads.gets(proxiedId)).as("reads of the task whose callbacks reach the named receiver").isEqualTo(1);
            // its callbacks may go anywhere: polled as usual, with callbackGracePeriod set or not
            assertThat(reads.gets(elsewhereId) + reads.listPages()).as("reads of the other task").isGreaterThan(1);
        }
    }

    @Test
    void aReceiverThatIsNoCallbackConsumerFailsTheCreateBeforeAnythingIsSent() {
        Exchange failed = template.send("direct:unknown", e -> e.getMessage().setBody("Lost"));

        assertThat(failed.getException()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callbackReceiver").hasMessageContaining("no-such-route");
        assertThat(simulator().createdTaskCount()).isZero();
    }
}
