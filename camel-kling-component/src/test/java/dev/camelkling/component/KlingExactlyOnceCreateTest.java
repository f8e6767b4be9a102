package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Never bill twice: creates whose answer is lost or ambiguous are reconciled by external id, not sent again blindly. */
class KlingExactlyOnceCreateTest extends KlingTestSupport {

    private RequestFilter fault;

    @AfterEach
    void removeFault() {
        if (fault != null) {
            simulator().removeRequestFilter(fault);
        }
    }

    /** The first create reaches Kling and the task is made, but the answer is an error. */
    private void failFirstCreateAfterCreating(String path, int status, int code) {
        AtomicInteger posts = new AtomicInteger();
        fault = (request, next) -> {
            SimResponse real = next.handle(request);
            if (request.method().equals("POST") && request.path().equals(path) && posts.incrementAndGet() == 1) {
                return error(status, code);
            }
            return real;
        };
        simulator().addRequestFilter(fault);
    }

    private static SimResponse error(int status, int code) {
        return SimResponse.json(status, ("{\"code\":" + code + ",\"message\":\"injected\",\"request_id\":\"r\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a5xxAfterTheTaskWasCreatedIsReconciledByLookupNotByASecondTask() {
        failFirstCreateAfterCreating("/v1/videos/text2video", 500, 5000);

        Exchange out = template.request("kling:text2video?waitForCompletion=true", e -> e.getMessage().setBody("Once"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(KlingTask.class).status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
        String externalId = out.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class);
        assertThat(externalId).startsWith("camel-").endsWith("-text2video-1");
        assertThat(simulator().tasksByExternalId(externalId)).isEqualTo(1);
    }

    @Test
    void a5xxBeforeAnythingWasCreatedLeadsToExactlyOneNewCreate() {
        AtomicInteger posts = new AtomicInteger();
        fault = (request, next) -> request.method().equals("POST") && posts.incrementAndGet() == 1
                ? error(504, 5002) : next.handle(request);
        simulator().addRequestFilter(fault);

        Exchange out = template.request("kling:text2video", e -> e.getMessage().setBody("Second time lucky"));

        assertThat(out.getException()).isNull();
        assertThat(posts.get()).isEqualTo(2);
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void aCreateAnsweredTooLateIsFoundAgainInsteadOfRepeated() {
        AtomicInteger posts = new AtomicInteger();
        fault = (request, next) -> {
            SimResponse real = next.handle(request);
            if (request.method().equals("POST") && posts.incrementAndGet() == 1) {
                try {
                    Thread.sleep(1_500); // the server is slow to answer: past the client's request timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return real;
        };
        simulator().addRequestFilter(fault);

        Exchange out = template.request("kling:text2video?requestTimeout=300", e -> e.getMessage().setBody("Slow"));

        assertThat(out.getException()).isNull();
        assertThat(posts.get()).isEqualTo(1);
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void featuresWithoutLookupByExternalIdScanTheirList() {
        KlingTask source = template.requestBody("kling:text2video?waitForCompletion=true", "Source", KlingTask.class);
        failFirstCreateAfterCreating("/v1/videos/video-extend", 500, 5000);

        Exchange out = template.request("kling:videoExtend?waitForCompletion=true",
                e -> e.getMessage().setBody(source.firstVideoId()));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(KlingTask.class).parentVideo().id()).isEqualTo(source.firstVideoId());
        assertThat(simulator().createdTaskCount()).isEqualTo(2);
    }

    @Test
    void theSameBusinessKeyTwiceCreatesOneTask() {
        String uri = "kling:text2video?externalTaskIdExpression=order-${header.orderId}";

        KlingTask first = template.requestBodyAndHeader(uri, "Order video", "orderId", "A17", KlingTask.class);
        KlingTask again = template.requestBodyAndHeader(uri, "Order video", "orderId", "A17", KlingTask.class);

        assertThat(again.taskId()).isEqualTo(first.taskId());
        assertThat(first.externalTaskId()).isEqualTo("order-A17");
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void imageGenerationTakesNoExternalIdSoAnAmbiguousFailureIsReportedNotRetried() {
        failFirstCreateAfterCreating("/v1/images/generations", 500, 5000);

        Exchange out = template.request("kling:imageGeneration", e -> e.getMessage().setBody("A poster"));

        assertThat(out.getException()).isInstanceOf(KlingApiException.class);
        assertThat(((KlingApiException) out.getException()).code()).isEqualTo(5000);
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void twoCreatesOfOneExchangeAreTwoTasks() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:two").to("kling:text2video").setBody(constant("A different prompt"))
                        .to("kling:text2video?aspectRatio=9:16").setBody(constant("Third prompt"))
                        .to("kling:text2video");
            }
        });

        Exchange out = template.request("direct:two", e -> e.getMessage().setBody("First prompt"));

        assertThat(out.getException()).isNull();
        assertThat(simulator().createdTaskCount()).isEqualTo(3);
        assertThat(out.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class)).endsWith("-text2video-3");
    }

    @Test
    void aRedeliveredExtensionResumesFromItsLastStepInsteadOfStartingOver() throws Exception {
        KlingTask source = template.requestBody("kling:text2video?waitForCompletion=true", "Source", KlingTask.class);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0));
                from("direct:extend").to("kling:videoExtend?targetDuration=14&maxReadAttempts=1");
            }
        });
        AtomicInteger extendGets = new AtomicInteger();
        AtomicInteger extendPosts = new AtomicInteger();
        fault = (request, next) -> {
            if (request.path().startsWith("/v1/videos/video-extend")) {
                if (request.method().equals("POST")) {
                    extendPosts.incrementAndGet();
                } else if (request.path().startsWith("/v1/videos/video-extend/") && extendGets.incrementAndGet() == 2) {
                    return error(500, 5000); // a read of the first step fails once: the exchange is redelivered
                }
            }
            return next.handle(request);
        };
        simulator().addRequestFilter(fault);

        Exchange out = template.request("direct:extend", e -> e.getMessage().setBody(source.firstVideoId()));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isGreaterThanOrEqualTo(1);
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_IDS, java.util.List.class)).hasSize(2);
        assertThat(extendPosts.get()).as("creates sent to video-extend").isEqualTo(2);
        assertThat(simulator().createdTaskCount()).isEqualTo(3);
    }
}
