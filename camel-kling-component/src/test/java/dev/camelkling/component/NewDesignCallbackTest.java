package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.simulator.KlingSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * New-design callbacks (kling-api-2026.md §6: {@code id}, {@code status: succeeded}, {@code outputs[]}), signed by the
 * simulator, through the callback consumer: verified, confirmed by a read from {@code GET /tasks}, emitted once.
 */
class NewDesignCallbackTest extends CallbackTestSupport {

    private static final String SECRET
            = "whsec_" + Base64.getEncoder().encodeToString("new-design-callback-secret-32byt".getBytes(StandardCharsets.UTF_8));
    private static final String PATH = "/kling/callback/new-design";

    @RegisterExtension
    static final KlingSimulatorExtension SIGNED_SIM = KlingSimulatorExtension.create(b -> b.apiKey(API_KEY).webhookSecret(SECRET));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                fromF("kling:text2video?consumerMode=callback&callbackPath=%s&webhookSecret=RAW(%s)&baseUrl=%s&apiKey=RAW(%s)",
                        PATH, SECRET, SIGNED_SIM.baseUrl(), API_KEY)
                        .routeId("new-design-callbacks").to("mock:new-design");
            }
        };
    }

    @Test
    void aSignedNewDesignCallbackIsVerifiedConfirmedAndEmittedOnce() {
        MockEndpoint mock = getMockEndpoint("mock:new-design");
        SIGNED_SIM.simulator().reset();
        RecordedRequests recorded = RecordedRequests.on(SIGNED_SIM.simulator());

        String taskId = template.requestBodyAndHeader("kling:text2video?modelName=kling-3.0&baseUrl=" + SIGNED_SIM.baseUrl()
                                                      + "&apiKey=RAW(" + API_KEY + ")",
                "A lighthouse at dusk", KlingConstants.CALLBACK_URL, "http://127.0.0.1:" + port + PATH, KlingTask.class).taskId();

        await().until(() -> SIGNED_SIM.simulator().callbackDeliveries().stream()
                .anyMatch(d -> d.taskId().equals(taskId) && d.taskStatus().equals("succeeded")));
        assertThat(SIGNED_SIM.simulator().callbackDeliveries()).filteredOn(d -> d.taskId().equals(taskId))
                .allSatisfy(d -> assertThat(d.responseStatus()).as("accepted: signed correctly").isEqualTo(200));
        await().until(() -> mock.getReceivedCounter() == 1);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> mock.getReceivedCounter() == 1);

        var message = mock.getExchanges().get(0).getMessage();
        assertThat(message.getHeader(KlingConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(message.getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(message.getHeader(KlingConstants.DESIGN)).isEqualTo(DesignStandard.NEW_DESIGN);
        assertThat(message.getHeader(KlingConstants.BILLING, List.class)).isNotEmpty();
        assertThat(recorded.all()).as("confirmed from GET /tasks, never from the legacy path")
                .filteredOn(r -> r.method().equals("GET")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/tasks"));
    }
}
