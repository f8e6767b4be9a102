package dev.camelkling.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dev console shows how many tasks a new-design consumer has passed without emitting them yet. */
class NewDesignConsoleTest extends KlingTestSupport {

    private static final Duration NEVER = Duration.ofDays(1);

    @AfterEach
    void fastAgain() {
        simulator().timing(SimulatorTiming.FAST);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?designStandard=NEW_DESIGN&apiKey=RAW(" + API_KEY + ")&delay=100&initialDelay=0")
                        .routeId("newDesignPoller").to("mock:emitted");
            }
        };
    }

    @Test
    void theAwaitedTasksOfANewDesignConsumerAreCountedUntilEmitted() throws Exception {
        simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), NEVER));
        String uri = "kling:text2video?modelName=kling-3.0-turbo&apiKey=RAW(" + API_KEY + ")";
        List<String> ids = List.of(template.requestBody(uri, "A lantern", KlingTask.class).taskId(),
                template.requestBody(uri, "A kettle", KlingTask.class).taskId());

        await().atMost(Duration.ofSeconds(20)).until(() -> text().contains("awaited 2"));
        assertThat(text()).containsPattern("newDesignPoller \\(kling:text2video, poll\\): last poll 20.*, position next window from 20");
        assertThat(json().getInteger("awaited")).isEqualTo(2);

        ids.forEach(simulator()::completeTask);
        getMockEndpoint("mock:emitted").expectedMessageCount(2);
        getMockEndpoint("mock:emitted").assertIsSatisfied(20_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> text().contains("awaited 0"));
        assertThat(json().getInteger("awaited")).isZero();
    }

    private DevConsole console() {
        return context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class).resolveDevConsole("kling");
    }

    private String text() {
        return (String) console().call(DevConsole.MediaType.TEXT, Map.of());
    }

    private JsonObject json() {
        JsonObject root = (JsonObject) console().call(DevConsole.MediaType.JSON, Map.of());
        List<JsonObject> consumers = root.getCollection("consumers");
        return consumers.stream().filter(c -> "newDesignPoller".equals(c.getString("routeId"))).findFirst().orElseThrow();
    }
}
