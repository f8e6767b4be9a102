package dev.camelkling.component;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskFailedException;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KlingText2VideoProducerTest extends KlingTestSupport {

    @Test
    void createReturnsTheSubmittedTaskWithItsHeaders() {
        Exchange out = template.request("kling:text2video?externalTaskId=order-42", e -> e.getMessage().setBody("A red fox in snow"));

        assertThat(out.getException()).isNull();
        KlingTask task = out.getMessage().getBody(KlingTask.class);
        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_ID, String.class)).isEqualTo(task.taskId()).isNotBlank();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("submitted");
        assertThat(out.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID)).isEqualTo("order-42");
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void waitForCompletionEndsWithSucceedAndDownloadableVideo() throws Exception {
        Exchange out = template.request("kling:text2video?waitForCompletion=true&aspectRatio=9:16&duration=5",
                e -> e.getMessage().setBody("A paper boat drifting down a gutter"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        List<?> urls = out.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class);
        assertThat(urls).hasSize(1);
        assertThat(out.getMessage().getHeader(KlingConstants.VIDEO_ID, String.class)).isNotBlank();
        assertThat(isMp4(download((String) urls.get(0)))).isTrue();
    }

    @Test
    void downloadStreamsTheVideoIntoTheBody() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // the stream is only open while the exchange is routed, so it is read inside the route
                from("direct:download").to("kling:text2video?waitForCompletion=true&download=true")
                        .convertBodyTo(byte[].class);
            }
        });
        Exchange out = template.request("direct:download", e -> e.getMessage().setBody("A city skyline at night"));

        assertThat(out.getException()).isNull();
        byte[] video = out.getMessage().getBody(byte[].class);
        assertThat(isMp4(video)).isTrue();
        String url = (String) out.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class).get(0);
        assertThat(video).isEqualTo(download(url));
    }

    @Test
    void aTaskThatFailsRaisesTheStatusMessage() {
        Exchange out = template.request("kling:text2video?waitForCompletion=true",
                e -> e.getMessage().setBody("Something forbidden [[fail: content rejected by policy]]"));

        assertThat(out.getException()).isInstanceOf(KlingTaskFailedException.class)
                .hasMessageContaining("content rejected by policy");
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("failed");
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS_MESSAGE)).isEqualTo("content rejected by policy");
    }

    @Test
    void getByTaskIdHeaderAndByExternalId() {
        KlingTask created = template.requestBody("kling:text2video?externalTaskId=lookup-1", "A lighthouse", KlingTask.class);

        KlingTask byId = template.requestBodyAndHeader("kling:text2video?operation=get", null,
                KlingConstants.TASK_ID, created.taskId(), KlingTask.class);
        KlingTask byExternal = template.requestBodyAndHeaders("kling:text2video", null,
                Map.of(KlingConstants.OPERATION, "get", KlingConstants.EXTERNAL_TASK_ID, "lookup-1"), KlingTask.class);
        KlingTask byBody = template.requestBody("kling:text2video?operation=get", created.taskId(), KlingTask.class);

        assertThat(byId.taskId()).isEqualTo(created.taskId());
        assertThat(byExternal.taskId()).isEqualTo(created.taskId());
        assertThat(byExternal.externalTaskId()).isEqualTo("lookup-1");
        assertThat(byBody.taskId()).isEqualTo(created.taskId());
    }

    @Test
    void getUnknownTaskFailsWith1203() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("kling:text2video?operation=get", null,
                KlingConstants.TASK_ID, "999999999999999999"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(KlingApiException.class)
                .satisfies(e -> assertThat(((KlingApiException) e).code()).isEqualTo(1203));
    }

    @Test
    void listPagesThroughTasks() {
        for (int i = 0; i < 5; i++) {
            template.requestBody("kling:text2video", "Prompt " + i);
        }

        List<?> page1 = template.requestBodyAndHeaders("kling:text2video?operation=list&pageSize=2", null,
                Map.of(KlingConstants.PAGE_NUM, 1), List.class);
        List<?> page3 = template.requestBodyAndHeaders("kling:text2video?operation=list&pageSize=2", null,
                Map.of(KlingConstants.PAGE_NUM, 3), List.class);

        assertThat(page1).hasSize(2);
        assertThat(page3).hasSize(1);
    }

    @Test
    void headersOverrideOptions() throws Exception {
        RecordedRequests sent = RecordedRequests.on(simulator());
        try {
            Exchange out = template.request("kling:text2video?aspectRatio=16:9&negativePrompt=blurry&waitForCompletion=true", e -> {
                e.getMessage().setBody("Override me");
                e.getMessage().setHeader(KlingConstants.ASPECT_RATIO, "1:1");
                e.getMessage().setHeader(KlingConstants.DURATION, 10);
            });

            assertThat(out.getException()).isNull();
            var body = sent.creates("/v1/videos/text2video").get(0).json();
            assertThat(body.get("prompt").asText()).isEqualTo("Override me");
            assertThat(body.get("aspect_ratio").asText()).isEqualTo("1:1");
            assertThat(body.get("duration").asText()).isEqualTo("10");
            assertThat(body.get("negative_prompt").asText()).isEqualTo("blurry");
            assertThat(out.getMessage().getBody(KlingTask.class).videos().get(0).duration()).startsWith("10");
        } finally {
            sent.detach(simulator());
        }
    }

    @Test
    void invalidOptionIsRefusedLocallyNamingFieldAndRuleAndNothingIsSent() {
        Exchange out = template.request("kling:text2video?cfgScale=1.5", e -> e.getMessage().setBody("A fox"));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class)
                .hasMessageContaining("cfg_scale");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void tooLongPromptIsRefusedLocally() {
        Exchange out = template.request("kling:text2video", e -> e.getMessage().setBody("x".repeat(2501)));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("prompt");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void cameraControlAsUriText() throws Exception {
        RecordedRequests sent = RecordedRequests.on(simulator());
        try {
            Exchange out = template.request("kling:text2video?cameraControl=simple:zoom=5&waitForCompletion=true",
                    e -> e.getMessage().setBody("Zooming in on a flower"));

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
            var camera = sent.creates("/v1/videos/text2video").get(0).json().get("camera_control");
            assertThat(camera.get("type").asText()).isEqualTo("simple");
            assertThat(camera.get("config").get("zoom").asInt()).isEqualTo(5);
            assertThat(camera.get("config").get("pan").asInt()).isZero();
        } finally {
            sent.detach(simulator());
        }
    }

    @Test
    void apiKeyIsSentAsAStaticBearerTokenInsteadOfAJwt() {
        RecordedRequests sent = RecordedRequests.on(simulator());
        try {
            Exchange out = template.request("kling:text2video?apiKey=" + API_KEY,
                    e -> e.getMessage().setBody("Authenticated by API key"));

            assertThat(out.getException()).isNull();
            assertThat(sent.creates("/v1/videos/text2video").get(0).authorization()).isEqualTo("Bearer " + API_KEY);
        } finally {
            sent.detach(simulator());
        }
    }

    @Test
    void accessKeysAreSentAsAJwt() {
        RecordedRequests sent = RecordedRequests.on(simulator());
        try {
            template.requestBody("kling:text2video", "Authenticated by JWT");

            String authorization = sent.creates("/v1/videos/text2video").get(0).authorization();
            assertThat(authorization).startsWith("Bearer ");
            assertThat(authorization.substring(7).split("\\.")).hasSize(3);
        } finally {
            sent.detach(simulator());
        }
    }

    @Test
    void typedRequestBodyIsSentAsIs() {
        var request = dev.camelkling.client.request.KlingRequests.text2video().prompt("Typed request").duration(10).build();

        KlingTask task = template.requestBody("kling:text2video?waitForCompletion=true", request, KlingTask.class);

        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(task.videos().get(0).duration()).startsWith("10");
    }

    @Test
    void mapBodyCarriesWireFields() throws Exception {
        RecordedRequests sent = RecordedRequests.on(simulator());
        try {
            KlingTask task = template.requestBody("kling:text2video?waitForCompletion=true&aspectRatio=9:16",
                    Map.of("prompt", "From a map", "aspect_ratio", "1:1"), KlingTask.class);

            assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
            var body = sent.creates("/v1/videos/text2video").get(0).json();
            assertThat(body.get("prompt").asText()).isEqualTo("From a map");
            assertThat(body.get("aspect_ratio").asText()).isEqualTo("1:1");
        } finally {
            sent.detach(simulator());
        }
    }

    @Test
    void streamBodyIsReadAsPromptText() {
        InputStream prompt = new java.io.ByteArrayInputStream("A prompt from a stream".getBytes());
        KlingTask task = template.requestBody("kling:text2video", prompt, KlingTask.class);

        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
    }
}
