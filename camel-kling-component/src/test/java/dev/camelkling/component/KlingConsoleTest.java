package dev.camelkling.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kling dev console, found as Camel finds consoles (by name), over a running context: a polling consumer, a
 * callback consumer behind a real HTTP server and a producer whose creates queue for concurrency slots.
 */
class KlingConsoleTest extends CallbackTestSupport {

    private static final String WEBHOOK_SECRET
            = "whsec_" + Base64.getEncoder().encodeToString("kling-console-test-secret-32byte".getBytes(StandardCharsets.UTF_8));
    private static final String CALLBACK_PATH = "/kling/callback/console";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // set once on the component: the callback consumer below names neither
        context.getComponent("kling", KlingComponent.class).getConfiguration().setWebhookSecret(WEBHOOK_SECRET);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?delay=100&initialDelay=0").routeId("poller").to("mock:polled");
                from("kling:image2video?consumerMode=callback&callbackPath=" + CALLBACK_PATH).routeId("callbacks")
                        .to("mock:called");
            }
        };
    }

    private DevConsole console() {
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("kling");
        assertThat(console).isInstanceOf(KlingConsole.class);
        return console;
    }

    private String text() {
        return (String) console().call(DevConsole.MediaType.TEXT, Map.of());
    }

    private JsonObject json() {
        return (JsonObject) console().call(DevConsole.MediaType.JSON, Map.of());
    }

    private int post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CALLBACK_PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void showsAccountsSlotsWaitsPollsAndCallbacksAndNoSecret() throws Exception {
        SimulatorTiming timing = simulator().timing();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        try {
            simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMinutes(10)));
            for (int i = 0; i < 3; i++) {
                sent.add(template.asyncSend("kling:text2video?apiKey=RAW(" + API_KEY + ")&maxConcurrentTasks=2"
                                            + "&waitForCompletion=true",
                        e -> e.getMessage().setBody("A long glacier")));
            }
            // an unsigned callback is refused: the component's webhookSecret applies to the consumer
            assertThat(post("{\"task_id\":\"1\",\"task_status\":\"succeed\"}")).isEqualTo(401);
            assertThat(post("{\"task_id\":\"2\",\"task_status\":\"succeed\"}")).isEqualTo(401);

            await().until(() -> text().contains("concurrency slots 2 in use of 2, creates queued 1, waits in flight 2"));
            await().until(() -> !text().contains("last poll never"));

            String text = text();
            assertThat(text).contains("****7f3a at " + SIM.baseUrl()) // the producer's API key, masked
                    .contains("sim-**** at " + SIM.baseUrl()) // the consumers' access key, masked
                    .contains("poller (kling:text2video, poll): last poll 20")
                    .contains("callbacks (kling:image2video, callback on " + CALLBACK_PATH
                              + "): callbacks received 2, rejected 2");
            assertNoSecret(text);

            JsonObject json = json();
            List<JsonObject> accounts = json.getCollection("accounts");
            assertThat(accounts).anySatisfy(a -> {
                assertThat(a.getString("account")).isEqualTo("****7f3a");
                assertThat(a.getInteger("concurrencySlotLimit")).isEqualTo(2);
                assertThat(a.getInteger("concurrencySlotsInUse")).isEqualTo(2);
                assertThat(a.getInteger("createsQueued")).isEqualTo(1);
                assertThat(a.getInteger("waitsInFlight")).isEqualTo(2);
            });
            List<JsonObject> consumers = json.getCollection("consumers");
            assertThat(consumers).anySatisfy(c -> {
                assertThat(c.getString("routeId")).isEqualTo("poller");
                assertThat(c.getString("mode")).isEqualTo("poll");
                assertThat(c.getLong("lastPollTimestamp")).isPositive();
            });
            assertThat(consumers).anySatisfy(c -> {
                assertThat(c.getString("routeId")).isEqualTo("callbacks");
                assertThat(c.getLong("callbacksReceived")).isEqualTo(2);
                assertThat(c.getLong("callbacksRejected")).isEqualTo(2);
            });
            assertNoSecret(json.toJson());
        } finally {
            simulator().timing(timing);
        }
    }

    @Test
    void consolesAreFoundByName() {
        assertThat(console().getId()).isEqualTo("kling");
        assertThat(console().getGroup()).isEqualTo("camel");
    }

    private static void assertNoSecret(String shown) {
        assertThat(shown).doesNotContain(API_KEY, SIM.accessKey(), SIM.secretKey(), WEBHOOK_SECRET,
                WEBHOOK_SECRET.substring("whsec_".length()));
    }
}
