package dev.camelkling.component;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camelkling.client.task.KlingTask;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KlingConsumerTest extends KlingTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?delay=100&initialDelay=0&pageSize=2").routeId("finished")
                        .to("mock:finished");
                from("kling:image2video?delay=100&initialDelay=0").routeId("flaky")
                        .to("mock:flaky")
                        .process(e -> {
                            if (flakyAttempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("downstream system unavailable");
                            }
                        })
                        .to("mock:flaky-done");
            }
        };
    }

    private final java.util.concurrent.atomic.AtomicInteger flakyAttempts = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger listRequests = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.BeforeEach
    void countListRequests() {
        simulator().addRequestFilter((request, next) -> {
            if ("GET".equals(request.method()) && request.path().equals("/v1/videos/text2video")) {
                listRequests.incrementAndGet();
            }
            return next.handle(request);
        });
    }

    @Test
    void emitsEveryFinalTaskExactlyOnceAcrossPages() throws Exception {
        MockEndpoint finished = getMockEndpoint("mock:finished");
        Set<String> created = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            created.add(template.requestBody("kling:text2video", "Prompt " + i, KlingTask.class).taskId());
        }
        created.add(template.requestBody("kling:text2video", "Refused [[fail]]", KlingTask.class).taskId());

        await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> finished.getReceivedCounter() >= created.size());
        // let several more polls run over the same finished tasks; none may be emitted again
        int pollsBefore = listRequests.get();
        await().until(() -> listRequests.get() >= pollsBefore + 6);

        List<KlingTask> emitted = finished.getExchanges().stream().map(e -> e.getMessage().getBody(KlingTask.class)).toList();
        assertThat(emitted).hasSize(created.size());
        assertThat(emitted.stream().map(KlingTask::taskId).collect(Collectors.toSet())).isEqualTo(created);
        assertThat(finished.getExchanges()).allSatisfy(e -> assertThat(e.getMessage().getHeader(KlingConstants.TASK_STATUS))
                .isIn("succeed", "failed"));
        assertThat(emitted.stream().filter(t -> t.statusMessage() != null && !t.statusMessage().isEmpty()).count())
                .isEqualTo(1);
    }

    @Test
    void aTaskWhoseExchangeFailedIsEmittedAgainByALaterPoll() throws Exception {
        String taskId = template.requestBody("kling:image2video?image=https://example.com/frame.png&prompt=flaky",
                (Object) null, KlingTask.class).taskId();

        await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> getMockEndpoint("mock:flaky-done").getReceivedCounter() == 1);

        MockEndpoint flaky = getMockEndpoint("mock:flaky");
        assertThat(flaky.getReceivedCounter()).isEqualTo(2);
        assertThat(flaky.getExchanges()).allSatisfy(e -> assertThat(e.getMessage().getHeader(KlingConstants.TASK_ID))
                .isEqualTo(taskId));
        assertThat(flakyAttempts.get()).isEqualTo(2);
    }
}
