package dev.camelkling.kamelets;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kling-task-source emits each finished task of its feature once, whether it learns of them by polling or from
 * Kling's callbacks; json-serialize-action (apache/camel-kamelets) turns the task into JSON for a sink.
 */
class TaskSourcePipeTest extends KameletTestSupport {

    private PipeSpec pipe(PipeSpec.Endpoint source, Path out) {
        return PipeSpec.named("finished-tasks").source(source).step(PipeSpec.kamelet("json-serialize-action"))
                // the exchange id in the name makes a second emission of a task a second file
                .sink(PipeSpec.uri("file:" + out + "?fileName=${header.CamelKlingTaskId}_${header.CamelKlingTaskStatus}"
                                   + ".${exchangeId}.json&tempPrefix=.writing-"));
    }

    private static void assertOneJsonFilePerTask(List<Path> files, List<String> taskIds) throws Exception {
        assertThat(files.stream().map(KameletTestSupport::taskIdOf)).containsExactlyInAnyOrderElementsOf(taskIds);
        for (Path file : files) {
            assertThat(statusOf(file)).isEqualTo("succeed");
            JsonNode task = new ObjectMapper().readTree(Files.readString(file));
            assertThat(task.get("taskId").asText()).isEqualTo(taskIdOf(file));
            assertThat(task.get("externalTaskId").asText()).startsWith("kamelet-src-");
            assertThat(task.get("videos").get(0).get("url").asText()).startsWith(sim.baseUrl());
        }
    }

    @Test
    void pollingEmitsEveryFinishedTaskOfItsPrefixOnce() throws Exception {
        Path out = dir.resolve("out");
        List<String> early = createTasks(List.of("kamelet-src-1", "kamelet-src-2"), null);
        createTasks(List.of("another-app-1"), null);
        PipeSpec.Endpoint source = kling("kling-task-source").with("feature", "text2video")
                .with("externalTaskIdPrefix", "kamelet-src-").with("delay", 100).with("initialDelay", 0);

        try (RequestLog requests = RequestLog.on(sim); CamelMainRun run = runPipe(pipe(source, out))) {
            List<String> late = createTasks(List.of("kamelet-src-3"), null);
            awaitFiles(out, 3);
            // let the source poll the settled account several more times: nothing may come out twice
            int polls = requests.gets("/v1/videos/text2video");
            await().atMost(TIMEOUT).until(() -> requests.gets("/v1/videos/text2video") >= polls + 5);

            List<String> all = new ArrayList<>(early);
            all.addAll(late);
            assertOneJsonFilePerTask(files(out), all);
        }
    }

    @Test
    void callbacksEmitEveryFinishedTaskOnce() throws Exception {
        Path out = dir.resolve("out");
        int port = freePort();
        String callbackUrl = "http://127.0.0.1:" + port + "/kling/kamelet-callbacks";
        PipeSpec.Endpoint source = kling("kling-task-source").with("feature", "text2video").with("consumerMode", "callback")
                .with("callbackPath", raw("/kling/kamelet-callbacks"));
        Map<String, String> server = Map.of("camel.server.enabled", "true", "camel.server.host", "127.0.0.1",
                "camel.server.port", String.valueOf(port));

        try (CamelMainRun run = runPipe(pipe(source, out), server)) {
            List<String> created = createTasks(List.of("kamelet-src-a", "kamelet-src-b", "kamelet-src-c"), callbackUrl);
            awaitFiles(out, 3);
            // every callback (submitted, processing, succeed) of every task has been answered
            await().atMost(TIMEOUT).until(() -> sim.callbackDeliveries().stream()
                    .filter(d -> d.url().equals(callbackUrl) && d.taskStatus().equals("succeed")).count() == 3);

            assertOneJsonFilePerTask(files(out), created);
            assertThat(sim.callbackDeliveries()).allSatisfy(d -> assertThat(d.responseStatus()).isEqualTo(200));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
