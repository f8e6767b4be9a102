package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CallbackTest {
    static final String T2V = "/v1/videos/text2video";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(50));

    private CallbackReceiver receiver;

    @BeforeEach
    void startReceiver() {
        SIM.simulator().reset();
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static List<String> statuses(List<CallbackDelivery> deliveries) {
        return deliveries.stream().map(CallbackDelivery::taskStatus).toList();
    }

    @Test
    void everyTransitionIsPostedAsTheBareTaskObject() throws Exception {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String url = receiver.url("/kling/cb");
        String taskId = client.create(T2V, body("prompt", "callbacks", "external_task_id", "cb-1", "callback_url", url));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 3);
        List<CallbackReceiver.Received> received = receiver.received();
        List<String> receivedStatuses = received.stream()
                .map(r -> read(r.body()).get("task_status").asText()).toList();
        assertThat(receivedStatuses).containsExactly("submitted", "processing", "succeed");
        for (CallbackReceiver.Received r : received) {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
            JsonNode task = read(r.body());
            assertThat(task.has("code")).as("no envelope").isFalse();
            assertThat(task.get("task_id").asText()).isEqualTo(taskId);
            assertThat(task.get("task_info").get("external_task_id").asText()).isEqualTo("cb-1");
        }
        JsonNode last = read(received.get(2).body());
        assertThat(last.get("task_result").get("videos").get(0).get("url").asText()).startsWith(sim.baseUrl());
        assertThat(last).isEqualTo(client.get(T2V + "/" + taskId).data());

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesFor(sim, taskId).size() == 3);
        List<CallbackDelivery> deliveries = deliveriesFor(sim, taskId);
        assertThat(statuses(deliveries)).containsExactly("submitted", "processing", "succeed");
        for (int i = 0; i < 3; i++) {
            CallbackDelivery d = deliveries.get(i);
            assertThat(d.url()).isEqualTo(url);
            assertThat(d.taskId()).isEqualTo(taskId);
            assertThat(d.responseStatus()).isEqualTo(200);
            assertThat(d.error()).isNull();
            assertThat(d.delivered()).isTrue();
            assertThat(d.body()).isEqualTo(received.get(i).body());
            assertThat(d.time()).isNotNull();
        }
    }

    @Test
    void failedTasksAreNotifiedWithTheirMessage() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        client.create(T2V, body("prompt", "[[fail: nope]]", "callback_url", receiver.url("/cb")));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 3);
        JsonNode last = read(receiver.received().get(2).body());
        assertThat(last.get("task_status").asText()).isEqualTo("failed");
        assertThat(last.get("task_status_msg").asText()).isEqualTo("nope");
    }

    @Test
    void receiverErrorsAndUnreachableReceiversAreRecorded() throws IOException {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        receiver.answerWith(500);
        String erroring = receiver.url("/error");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort + "/cb";
        String a = client.create(T2V, body("prompt", "a", "callback_url", erroring));
        String b = client.create(T2V, body("prompt", "b", "callback_url", unreachable));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesFor(sim, a).size() == 3 && deliveriesFor(sim, b).size() == 3);
        List<CallbackDelivery> deliveries = sim.callbackDeliveries();
        assertThat(deliveries).filteredOn(d -> d.taskId().equals(a))
                .hasSize(3).allSatisfy(d -> {
                    assertThat(d.responseStatus()).isEqualTo(500);
                    assertThat(d.delivered()).isFalse();
                });
        assertThat(deliveries).filteredOn(d -> d.taskId().equals(b))
                .hasSize(3).allSatisfy(d -> {
                    assertThat(d.responseStatus()).isEqualTo(-1);
                    assertThat(d.error()).isNotBlank();
                });
        assertThat(client.awaitFinal(T2V, b).get("task_status").asText()).isEqualTo("succeed");
    }

    @Test
    void tasksWithoutCallbackUrlPostNothing() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String id = client.create(T2V, body("prompt", "quiet"));
        client.awaitFinal(T2V, id);
        assertThat(deliveriesFor(sim, id)).isEmpty();
        assertThat(receiver.received()).isEmpty();
    }

    /** Filters by task, as a previous test's last delivery may be recorded just after its reset. */
    private static List<CallbackDelivery> deliveriesFor(KlingSimulator sim, String taskId) {
        return sim.callbackDeliveries().stream().filter(d -> d.taskId().equals(taskId)).toList();
    }

    private static JsonNode read(String json) {
        try {
            return KlingHttp.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
