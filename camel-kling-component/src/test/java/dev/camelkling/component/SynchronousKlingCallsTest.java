package dev.camelkling.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelkling.client.task.KlingTask;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step after a kling step that calls kling synchronously (a ProducerTemplate in a processor) blocks its KlingWorker
 * thread until that call is handed back. With more such exchanges at once than worker threads, every worker waits for
 * a continuation that only a worker could run: they must go on elsewhere, so every exchange still ends.
 */
class SynchronousKlingCallsTest extends KlingTestSupport {

    private static final int EXCHANGES = 20; // more than the 8 KlingWorker threads

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to("kling:text2video")
                        .process(e -> {
                            ProducerTemplate nested = e.getContext().getRegistry().lookupByNameAndType("nested", ProducerTemplate.class);
                            e.getMessage().setBody(nested.requestBody("kling:image2video?imageTail=RAW(https://example.com/tail.png)",
                                    "https://example.com/head.png", KlingTask.class));
                        });
            }
        };
    }

    @Test
    void moreExchangesCallingKlingSynchronouslyThanWorkerThreadsAllEnd() throws Exception {
        simulator().maxConcurrentTasks(1_000);
        context.getRegistry().bind("nested", context.createProducerTemplate());
        List<CompletableFuture<Object>> exchanges = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            exchanges.add(template.asyncRequestBody("direct:start", "A lantern, take " + i));
        }
        CompletableFuture.allOf(exchanges.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(exchanges).allSatisfy(done -> assertThat(done.get()).isInstanceOfSatisfying(KlingTask.class,
                task -> assertThat(task.taskId()).isNotBlank()));
        assertThat(exchanges.stream().map(CompletableFuture::join).map(task -> ((KlingTask) task).taskId()).distinct())
                .as("one image2video task per exchange").hasSize(EXCHANGES);
        assertThat(simulator().createdTaskCount()).as("a text2video and an image2video task per exchange").isEqualTo(2 * EXCHANGES);
    }
}
