package dev.camelkling.client.wait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.http.SimResponse;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A simulator's answer listing tasks, without one of them: as if Kling had left it out. */
final class AnswersWithout {

    private AnswersWithout() {
    }

    /**
     * Drops the task from {@code data} (a legacy list page, a {@code GET /tasks} batch) or {@code data.result} (a
     * {@code POST /tasks} page), whichever id field it carries ({@code task_id}, or the new design's {@code id}).
     */
    static SimResponse without(String taskId, SimResponse response) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode envelope = (ObjectNode) json.readTree(response.body());
            JsonNode data = envelope.get("data");
            ArrayNode tasks = (ArrayNode) (data.isArray() ? data : data.get("result"));
            for (int i = tasks.size() - 1; i >= 0; i--) {
                JsonNode task = tasks.get(i);
                if (task.path("task_id").asText().equals(taskId) || task.path("id").asText().equals(taskId)) {
                    tasks.remove(i);
                }
            }
            return SimResponse.json(response.status(), json.writeValueAsBytes(envelope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
