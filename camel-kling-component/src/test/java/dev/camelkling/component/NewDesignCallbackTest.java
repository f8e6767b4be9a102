package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.camelkling.client.callback.CallbackBody;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingOutput;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.simulator.CallbackDelivery;
import dev.camelkling.simulator.KlingSimulatorExtension;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelkling.component.NewDesignOutputsTest.MARKED_PROMPT;
import static dev.camelkling.component.NewDesignOutputsTest.assertOutputTypes;
import static dev.camelkling.component.NewDesignOutputsTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * New-design callbacks (kling-api-2026.md §6: {@code id}, {@code status: succeeded}, {@code outputs[]}), signed by the
 * simulator, through the callback consumer: verified, confirmed by a read from {@code GET /tasks}, emitted once; the
 * body the simulator really posted parses into typed outputs of every type, which the emitted message carries in the
 * same headers as a producer's read.
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

    @Test
    void aCallbackWithAudioWatermarkVoiceElementAndAnUnknownOutputMapsEachToItsHeader() {
        MockEndpoint mock = getMockEndpoint("mock:new-design");
        SIGNED_SIM.simulator().reset();

        String taskId = template.requestBodyAndHeader("kling:text2video?modelName=kling-3.0&audio=native&watermarkInfo=true"
                                                      + "&baseUrl=" + SIGNED_SIM.baseUrl() + "&apiKey=RAW(" + API_KEY + ")",
                MARKED_PROMPT, KlingConstants.CALLBACK_URL, "http://127.0.0.1:" + port + PATH, KlingTask.class).taskId();

        await().until(() -> succeededCallback(taskId) != null);
        KlingTask posted = CallbackBody.task(succeededCallback(taskId).body());
        assertOutputTypes(posted.outputs().stream().filter(output -> !(output instanceof KlingOutput.Audio)).toList());
        assertThat(posted.audio()).singleElement().satisfies(audio -> assertThat(audio.mp3Url()).endsWith(".mp3"));
        assertThat(posted.watermarkUrls()).hasSize(1);

        await().until(() -> mock.getReceivedCounter() == 1);
        Message emitted = mock.getExchanges().get(0).getMessage();
        assertThat(emitted.getHeader(KlingConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(strings(emitted, KlingConstants.RESULT_URLS)).isEqualTo(posted.resultUrls()).hasSize(1);
        assertThat(strings(emitted, KlingConstants.WATERMARK_URLS)).isEqualTo(posted.watermarkUrls());
        assertThat(strings(emitted, KlingConstants.AUDIO_MP3_URLS)).containsExactly(posted.audio().get(0).mp3Url());
        assertThat(strings(emitted, KlingConstants.AUDIO_WAV_URLS)).containsExactly(posted.audio().get(0).wavUrl());
        assertThat(strings(emitted, KlingConstants.VOICE_IDS)).isEqualTo(posted.voiceIds()).hasSize(1);
        assertThat(strings(emitted, KlingConstants.ELEMENT_IDS)).isEqualTo(posted.elementIds()).hasSize(1);
        assertThat(emitted.getHeader(KlingConstants.OUTPUTS, List.class)).isEqualTo(posted.outputs());
    }

    private static CallbackDelivery succeededCallback(String taskId) {
        return SIGNED_SIM.simulator().callbackDeliveries().stream()
                .filter(d -> d.taskId().equals(taskId) && d.taskStatus().equals("succeeded")).findFirst().orElse(null);
    }
}
