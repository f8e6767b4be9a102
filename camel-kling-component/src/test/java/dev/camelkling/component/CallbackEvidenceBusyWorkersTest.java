package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A callback is evidence that callbacks reach the application (so callbackGracePeriod holds the waits) once it is
 * answered, even while the component's workers are all busy routing: Kling's 200 must not come before the waits know.
 */
class CallbackEvidenceBusyWorkersTest extends CallbackTestSupport {

    private static final String T2V = "/v1/videos/text2video";
    private static final String IMAGES_PATH = "/kling/callback/busy-images";

    /** Holds the image callback consumer's exchange, and with it the component's only worker thread. */
    private final CountDownLatch releaseRoute = new CountDownLatch(1);
    private final CountDownLatch routeEntered = new CountDownLatch(1);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("kling", KlingComponent.class).setWorkerPoolSize(1);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/callback/busy-t2v&callbackBaseUrl=http://127.0.0.1:"
                     + port).routeId("t2v").to("mock:t2v");
                from("direct:wait").to("kling:text2video?waitForCompletion=true");
                from("kling:imageGeneration?consumerMode=callback&callbackPath=" + IMAGES_PATH + "&callbackBaseUrl=http://127.0.0.1:"
                     + port).routeId("images").process(e -> {
                         routeEntered.countDown();
                         releaseRoute.await(30, TimeUnit.SECONDS); // a slow route: a download, a database
                     });
            }
        };
    }

    @AfterEach
    void releaseTheWorker() {
        releaseRoute.countDown();
    }

    @Test
    void aWaitsOwnProcessingCallbackHoldsItWhileTheWorkersAreBusyRouting() throws Exception {
        // an image task made elsewhere, announced to the image consumer: its route takes the one worker and keeps it
        KlingTask image = template.requestBody("kling:imageGeneration?waitForCompletion=true", "A kite", KlingTask.class);
        assertThat(postCallback(IMAGES_PATH, ("{\"task_id\":\"" + image.taskId() + "\",\"task_status\":\"succeed\"}")
                .getBytes(StandardCharsets.UTF_8), Map.of())).isEqualTo(200);
        assertThat(routeEntered.await(20, TimeUnit.SECONDS)).isTrue();

        timeTasks(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1))); // finishes when the test says
        try (TaskReadCounter reads = TaskReadCounter.on(simulator(), T2V)) {
            CompletableFuture<Exchange> wait = template.asyncSend("direct:wait", e -> e.getMessage().setBody("A slow tide"));
            await().atMost(Duration.ofSeconds(20)).until(() -> simulator().callbackDeliveries().stream()
                    .anyMatch(d -> d.taskStatus().equals("processing") && d.responseStatus() == 200 && !d.taskId().equals(image.taskId())));
            String id = simulator().callbackDeliveries().stream().filter(d -> !d.taskId().equals(image.taskId()))
                    .findFirst().orElseThrow().taskId();

            int seen = reads.gets(id);
            // answered 200, so the wait is held: at most a read already under way, none after it
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> reads.gets(id) <= seen + 1);

            releaseRoute.countDown();
            assertThat(simulator().completeTask(id)).isTrue();
            assertThat(succeeded(wait.get(20, TimeUnit.SECONDS)).taskId()).isEqualTo(id);
        }
    }
}
