package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LifecycleTest {
    static final String T2V = "/v1/videos/text2video";

    /**
     * Fast timing for the tests that only wait for a final state. The test that observes every step holds its
     * task in {@code processing} for an hour and releases it with {@code completeTask}, so no assertion depends
     * on how fast the machine is.
     */
    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(50)
            .timing(SimulatorTiming.FAST));

    @Test
    void taskMovesSubmittedProcessingSucceedWithChangingUpdatedAt() {
        KlingSimulator sim = SIM.simulator();
        SimulatorTiming original = sim.timing();
        try {
            // processing comes from the scheduler on its own; succeed only when the test says so
            sim.timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1)));
            KlingHttp client = KlingHttp.withJwt(sim);
            KlingHttp.Reply created = client.post(T2V, body("prompt", "a lighthouse in a storm", "duration", "10", "mode", "pro"));
            JsonNode submitted = created.data();
            String taskId = submitted.get("task_id").asText();
            long createdAt = submitted.get("created_at").asLong();
            assertThat(submitted.get("task_status").asText()).isEqualTo("submitted");
            assertThat(submitted.get("updated_at").asLong()).isEqualTo(createdAt);

            List<JsonNode> seen = new ArrayList<>(List.of(submitted));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
                JsonNode task = client.get(T2V + "/" + taskId).data();
                seen.add(task);
                return task.get("task_status").asText().equals("processing");
            });
            JsonNode processing = seen.get(seen.size() - 1);
            // held: it stays processing, unchanged, until released
            assertThat(client.get(T2V + "/" + taskId).data()).isEqualTo(processing);
            assertThat(sim.taskStatus(taskId)).contains("processing");

            assertThat(sim.completeTask(taskId)).isTrue();
            JsonNode done = client.get(T2V + "/" + taskId).data();
            seen.add(done);

            Set<String> statuses = new LinkedHashSet<>();
            Set<Long> updates = new LinkedHashSet<>();
            for (JsonNode task : seen) {
                statuses.add(task.get("task_status").asText());
                updates.add(task.get("updated_at").asLong());
                assertThat(task.get("created_at").asLong()).isEqualTo(createdAt);
                boolean isDone = task.get("task_status").asText().equals("succeed");
                assertThat(task.has("task_result")).isEqualTo(isDone);
                assertThat(task.has("final_unit_deduction")).isEqualTo(isDone);
            }
            assertThat(statuses).containsExactly("submitted", "processing", "succeed");
            assertThat(new ArrayList<>(updates)).hasSize(3).isSorted();

            JsonNode video = done.get("task_result").get("videos").get(0);
            assertThat(video.get("duration").asText()).isEqualTo("10.0");
            assertThat(video.get("url").asText()).isEqualTo(SIM.baseUrl() + "/media/videos/" + video.get("id").asText() + ".mp4");
            assertThat(done.get("final_unit_deduction").asText()).isEqualTo("4");
            assertThat(done.get("task_status_msg").asText()).isEmpty();
        } finally {
            sim.timing(original);
        }
    }

    @Test
    void theSchedulerAloneTakesATaskToSucceed() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        KlingHttp.Reply created = client.post(T2V, body("prompt", "on its own"));
        String taskId = created.data().get("task_id").asText();
        JsonNode done = client.awaitFinal(T2V, taskId);
        assertThat(done.get("task_status").asText()).isEqualTo("succeed");
        assertThat(done.get("updated_at").asLong()).isGreaterThan(created.data().get("updated_at").asLong());
        assertThat(done.get("task_result").get("videos")).hasSize(1);
    }

    @Test
    void failMarkerEndsFailedWithTheRiskControlMessage() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String taskId = client.create(T2V, body("prompt", "something [[fail]] here"));
        JsonNode task = client.awaitFinal(T2V, taskId);
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).isEqualTo("Failure to pass the risk control system");
        assertThat(task.has("task_result")).isFalse();
        assertThat(task.get("final_unit_deduction").asText()).isEqualTo("0");
        assertThat(task.get("updated_at").asLong()).isGreaterThan(task.get("created_at").asLong());
    }

    @Test
    void failMarkerWithTextEndsFailedWithThatText() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String taskId = client.create(T2V, body("prompt", "[[fail: Image download timed out]] a cat"));
        JsonNode task = client.awaitFinal(T2V, taskId);
        assertThat(task.get("task_status").asText()).isEqualTo("failed");
        assertThat(task.get("task_status_msg").asText()).isEqualTo("Image download timed out");
    }

    @Test
    void image2videoFailMarkerWorksInItsOptionalPrompt() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String path = "/v1/videos/image2video";
        String taskId = client.create(path, body("image", "https://example.com/a.png", "prompt", "[[fail]]"));
        assertThat(client.awaitFinal(path, taskId).get("task_status").asText()).isEqualTo("failed");
        String ok = client.create(path, body("image", "https://example.com/a.png"));
        assertThat(client.awaitFinal(path, ok).get("task_status").asText()).isEqualTo("succeed");
        assertThat(SIM.simulator().taskStatus(ok)).contains("succeed");
    }

    @Test
    void completeTaskFinishesARunningTaskThroughAllStepsOnce() {
        KlingSimulator sim = SIM.simulator();
        SimulatorTiming original = sim.timing();
        CallbackReceiver receiver = new CallbackReceiver();
        try {
            sim.timing(SimulatorTiming.of(Duration.ofHours(1), Duration.ofHours(1)));
            KlingHttp client = KlingHttp.withJwt(sim);
            String id = client.create(T2V, body("prompt", "on cue", "callback_url", receiver.url("/cb")));
            assertThat(client.get(T2V + "/" + id).data().get("task_status").asText()).isEqualTo("submitted");
            assertThat(sim.completeTask(id)).isTrue();
            assertThat(sim.completeTask(id)).isFalse();
            assertThat(sim.completeTask("unknown")).isFalse();
            JsonNode task = client.get(T2V + "/" + id).data();
            assertThat(task.get("task_status").asText()).isEqualTo("succeed");
            assertThat(task.get("task_result").get("videos")).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 3);
            assertThat(receiver.received()).extracting(r -> KlingHttp.JSON.readTree(r.body()).get("task_status").asText())
                    .containsExactly("submitted", "processing", "succeed");
        } finally {
            sim.timing(original);
            receiver.close();
        }
    }

    @Test
    void timingCanBeChangedAtRuntime() {
        KlingSimulator sim = SIM.simulator();
        SimulatorTiming original = sim.timing();
        try {
            sim.timing(SimulatorTiming.of(Duration.ZERO, Duration.ZERO));
            KlingHttp client = KlingHttp.withJwt(sim);
            KlingHttp.Reply created = client.post(T2V, body("prompt", "instant"));
            assertThat(created.data().get("task_status").asText()).isEqualTo("submitted");
            String id = created.data().get("task_id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> sim.taskStatus(id).orElse("").equals("succeed"));
        } finally {
            sim.timing(original);
        }
    }
}
