package dev.camelkling.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelkling.client.task.KlingTask;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KlingConsumerFiltersTest extends KlingTestSupport {

    private final List<String> listedPages = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?delay=50&initialDelay=0&statuses=failed").routeId("failed-only")
                        .to("mock:failed");
                from("kling:image2video?delay=50&initialDelay=0&externalTaskIdPrefix=shop-").routeId("shop-only")
                        .to("mock:shop");
                from("kling:videoExtend?delay=50&initialDelay=0&pageSize=2").routeId("paging")
                        .to("mock:paging");
            }
        };
    }

    @BeforeEach
    void recordListPages() {
        simulator().addRequestFilter((request, next) -> {
            if (request.method().equals("GET") && request.path().equals("/v1/videos/video-extend")) {
                listedPages.add(request.query().getOrDefault("pageNum", "1"));
            }
            return next.handle(request);
        });
    }

    @Test
    void statusesFilterEmitsOnlyFailedTasks() throws Exception {
        template.requestBody("kling:text2video?waitForCompletion=true", "Fine");
        String failed = template.request("kling:text2video?waitForCompletion=true",
                e -> e.getMessage().setBody("Refused [[fail]]")).getMessage().getHeader(KlingConstants.TASK_ID, String.class);

        MockEndpoint mock = getMockEndpoint("mock:failed");
        await().atMost(Duration.ofSeconds(20)).until(() -> mock.getReceivedCounter() >= 1);
        int listsBefore = listedPages.size();
        await().until(() -> listedPages.size() >= listsBefore + 3); // several more polls of the extend consumer

        assertThat(mock.getExchanges()).hasSize(1);
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(KlingConstants.TASK_ID)).isEqualTo(failed);
    }

    @Test
    void externalTaskIdPrefixKeepsOtherApplicationsTasksOut() throws Exception {
        String image = "https://example.com/frame.png";
        template.requestBodyAndHeader("kling:image2video?prompt=ours&waitForCompletion=true", image,
                KlingConstants.EXTERNAL_TASK_ID, "shop-1");
        template.requestBodyAndHeader("kling:image2video?prompt=theirs&waitForCompletion=true", image,
                KlingConstants.EXTERNAL_TASK_ID, "crm-1");

        MockEndpoint mock = getMockEndpoint("mock:shop");
        await().atMost(Duration.ofSeconds(20)).until(() -> mock.getReceivedCounter() >= 1);
        int listsBefore = listedPages.size();
        await().until(() -> listedPages.size() >= listsBefore + 3);

        assertThat(mock.getExchanges()).hasSize(1);
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID)).isEqualTo("shop-1");
    }

    @Test
    void onceEverythingIsSettledAPollReadsOnlyTheFirstPage() throws Exception {
        KlingTask source = template.requestBody("kling:text2video?waitForCompletion=true", "Source", KlingTask.class);
        for (int i = 0; i < 5; i++) {
            template.requestBody("kling:videoExtend?waitForCompletion=true", source.firstVideoId());
        }
        MockEndpoint mock = getMockEndpoint("mock:paging");
        await().atMost(Duration.ofSeconds(20)).until(() -> mock.getReceivedCounter() >= 5);

        int settled = listedPages.size();
        await().until(() -> listedPages.size() >= settled + 4);
        List<String> later = listedPages.subList(settled + 1, listedPages.size());

        assertThat(mock.getExchanges()).hasSize(5);
        assertThat(later).as("pages read by polls after all tasks were emitted").containsOnly("1");
    }
}
