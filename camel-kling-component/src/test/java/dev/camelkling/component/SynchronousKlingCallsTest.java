package dev.camelkling.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step after a kling step that calls kling synchronously (a ProducerTemplate in a processor) blocks its KlingWorker
 * thread until that call is handed back, and so does one that joins a Kling client's future. With more such exchanges
 * at once than worker threads, every worker waits for an answer or a continuation that only a worker could handle:
 * they must go on elsewhere, so every exchange still ends.
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
                // blocks its worker on an answer of Kling without Camel knowing (no await manager)
                from("direct:joining").to("kling:text2video")
                        .process(e -> {
                            KlingClient client = context.getEndpoint("kling:text2video", KlingEndpoint.class).getClient();
                            String taskId = e.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
                            e.getMessage().setBody(client.get(KlingFeature.TEXT2VIDEO, taskId).join());
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

    @Test
    void moreExchangesJoiningAClientFutureThanWorkerThreadsAllEnd() throws Exception {
        simulator().maxConcurrentTasks(1_000);
        List<CompletableFuture<Object>> exchanges = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            exchanges.add(template.asyncRequestBody("direct:joining", "A kettle, take " + i));
        }
        CompletableFuture.allOf(exchanges.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(exchanges.stream().map(CompletableFuture::join).map(task -> ((KlingTask) task).taskId()).distinct())
                .as("each exchange read its own task").hasSize(EXCHANGES);
        assertThat(simulator().createdTaskCount()).isEqualTo(EXCHANGES);
    }
}
