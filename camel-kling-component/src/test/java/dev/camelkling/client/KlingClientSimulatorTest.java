package dev.camelkling.client;

import dev.camelkling.client.auth.KlingCredentials;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.error.KlingTransportException;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskFailedException;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.transport.RetryPolicy;
import dev.camelkling.client.wait.WaitPolicy;

import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client end to end against the Kling simulator over real HTTP on loopback. */
class KlingClientSimulatorTest {

    private static final String API_KEY = "sim-static-api-key";
    private static final WaitPolicy FAST_WAIT = new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(30));
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), 2, 0.2);

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(API_KEY).timing(SimulatorTiming.FAST));

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final RequestFilter recorder = (request, next) -> {
        requests.add(request.method() + " " + request.path());
        return next.handle(request);
    };
    private KlingClient client;

    @BeforeEach
    void setUp() {
        SIM.simulator().reset();
        SIM.simulator().addRequestFilter(recorder);
        client = client(KlingCredentials.accessKey(SIM.accessKey(), SIM.secretKey()));
    }

    @AfterEach
    void tearDown() {
        client.close();
        SIM.simulator().removeRequestFilter(recorder);
    }

    private static KlingClient client(KlingCredentials credentials) {
        return KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).credentials(credentials)
                .retryPolicy(FAST_RETRIES).build());
    }

    private static <T> T value(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the future to fail");
    }

    private long posts() {
        synchronized (requests) {
            return requests.stream().filter(r -> r.startsWith("POST ")).count();
        }
    }

    @Test
    void textToVideoFromCreateToDownloadedMp4(@TempDir Path dir) throws Exception {
        KlingRequest request = KlingRequests.text2video().modelName("kling-v1").prompt("A red fox trotting through snow")
                .duration(5).aspectRatio("16:9").cameraControl("simple:zoom=5").externalTaskId("t2v-e2e").build();

        KlingTask created = value(client.create(request));
        KlingTask done = value(client.awaitCompletion(KlingFeature.TEXT2VIDEO, created.taskId(), FAST_WAIT));
        Path video = value(client.download(done.resultUrls().get(0), dir.resolve("fox.mp4")));

        assertThat(created.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
        assertThat(created.externalTaskId()).isEqualTo("t2v-e2e");
        assertThat(SIM.simulator().createdTaskCount()).isEqualTo(1);
        assertThat(done.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(done.taskId()).isEqualTo(created.taskId());
        assertThat(done.videos()).hasSize(1);
        assertThat(done.firstVideoId()).isNotBlank();
        assertThat(done.updatedAt()).isGreaterThanOrEqualTo(done.createdAt());
        byte[] mp4 = Files.readAllBytes(video);
        assertThat(mp4.length).isGreaterThan(1000);
        assertThat(new String(mp4, 0, 64, StandardCharsets.ISO_8859_1)).contains("ftyp");
    }

    @Test
    void imageToVideoWithBase64StartFrame() throws Exception {
        KlingRequest request = KlingRequests.image2video().modelName("kling-v1-6")
                .image(KlingMedia.of(TestImages.png(400, 400))).prompt("the boat drifts").duration(5).build();

        KlingTask done = value(client.createAndAwait(request, FAST_WAIT));

        assertThat(done.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(done.resultUrls()).hasSize(1);
        assertThat(value(client.get(KlingFeature.IMAGE2VIDEO, done.taskId())).status()).isEqualTo(KlingTaskStatus.SUCCEED);
    }

    @Test
    void imageToVideoWithHostedUrlAndEndFrame() throws Exception {
        String first = SIM.simulator().hostImage(TestImages.png(640, 360));
        KlingRequest request = KlingRequests.image2video().modelName("kling-v1-6").mode("pro")
                .image(KlingMedia.url(first)).imageTail(KlingMedia.of(TestImages.jpeg(640, 360))).build();

        assertThat(value(client.createAndAwait(request, FAST_WAIT)).status()).isEqualTo(KlingTaskStatus.SUCCEED);
    }

    @Test
    void failedTaskCompletesTheWaitNormally() throws Exception {
        KlingTask created = value(client.create(KlingRequests.text2video().prompt("a scene [[fail]]").build()));

        KlingTask done = value(client.awaitCompletion(KlingFeature.TEXT2VIDEO, created.taskId(), FAST_WAIT));

        assertThat(done.status()).isEqualTo(KlingTaskStatus.FAILED);
        assertThat(done.statusMessage()).isEqualTo("Failure to pass the risk control system");
        assertThat(done.resultUrls()).isEmpty();
        assertThatThrownBy(done::requireNotFailed).isInstanceOf(KlingTaskFailedException.class)
                .hasMessageContaining(done.taskId()).hasMessageContaining("Failure to pass the risk control system");
    }

    @Test
    void taskIsFoundByIdAndByExternalIdInBothForms() throws Exception {
        KlingTask created = value(client.create(KlingRequests.text2video().prompt("lookup").externalTaskId("order-42").build()));

        KlingTask byId = value(client.get(KlingFeature.TEXT2VIDEO, created.taskId()));
        KlingTask byPath = value(client.getByExternalId(KlingFeature.TEXT2VIDEO, "order-42"));
        KlingTask byQuery;
        try (KlingClient queryClient = KlingClient.create(client.config().toBuilder().externalIdLookup(ExternalIdLookup.QUERY).build())) {
            byQuery = value(queryClient.getByExternalId(KlingFeature.TEXT2VIDEO, "order-42"));
        }

        assertThat(List.of(byId, byPath, byQuery)).extracting(KlingTask::taskId).containsOnly(created.taskId());
        assertThat(byPath.externalTaskId()).isEqualTo("order-42");
        assertThat(requests).contains("GET /v1/videos/text2video/order-42");
        assertThat(failure(client.getByExternalId(KlingFeature.TEXT2VIDEO, "no-such-order")))
                .isInstanceOfSatisfying(KlingApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.RESOURCE_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }

    @Test
    void listPagesThroughTheFeaturesTasks() throws Exception {
        for (int i = 0; i < 3; i++) {
            value(client.create(KlingRequests.text2video().prompt("clip " + i).build()));
        }
        value(client.create(KlingRequests.image2video().image(KlingMedia.of(TestImages.png(300, 300))).build()));

        List<KlingTask> page1 = value(client.list(KlingFeature.TEXT2VIDEO, 1, 2));
        List<KlingTask> page2 = value(client.list(KlingFeature.TEXT2VIDEO, 2, 2));
        List<KlingTask> page3 = value(client.list(KlingFeature.TEXT2VIDEO, 3, 2));

        assertThat(page1).hasSize(2);
        assertThat(page2).hasSize(1);
        assertThat(page3).isEmpty();
        assertThat(page1.stream().map(KlingTask::taskId)).doesNotContainAnyElementsOf(page2.stream().map(KlingTask::taskId).toList());
        assertThat(value(client.list(KlingFeature.IMAGE2VIDEO, 1, 30))).hasSize(1);
    }

    @Test
    void invalidRequestNeverReachesTheSimulator() throws Exception {
        Throwable error = failure(client.create(KlingRequests.text2video().prompt("x").modelName("kling-v1-5").build()));

        assertThat(error).isInstanceOf(KlingValidationException.class);
        assertThat(requests).isEmpty();
        assertThat(SIM.simulator().createdTaskCount()).isZero();
    }

    @Test
    void wrongSecretIsAnAuthenticationErrorWithoutTheSecret() throws Exception {
        String wrongSecret = "definitely-the-wrong-secret";
        try (KlingClient wrong = client(KlingCredentials.accessKey(SIM.accessKey(), wrongSecret))) {

            Throwable error = failure(wrong.get(KlingFeature.TEXT2VIDEO, "1"));

            assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(401);
                assertThat(e.code()).isBetween(1000, 1002);
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.requestId()).isNotBlank();
                assertThat(e.getMessage()).doesNotContain(wrongSecret).doesNotContain(SIM.secretKey()).doesNotContain("Bearer");
            });
            assertThat(requests).hasSize(1);
        }
    }

    @Test
    void expiredTokenIsReSignedOnceThenReported() throws Exception {
        // a client clock 40 minutes behind signs tokens that expired 10 minutes ago, even when fresh
        java.time.Clock behind = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(-40));
        try (KlingClient skewed = KlingClient.create(client.config().toBuilder().clock(behind).build())) {

            Throwable error = failure(skewed.create(KlingRequests.text2video().prompt("x").build()));

            assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> assertThat(e.errorCode()).isEqualTo(KlingErrorCode.TOKEN_EXPIRED));
            assertThat(posts()).isEqualTo(2);
            assertThat(SIM.simulator().createdTaskCount()).isZero();
        }
    }

    @Test
    void apiKeyModeWorks() throws Exception {
        try (KlingClient keyed = client(KlingCredentials.apiKey(API_KEY))) {
            KlingTask task = value(keyed.create(KlingRequests.text2video().prompt("with an API key").build()));
            assertThat(value(keyed.get(KlingFeature.TEXT2VIDEO, task.taskId())).taskId()).isEqualTo(task.taskId());
        }
        try (KlingClient wrongKey = client(KlingCredentials.apiKey("not-the-key"))) {
            assertThat(failure(wrongKey.list(KlingFeature.TEXT2VIDEO, 1, 1)))
                    .isInstanceOfSatisfying(KlingApiException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.getMessage()).doesNotContain("not-the-key");
                    });
        }
    }

    @Test
    void retryableGetIsRetried() throws Exception {
        KlingTask created = value(client.create(KlingRequests.text2video().prompt("retry me").build()));
        AtomicInteger injected = new AtomicInteger();
        RequestFilter flaky = (request, next) -> request.method().equals("GET") && injected.getAndIncrement() == 0
                ? SimResponse.json(503, "{\"code\":5001,\"message\":\"maintenance\",\"request_id\":\"inj-1\"}".getBytes(StandardCharsets.UTF_8))
                : next.handle(request);
        SIM.simulator().addRequestFilter(flaky);
        try {
            KlingTask task = value(client.get(KlingFeature.TEXT2VIDEO, created.taskId()));

            assertThat(task.taskId()).isEqualTo(created.taskId());
            assertThat(injected.get()).isEqualTo(2);
        } finally {
            SIM.simulator().removeRequestFilter(flaky);
        }
    }

    @Test
    void concurrencyLimitOnCreateIsRetryableButNotRetried() throws Exception {
        SIM.simulator().maxConcurrentTasks(1).timing(SimulatorTiming.of(Duration.ofSeconds(30), Duration.ofSeconds(60)));
        try {
            value(client.create(KlingRequests.text2video().prompt("holds the only slot").build()));

            Throwable error = failure(client.create(KlingRequests.text2video().prompt("one too many").build()));

            assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> {
                assertThat(e.code()).isEqualTo(1303);
                assertThat(e.httpStatus()).isEqualTo(429);
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.mayHaveTakenEffect()).isFalse();
            });
            assertThat(posts()).isEqualTo(2);
            assertThat(SIM.simulator().createdTaskCount()).isEqualTo(1);
        } finally {
            SIM.simulator().maxConcurrentTasks(5).timing(SimulatorTiming.FAST);
            SIM.simulator().reset();
        }
    }

    @Test
    void ambiguousCreateIsReconciledByExternalId() throws Exception {
        RequestFilter lostAnswer = (request, next) -> {
            SimResponse real = next.handle(request);
            return request.method().equals("POST")
                    ? SimResponse.json(500, "{\"code\":5000,\"message\":\"internal error\",\"request_id\":\"inj-2\"}".getBytes(StandardCharsets.UTF_8))
                    : real;
        };
        SIM.simulator().addRequestFilter(lostAnswer);
        try {
            Throwable error = failure(client.create(KlingRequests.text2video().prompt("billed once").externalTaskId("order-7").build()));

            assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> assertThat(e.mayHaveTakenEffect()).isTrue());
            KlingTask existing = value(client.getByExternalId(KlingFeature.TEXT2VIDEO, "order-7"));
            assertThat(existing.externalTaskId()).isEqualTo("order-7");
            assertThat(posts()).isEqualTo(1);
            assertThat(SIM.simulator().tasksByExternalId("order-7")).isEqualTo(1);
        } finally {
            SIM.simulator().removeRequestFilter(lostAnswer);
        }
    }

    @Test
    void tlsWithTheSimulatorsCertificate() throws Exception {
        try (KlingSimulator tls = KlingSimulator.builder().tls(true).timing(SimulatorTiming.FAST).build().start()) {
            KlingClientConfig.Builder config = KlingClientConfig.builder().baseUrl(tls.baseUrl())
                    .accessKey(tls.accessKey(), tls.secretKey()).retryPolicy(RetryPolicy.noRetries());

            try (KlingClient trusting = KlingClient.create(config.sslContext(tls.clientSslContext()).build())) {
                KlingTask task = value(trusting.createAndAwait(KlingRequests.text2video().prompt("over TLS").build(), FAST_WAIT));
                assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
                try (var in = value(trusting.openStream(task.resultUrls().get(0)))) {
                    assertThat(in.readNBytes(12)).hasSize(12);
                }
            }
            try (KlingClient defaultTrust = KlingClient.create(config.sslContext(null).build())) {
                assertThat(failure(defaultTrust.create(KlingRequests.text2video().prompt("x").build())))
                        .isInstanceOfSatisfying(KlingTransportException.class, e -> assertThat(e.mayHaveReachedServer()).isFalse());
                assertThat(tls.createdTaskCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void base64OfLocalFileIsSentAndAccepted(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("start.jpg"), TestImages.jpeg(500, 400));
        KlingRequest request = KlingRequest.of(KlingFeature.IMAGE2VIDEO, java.util.Map.of("image", file, "cfgScale", "0.4", "duration", 5));

        KlingTask created = value(client.create(request));

        assertThat(created.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
        assertThat(Base64.getEncoder().encodeToString(Files.readAllBytes(file))).isEqualTo(((KlingMedia) request.field("image")).wireValue());
    }
}
