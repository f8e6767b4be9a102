package dev.camelkling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulator per test, so held slots never leak between tests. Tasks stay running for an hour unless
 * a test completes them, so no assertion depends on how fast the machine is.
 */
class ConcurrencyLimitTest {
    static final String T2V = "/v1/videos/text2video";
    static final String I2V = "/v1/videos/image2video";

    @RegisterExtension
    KlingSimulatorExtension sim = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(2)
            .additionalAccount("ak-2", "sk-2")
            .timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1))));

    private static void assertLimited(KlingHttp.Reply reply) {
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.code()).isEqualTo(1303);
        assertThat(reply.message()).isEqualTo("parallel task over resource pack limit");
        assertThat(reply.json().has("data")).isFalse();
    }

    @Test
    void createOverTheLimitIs429With1303AndCreatesNothingThenSucceedsOnceATaskFinished() {
        KlingSimulator simulator = sim.simulator();
        KlingHttp client = KlingHttp.withJwt(simulator);
        String first = client.create(T2V, body("prompt", "one"));
        client.create(T2V, body("prompt", "two"));

        assertLimited(client.post(T2V, body("prompt", "three", "external_task_id", "third")));
        assertThat(simulator.createdTaskCount()).isEqualTo(2);
        assertThat(simulator.tasksByExternalId("third")).isZero();

        for (int i = 0; i < 30; i++) {
            assertThat(client.get(T2V + "/" + first).status()).isEqualTo(200);
            assertThat(client.get(T2V).status()).isEqualTo(200);
        }

        assertThat(simulator.completeTask(first)).isTrue();
        assertThat(client.get(T2V + "/" + first).data().get("task_status").asText()).isEqualTo("succeed");
        assertThat(client.post(T2V, body("prompt", "three", "external_task_id", "third")).status()).isEqualTo(200);
        assertThat(simulator.tasksByExternalId("third")).isEqualTo(1);
    }

    @Test
    void slotsArePerModelAndShareTheVideoPackAcrossVideoProducts() {
        KlingHttp client = KlingHttp.withJwt(sim.simulator());
        client.create(T2V, body("prompt", "one", "model_name", "kling-v1"));
        client.create(I2V, body("image", "https://example.com/a.png", "model_name", "kling-v1"));
        assertLimited(client.post(T2V, body("prompt", "three", "model_name", "kling-v1")));
        assertLimited(client.post(I2V, body("image", "https://example.com/a.png")));
        assertThat(client.post(T2V, body("prompt", "other model", "model_name", "kling-v1-6")).status()).isEqualTo(200);
    }

    @Test
    void otherAccountsHaveTheirOwnSlots() {
        KlingSimulator simulator = sim.simulator();
        KlingHttp client = KlingHttp.withJwt(simulator);
        client.create(T2V, body("prompt", "one"));
        client.create(T2V, body("prompt", "two"));
        KlingHttp other = KlingHttp.withAuthorization(simulator, "Bearer " + Tokens.valid("ak-2", "sk-2"));
        assertThat(other.post(T2V, body("prompt", "mine")).status()).isEqualTo(200);
    }

    @Test
    void failedTasksReleaseTheirSlot() {
        KlingHttp client = KlingHttp.withJwt(sim.simulator());
        String failing = client.create(T2V, body("prompt", "[[fail]]"));
        client.create(T2V, body("prompt", "ok"));
        assertLimited(client.post(T2V, body("prompt", "blocked")));
        assertThat(sim.simulator().completeTask(failing)).isTrue();
        assertThat(client.get(T2V + "/" + failing).data().get("task_status").asText()).isEqualTo("failed");
        assertThat(client.post(T2V, body("prompt", "now fits")).status()).isEqualTo(200);
    }

    @Test
    void limitCanBeRaisedAtRuntime() {
        KlingSimulator simulator = sim.simulator();
        KlingHttp client = KlingHttp.withJwt(simulator);
        client.create(T2V, body("prompt", "one"));
        client.create(T2V, body("prompt", "two"));
        assertLimited(client.post(T2V, body("prompt", "three")));
        simulator.maxConcurrentTasks(3);
        assertThat(client.post(T2V, body("prompt", "three")).status()).isEqualTo(200);
    }
}
