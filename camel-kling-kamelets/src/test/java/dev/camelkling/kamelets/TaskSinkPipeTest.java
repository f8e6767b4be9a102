package dev.camelkling.kamelets;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.SimulatorTiming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** kling-task-sink creates one task per message and does not wait for it. */
class TaskSinkPipeTest extends KameletTestSupport {

    @AfterEach
    void fastTasksAgain() {
        sim.timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300)));
    }

    @Test
    void createsATaskPerMessageAndForgetsIt() throws Exception {
        // tasks that take an hour: a sink that waited would still hold every exchange
        sim.timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1)));
        PipeSpec pipe = PipeSpec.named("generate")
                .source(PipeSpec.kamelet("timer-source").with("message", "A paper boat on a pond").with("repeatCount", 3)
                        .with("period", 100))
                .sink(kling("kling-task-sink").with("feature", "text2video").with("aspectRatio", "9:16").with("duration", 10)
                        .with("externalTaskIdExpression", "boat-${exchangeId}"));

        try (RequestLog requests = RequestLog.on(sim); CamelMainRun run = runAsCamelK(pipe, Map.of())) {
            await().atMost(TIMEOUT).until(() -> sim.createdTaskCount() == 3 && run.context().getInflightRepository().size() == 0);

            List<JsonNode> creates = requests.creates("/v1/videos/text2video");
            assertThat(creates).hasSize(3).allSatisfy(create -> {
                assertThat(create.get("prompt").asText()).isEqualTo("A paper boat on a pond");
                assertThat(create.get("aspect_ratio").asText()).isEqualTo("9:16");
                assertThat(create.get("duration").asText()).isEqualTo("10");
                assertThat(create.get("external_task_id").asText()).startsWith("boat-");
            });
            assertThat(creates.stream().map(c -> c.get("external_task_id").asText()).distinct()).hasSize(3);
            assertThat(sim.externalIdCounts().keySet()).allSatisfy(id -> assertThat(sim.tasksByExternalId(id)).isEqualTo(1));
            // the exchanges are done while every task runs for another hour, and nothing ever read a task
            assertThat(requests.gets("/v1/videos/text2video")).isZero();
        }
    }
}
