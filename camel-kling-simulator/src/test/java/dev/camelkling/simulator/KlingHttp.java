package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** A small test client for the simulator: plain JDK HttpClient, no code shared with the simulator. */
final class KlingHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final HttpClient client;
    private final String baseUrl;
    private final String authorization;

    KlingHttp(HttpClient client, String baseUrl, String authorization) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    static KlingHttp withJwt(KlingSimulator sim) {
        return new KlingHttp(CLIENT, sim.baseUrl(), "Bearer " + Tokens.valid(sim.accessKey(), sim.secretKey()));
    }

    static KlingHttp withAuthorization(KlingSimulator sim, String authorization) {
        return new KlingHttp(CLIENT, sim.baseUrl(), authorization);
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply post(String path, Map<String, ?> body) {
        return send("POST", path, write(body));
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("download of " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a task and returns its id, failing the test if creation did not succeed. */
    String create(String productPath, Map<String, ?> body) {
        Reply reply = post(productPath, body);
        if (reply.status() != 200) {
            throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
        }
        return reply.data().get("task_id").asText();
    }

    /** Polls get-one until the task is final and returns its data. */
    JsonNode awaitFinal(String productPath, String taskId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).until(() -> {
            last[0] = get(productPath + "/" + taskId).data();
            String status = last[0].get("task_status").asText();
            return status.equals("succeed") || status.equals("failed");
        });
        return last[0];
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ordered JSON object from key/value pairs. */
    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    record Reply(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        int code() {
            return json().get("code").asInt();
        }

        String message() {
            return json().get("message").asText();
        }

        JsonNode data() {
            return json().get("data");
        }
    }
}
