package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared steps for the tests of the products that build on earlier results. */
final class Results {
    static final String T2V = "/v1/videos/text2video";
    static final String IDENTIFY = "/v1/videos/identify-face";
    static final String EXTEND = "/v1/videos/video-extend";

    private Results() {
    }

    /** Runs a task to {@code succeed} and returns its data. */
    static JsonNode succeeded(KlingHttp client, String path, Map<String, ?> body) {
        String taskId = client.create(path, body);
        JsonNode task = client.awaitFinal(path, taskId);
        assertThat(task.get("task_status").asText()).as(task.toString()).isEqualTo("succeed");
        return task;
    }

    /** A finished text2video of the given length: its {@code task_result.videos[0]}. */
    static JsonNode textVideo(KlingHttp client, String duration) {
        return succeeded(client, T2V, KlingHttp.body("prompt", "A red fox trotting through fresh snow at dawn",
                "duration", duration)).get("task_result").get("videos").get(0);
    }

    /**
     * A text2video extended until it is {@code seconds} long, finishing each task on the spot with
     * {@link KlingSimulator#completeTask}; returns the last {@code task_result.videos[0]}.
     */
    static JsonNode videoOfLength(KlingSimulator sim, KlingHttp client, int seconds) {
        String taskId = client.create(T2V, KlingHttp.body("prompt", "a long take", "duration", seconds % 10 == 0 ? "10" : "5"));
        sim.completeTask(taskId);
        JsonNode video = client.get(T2V + "/" + taskId).data().get("task_result").get("videos").get(0);
        while (Double.parseDouble(video.get("duration").asText()) < seconds) {
            taskId = client.create(EXTEND, KlingHttp.body("video_id", video.get("id").asText()));
            sim.completeTask(taskId);
            video = client.get(EXTEND + "/" + taskId).data().get("task_result").get("videos").get(0);
        }
        return video;
    }

    static BufferedImage png(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("a decodable image").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertRejected(KlingSimulator sim, KlingHttp.Reply reply, int code, String messagePart, int createdBefore) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(code == 1203 ? 404 : code == 1303 ? 429 : 400);
        assertThat(reply.code()).as(reply.body()).isEqualTo(code);
        assertThat(reply.message()).contains(messagePart);
        assertThat(reply.json().has("data")).isFalse();
        assertThat(sim.createdTaskCount()).isEqualTo(createdBefore);
    }

    /** Posts a raw create with a valid JWT and asserts the refusal: status, code, message, and no task made. */
    static void assertCreateRejected(KlingSimulator sim, String path, Map<String, Object> request, int code,
                                     String messagePart) {
        int before = sim.createdTaskCount();
        assertRejected(sim, KlingHttp.withJwt(sim).post(path, request), code, messagePart, before);
    }
}
