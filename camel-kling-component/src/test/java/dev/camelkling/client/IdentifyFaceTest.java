package dev.camelkling.client;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.request.IdentifyFaceRequest;
import dev.camelkling.client.task.Face;
import dev.camelkling.client.task.FaceIdentification;
import dev.camelkling.client.transport.RetryPolicy;

import dev.camelkling.client.StubKlingServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class IdentifyFaceTest {

    private static final String FACES = """
            {"session_id":"872133540193488921","face_data":[{"face_id":"0","face_image":"https://cdn/f0.png","start_time":0,"end_time":5200}]}""";

    private StubKlingServer server;
    private KlingClient client;

    @BeforeEach
    void start() throws Exception {
        server = new StubKlingServer();
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(server.baseUrl()).apiKey("k")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(20), 2, 0)).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static Throwable failure(CompletableFuture<?> future) throws Exception {
        return ValidationAssertions.failureOf(future);
    }

    @Test
    void postsTheVideoAndReadsTheSessionAndFaces() throws Exception {
        server.then(Reply.json(200, StubKlingServer.envelope(FACES)));

        FaceIdentification found = client.identifyFace(IdentifyFaceRequest.ofVideoId("vid-1")).get(10, TimeUnit.SECONDS);

        assertThat(found.sessionId()).isEqualTo("872133540193488921");
        assertThat(found.faces()).containsExactly(new Face("0", "https://cdn/f0.png", 0, 5200));
        StubKlingServer.Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo("/v1/videos/identify-face");
        assertThat(sent.body()).isEqualTo("{\"video_id\":\"vid-1\"}");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer k");
    }

    @Test
    void retryableFailuresAreRetriedLikeARead() throws Exception {
        server.then(Reply.json(500, StubKlingServer.error(5000, "internal")))
                .then(Reply.json(429, StubKlingServer.error(1302, "too fast")))
                .then(Reply.json(200, StubKlingServer.envelope(FACES)));

        FaceIdentification found = client.identifyFace(IdentifyFaceRequest.ofVideoUrl("https://example.com/v.mp4")).get(10, TimeUnit.SECONDS);

        assertThat(found.faces()).hasSize(1);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(server.requests().get(2).body()).isEqualTo("{\"video_url\":\"https://example.com/v.mp4\"}");
    }

    @Test
    void permanentFailuresAreNot() throws Exception {
        server.then(Reply.json(400, StubKlingServer.error(1201, "video is too long")));

        Throwable error = failure(client.identifyFace(IdentifyFaceRequest.ofVideoId("vid-1")));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> assertThat(e.code()).isEqualTo(1201));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void answerWithoutSessionIsAnError() throws Exception {
        server.then(Reply.json(200, StubKlingServer.envelope("{\"face_data\":[]}")));

        assertThat(failure(client.identifyFace(IdentifyFaceRequest.ofVideoId("vid-1"))))
                .isInstanceOf(KlingException.class).hasMessageContaining("no session_id");
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments(IdentifyFaceRequest.fromFields(Map.of()), "video_id", "is required unless video_url is given"),
                arguments(IdentifyFaceRequest.ofVideoId(null), "video_id", "is required unless video_url is given"),
                arguments(IdentifyFaceRequest.fromFields(Map.of("videoId", "v", "videoUrl", "https://example.com/v.mp4")), "video_url",
                        "cannot be combined with video_id"),
                arguments(IdentifyFaceRequest.ofVideoUrl("ftp://example.com/v.mp4"), "video_url", "must be an absolute http or https URL"),
                arguments(IdentifyFaceRequest.ofVideoUrl("v.mp4"), "video_url", "must be an absolute http or https URL"),
                arguments(IdentifyFaceRequest.ofVideoUrl("https://example.com/v.avi"), "video_url", "must point at an .mp4 or .mov file"),
                arguments(IdentifyFaceRequest.ofVideoId(" "), "video_id", "must not be blank"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("invalidRequests")
    void invalidRequestMakesNoHttpCall(IdentifyFaceRequest request, String field, String rule) throws Exception {
        assertThat(failure(client.identifyFace(request))).isInstanceOfSatisfying(KlingValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).contains(rule);
            assertThat(e.getMessage()).startsWith("identifyFace request invalid: " + field + " ");
        });
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void requestAccessorsAndUnknownFields() {
        IdentifyFaceRequest request = IdentifyFaceRequest.ofVideoUrl("https://example.com/v.mp4?token=secret");

        assertThat(request.videoUrl()).isEqualTo("https://example.com/v.mp4?token=secret");
        assertThat(request.videoId()).isNull();
        assertThat(request.toString()).doesNotContain("secret");
        assertThat(request).isEqualTo(IdentifyFaceRequest.fromFields(Map.of("video_url", "https://example.com/v.mp4?token=secret")));
        assertThatThrownBy(() -> IdentifyFaceRequest.fromFields(Map.of("video", "x")))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> assertThat(e.field()).isEqualTo("video"));
    }

    @Test
    void faceIdentificationCopiesItsFaces() {
        List<Face> faces = new java.util.ArrayList<>(List.of(new Face("0", null, 0, 1)));
        FaceIdentification found = new FaceIdentification("s", faces);
        faces.clear();

        assertThat(found.faces()).hasSize(1);
        assertThat(new FaceIdentification("s", null).faces()).isEmpty();
    }
}
