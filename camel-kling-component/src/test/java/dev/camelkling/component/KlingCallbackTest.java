package dev.camelkling.component;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KlingCallbackTest extends KlingTestSupport {

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/kling/callback", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void callbackUrlOptionMakesKlingPostEveryStatusChange() {
        String callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/kling/callback";

        String taskId = template.requestBodyAndHeader("kling:text2video?waitForCompletion=true", "A fox",
                KlingConstants.CALLBACK_URL, callbackUrl, dev.camelkling.client.task.KlingTask.class).taskId();

        await().until(() -> received.stream().anyMatch(b -> b.contains("\"succeed\"")));
        assertThat(received).allSatisfy(body -> assertThat(body).contains(taskId));
        assertThat(received).anySatisfy(body -> assertThat(body).contains("\"processing\""));
        assertThat(received).noneSatisfy(body -> assertThat(body).contains("request_id"));
    }
}
