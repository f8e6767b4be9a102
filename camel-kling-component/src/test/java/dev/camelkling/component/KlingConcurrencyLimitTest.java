package dev.camelkling.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With maxConcurrentTasks the producer queues creates instead of running into Kling's 1303. */
class KlingConcurrencyLimitTest extends KlingTestSupport {

    @Test
    void createsBeyondTheLimitWaitForASlotInsteadOfFailing() {
        simulator().maxConcurrentTasks(2);
        try {
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String prompt = "Queued " + i;
                sent.add(template.asyncSend("kling:text2video?maxConcurrentTasks=2&waitForCompletion=true",
                        e -> e.getMessage().setBody(prompt)));
            }

            List<Exchange> done = sent.stream().map(CompletableFuture::join).toList();

            assertThat(done).allSatisfy(e -> {
                assertThat(e.getException()).isNull();
                assertThat(e.getMessage().getBody(KlingTask.class).status()).isEqualTo(KlingTaskStatus.SUCCEED);
            });
            assertThat(simulator().createdTaskCount()).isEqualTo(6);
        } finally {
            simulator().maxConcurrentTasks(5);
        }
    }
}
