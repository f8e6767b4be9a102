package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** A test client for the 2026 new design (kling-api-2026.md): API key, model in the path, {@code GET/POST /tasks}. */
final class NewDesignClient {
    static final String API_KEY = "nd-test-api-key";
    static final String T2V = "/text-to-video/";
    static final String I2V = "/image-to-video/";
    static final String OMNI = "/omni-video/";
    static final String MOTION = "/motion-control/";

    final KlingHttp http;

    NewDesignClient(KlingSimulator sim) {
        this.http = KlingHttp.withAuthorization(sim, "Bearer " + sim.apiKey());
    }

    KlingHttp.Reply create(String path, Map<String, ?> body) {
        return http.post(path, body);
    }

    /** Creates a task and returns its id, failing the test if creation did not succeed. */
    String createId(String path, Map<String, ?> body) {
        KlingHttp.Reply reply = create(path, body);
        if (reply.status() != 200) {
            throw new AssertionError("create on " + path + " failed: " + reply.status() + " " + reply.body());
        }
        return reply.data().get("id").asText();
    }

    /** {@code GET /tasks?task_ids=id}: the one task. */
    JsonNode task(String id) {
        KlingHttp.Reply reply = http.get("/tasks?task_ids=" + id);
        if (reply.status() != 200 || reply.data().size() != 1) {
            throw new AssertionError("GET /tasks?task_ids=" + id + ": " + reply.status() + " " + reply.body());
        }
        return reply.data().get(0);
    }

    /** Polls {@code GET /tasks} until the task is final and returns it. */
    JsonNode awaitFinal(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).until(() -> {
            last[0] = task(id);
            String status = last[0].get("status").asText();
            return status.equals("succeeded") || status.equals("failed");
        });
        return last[0];
    }

    /** {@code POST /tasks} with a JSON body. */
    KlingHttp.Reply list(Map<String, ?> body) {
        return http.post("/tasks", body);
    }

    /** A {@code contents[]} item: {@code item("prompt", "text", "a fox")}. */
    static Map<String, Object> item(String type, Object... fields) {
        Object[] all = new Object[fields.length + 2];
        all[0] = "type";
        all[1] = type;
        System.arraycopy(fields, 0, all, 2, fields.length);
        return KlingHttp.body(all);
    }
}
