package dev.camelkling.client;

import dev.camelkling.client.error.KlingTransportException;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.KlingWaitTimeoutException;
import dev.camelkling.client.transport.RetryPolicy;
import dev.camelkling.client.wait.WaitPolicy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.camelkling.client.StubKlingServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The client over real HTTP against a scripted loopback server: headers, retries, re-signing, timeouts, waiting. */
class KlingClientHttpTest {

    private static final String SECRET = "super-secret-sk";
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(50), 2, 0);
    /** Its timeout is measured on {@link #clock}, which only tests move: a wait never times out on a slow machine. */
    private static final WaitPolicy FAST_WAIT = new WaitPolicy(Duration.ofMillis(5), 1.5, Duration.ofMillis(20), Duration.ofSeconds(10));
    /** How long a test waits for a future before calling it hung; no test asserts how fast anything is. */
    private static final long HANG_GUARD_SECONDS = 60;

    private StubKlingServer server;
    private MutableClock clock;
    private KlingClient client;

    @BeforeEach
    void start() throws Exception {
        server = new StubKlingServer();
        clock = new MutableClock(Instant.now());
        client = client(b -> b);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private KlingClient client(UnaryOperator<KlingClientConfig.Builder> settings) {
        return KlingClient.create(settings.apply(KlingClientConfig.builder().baseUrl(server.baseUrl())
                .accessKey("ak", SECRET).retryPolicy(FAST_RETRIES).clock(clock)).build());
    }

    private static KlingRequest request() {
        return KlingRequests.text2video().prompt("A fox").externalTaskId("order-42").build();
    }

    /** The exception the future failed with, which must be the typed cause itself. */
    private static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable[] seen = new Throwable[1];
            future.whenComplete((v, t) -> seen[0] = t);
            assertThat(seen[0]).as("futures fail with the typed exception, not a CompletionException").isSameAs(e.getCause());
            return e.getCause();
        }
        throw new AssertionError("expected the future to fail");
    }

    private static <T> T value(CompletableFuture<T> future) throws Exception {
        return future.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void createPostsJsonWithASignedTokenAndReturnsTheTask() throws Exception {
        server.then(Reply.json(200, StubKlingServer.envelope(
                "{\"task_id\":\"7\",\"task_status\":\"submitted\",\"task_info\":{\"external_task_id\":\"order-42\"},\"created_at\":1,\"updated_at\":1}")));

        KlingTask task = value(client.create(request()));

        assertThat(task.taskId()).isEqualTo("7");
        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
        assertThat(task.externalTaskId()).isEqualTo("order-42");
        StubKlingServer.Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo("/v1/videos/text2video");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        String jwt = sent.header("Authorization").substring("Bearer ".length());
        Algorithm.HMAC256(SECRET).verify(JWT.decode(jwt));
        assertThat(JWT.decode(jwt).getIssuer()).isEqualTo("ak");
        assertThat(sent.body()).isEqualTo("{\"prompt\":\"A fox\",\"external_task_id\":\"order-42\"}");
    }

    @Test
    void getRetriesRetryableFailuresThenSucceeds() throws Exception {
        server.then(Reply.json(500, StubKlingServer.error(5000, "internal")))
                .then(Reply.text(503, "<html>maintenance</html>"))
                .then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("succeed"))));

        KlingTask task = value(client.get(KlingFeature.TEXT2VIDEO, "866889456698785798"));

        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(server.requests()).extracting(StubKlingServer.Recorded::uri)
                .containsOnly("/v1/videos/text2video/866889456698785798").hasSize(3);
    }

    @Test
    void getGivesUpAfterMaxAttempts() throws Exception {
        server.otherwise(Reply.json(504, StubKlingServer.error(5002, "backlog")));

        Throwable error = failure(client.get(KlingFeature.IMAGE2VIDEO, "1"));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> {
            assertThat(e.code()).isEqualTo(5002);
            assertThat(e.isRetryable()).isTrue();
        });
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void getDoesNotRetryPermanentErrors() throws Exception {
        server.then(Reply.json(404, StubKlingServer.error(1203, "requested resource does not exist")));

        Throwable error = failure(client.get(KlingFeature.TEXT2VIDEO, "missing"));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(KlingErrorCode.RESOURCE_NOT_FOUND);
            assertThat(e.httpStatus()).isEqualTo(404);
        });
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterLongerThanTheMaximumDelayEndsRetriesAtOnce() throws Exception {
        server.otherwise(Reply.json(429, StubKlingServer.error(1302, "too fast")).withHeader("Retry-After", "120"));

        Throwable error = failure(client.list(KlingFeature.TEXT2VIDEO, 1, 30));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void createIsNotRetriedOnConcurrencyLimit() throws Exception {
        server.otherwise(Reply.json(429, StubKlingServer.error(1303, "parallel task over resource pack limit")));

        Throwable error = failure(client.create(request()));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(KlingErrorCode.CONCURRENCY_LIMIT);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.mayHaveTakenEffect()).isFalse();
        });
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void createIsNotRetriedOnServerErrorWhichMayHaveCreatedTheTask() throws Exception {
        server.otherwise(Reply.json(500, StubKlingServer.error(5000, "internal")));

        Throwable error = failure(client.create(request()));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> {
            assertThat(e.mayHaveTakenEffect()).isTrue();
            assertThat(e.isRetryable()).as("ambiguous: the task may exist").isFalse();
        });
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void bareGatewayErrorOnACreateIsAmbiguousButOnAReadIsRetried() throws Exception {
        server.then(Reply.text(502, "<html>bad gateway</html>"));

        Throwable error = failure(client.create(request()));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.mayHaveTakenEffect()).isTrue();
        });
        server.then(Reply.text(502, "<html>bad gateway</html>"));
        assertThat(value(client.get(KlingFeature.TEXT2VIDEO, "1")).taskId()).isEqualTo("866889456698785798");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void expiredTokenIsReSignedOnceAndTheCreateRepeated() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (KlingClient timed = client(b -> b.clock(clock))) {
            value(timed.get(KlingFeature.TEXT2VIDEO, "1")); // caches a token
            clock.advance(Duration.ofMinutes(10)); // still "fresh" for the cache
            server.then(Reply.json(401, StubKlingServer.error(1004, "token expired")))
                    .then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("submitted"))));

            KlingTask task = value(timed.create(request()));

            assertThat(task.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
            List<StubKlingServer.Recorded> sent = server.requests();
            assertThat(sent).hasSize(3);
            String rejected = sent.get(1).header("Authorization");
            String resigned = sent.get(2).header("Authorization");
            assertThat(rejected).isEqualTo(sent.get(0).header("Authorization"));
            assertThat(resigned).isNotEqualTo(rejected);
            assertThat(JWT.decode(resigned.substring(7)).getExpiresAtAsInstant())
                    .isAfter(JWT.decode(rejected.substring(7)).getExpiresAtAsInstant());
        }
    }

    @Test
    void reSigningHappensOnlyOnce() throws Exception {
        server.otherwise(Reply.json(401, StubKlingServer.error(1003, "token not yet valid")));

        Throwable error = failure(client.create(request()));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> assertThat(e.code()).isEqualTo(1003));
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void authenticationFailureIsNotRetriedAndHidesTheCredentials() throws Exception {
        server.otherwise(Reply.json(401, StubKlingServer.error(1000, "authentication failed")));

        Throwable error = failure(client.get(KlingFeature.TEXT2VIDEO, "1"));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> {
            assertThat(e.code()).isEqualTo(1000);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("1000", "HTTP 401", "authentication failed", "request_id=req-1000")
                    .doesNotContain(SECRET).doesNotContain("Bearer").doesNotContain(server.requests().get(0).header("Authorization").substring(7));
        });
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void connectFailureCannotHaveReachedTheServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (KlingClient unreachable = KlingClient.create(KlingClientConfig.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .apiKey("k").retryPolicy(RetryPolicy.noRetries()).build())) {

            Throwable error = failure(unreachable.create(request()));

            assertThat(error).isInstanceOfSatisfying(KlingTransportException.class, e -> {
                assertThat(e.mayHaveReachedServer()).isFalse();
                assertThat(e.isRetryable()).as("nothing was sent, so even a create may be repeated").isTrue();
            });
        }
    }

    @Test
    void timeoutAfterSendingIsAmbiguousAndTheCreateIsNotRepeated() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (KlingClient impatient = client(b -> b.requestTimeout(Duration.ofSeconds(1)))) {
            // opens the connection the create then reuses, so that the timeout cannot fire while still connecting
            // (the JDK reports that as a connect timeout, which rightly means "not sent")
            value(impatient.get(KlingFeature.TEXT2VIDEO, "warm-up"));
            server.otherwise(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("submitted"))).heldUntil(release)); // never answers

            Throwable error = failure(impatient.create(request()));

            // only the outcome is asserted: how long the timeout took to fire depends on the machine
            assertThat(error).isInstanceOfSatisfying(KlingTransportException.class, e -> {
                assertThat(e.mayHaveReachedServer()).isTrue();
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getMessage()).contains("POST /v1/videos/text2video");
            });
            assertThat(server.requests()).filteredOn(r -> r.method().equals("POST")).hasSizeLessThanOrEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void awaitCompletionPollsUntilTheTaskIsFinal() throws Exception {
        server.then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("submitted"))))
                .then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("processing"))))
                .then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("succeed"))));

        KlingTask task = value(client.awaitCompletion(KlingFeature.TEXT2VIDEO, "866889456698785798", FAST_WAIT));

        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void awaitCompletionReturnsAFailedTaskNormally() throws Exception {
        server.then(Reply.json(200, StubKlingServer.envelope(
                "{\"task_id\":\"5\",\"task_status\":\"failed\",\"task_status_msg\":\"Failure to pass the risk control system\"}")));

        KlingTask task = value(client.awaitCompletion(KlingFeature.TEXT2VIDEO, "5", FAST_WAIT));

        assertThat(task.status()).isEqualTo(KlingTaskStatus.FAILED);
        assertThat(task.statusMessage()).isEqualTo("Failure to pass the risk control system");
    }

    @Test
    void awaitCompletionTimesOutWithTheLastSeenTask() throws Exception {
        WaitPolicy wait = new WaitPolicy(Duration.ofMillis(10), 1, Duration.ofMillis(10), Duration.ofMinutes(5));
        // the deadline is on the client's clock: it passes while the third poll is being answered, however slow the machine
        server.onRequest(number -> {
            if (number == 3) {
                clock.advance(Duration.ofMinutes(6));
            }
        });

        Throwable error = failure(client.awaitCompletion(KlingFeature.TEXT2VIDEO, "866889456698785798", wait));

        assertThat(error).isInstanceOfSatisfying(KlingWaitTimeoutException.class, e -> {
            assertThat(e.lastSeen().status()).isEqualTo(KlingTaskStatus.PROCESSING);
            assertThat(e.getMessage()).contains("866889456698785798");
        });
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void createCompletesOnTheConfiguredExecutor() throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "caller-pool-" + threads.incrementAndGet()));
        CountDownLatch release = new CountDownLatch(1);
        try (KlingClient onPool = client(b -> b.executor(pool))) {
            server.then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("submitted"))).heldUntil(release));

            CompletableFuture<KlingTask> created = onPool.create(request());
            CompletableFuture<String> completedOn = created.thenApply(task -> Thread.currentThread().getName());
            release.countDown(); // the answer comes only now, so the stage above runs where the future completes

            assertThat(value(completedOn)).startsWith("caller-pool-");
        } finally {
            release.countDown();
        }
        assertThat(pool.isShutdown()).as("a configured executor is left to its owner").isFalse();
        pool.shutdownNow();
    }

    @Test
    void failuresRetriesAndPollsAlsoCompleteOnTheConfiguredExecutor() throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "caller-pool-" + threads.incrementAndGet()));
        CountDownLatch releaseError = new CountDownLatch(1);
        CountDownLatch releaseRetry = new CountDownLatch(1);
        CountDownLatch releasePoll = new CountDownLatch(1);
        try (KlingClient onPool = client(b -> b.executor(pool))) {
            server.then(Reply.json(400, StubKlingServer.error(1201, "invalid")).heldUntil(releaseError));
            CompletableFuture<String> refused = onPool.create(request()).handle((task, error) -> Thread.currentThread().getName());
            releaseError.countDown();
            assertThat(value(refused)).startsWith("caller-pool-");

            server.then(Reply.json(503, StubKlingServer.error(5001, "busy")))
                    .then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("succeed"))).heldUntil(releaseRetry));
            CompletableFuture<String> retried = onPool.get(KlingFeature.TEXT2VIDEO, "1").thenApply(task -> Thread.currentThread().getName());
            await().atMost(Duration.ofSeconds(HANG_GUARD_SECONDS)).until(() -> server.requestCount() == 3);
            releaseRetry.countDown();
            assertThat(value(retried)).startsWith("caller-pool-");

            server.then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("processing"))))
                    .then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("succeed"))).heldUntil(releasePoll));
            CompletableFuture<String> waited = onPool.awaitCompletion(KlingFeature.TEXT2VIDEO, "1", FAST_WAIT)
                    .thenApply(task -> Thread.currentThread().getName());
            await().atMost(Duration.ofSeconds(HANG_GUARD_SECONDS)).until(() -> server.requestCount() == 5);
            releasePoll.countDown();
            assertThat(value(waited)).startsWith("caller-pool-");
        } finally {
            releaseError.countDown();
            releaseRetry.countDown();
            releasePoll.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void withoutAnExecutorTheClientOwnsASmallDaemonPoolThatCloseShutsDown() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("submitted"))).heldUntil(release));

        CompletableFuture<Thread> completedOn = client.create(request()).thenApply(task -> Thread.currentThread());
        release.countDown();

        Thread thread = value(completedOn);
        assertThat(thread.getName()).matches("kling-client-\\d+");
        assertThat(thread.isDaemon()).isTrue();
        client.close();
        await().atMost(Duration.ofSeconds(HANG_GUARD_SECONDS)).until(() -> !thread.isAlive()); // the own pool is shut down
    }

    @Test
    void closingTheClientFailsPendingWaitsAndStopsPolling() throws Exception {
        WaitPolicy slow = new WaitPolicy(Duration.ofMinutes(1), 1, Duration.ofMinutes(1), Duration.ofHours(1));
        CompletableFuture<KlingTask> waiting = client.awaitCompletion(KlingFeature.TEXT2VIDEO, "1", slow);
        await().atMost(Duration.ofSeconds(HANG_GUARD_SECONDS)).until(() -> server.requestCount() == 1);

        client.close();

        assertThat(failure(waiting)).isInstanceOf(KlingException.class).hasMessageContaining("closed");
        assertThat(failure(client.get(KlingFeature.TEXT2VIDEO, "1"))).hasMessageContaining("closed");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void cancellingAWaitStopsPolling() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("processing"))).heldUntil(release));
        CompletableFuture<KlingTask> waiting = client.awaitCompletion(KlingFeature.TEXT2VIDEO, "1", FAST_WAIT);
        await().atMost(Duration.ofSeconds(HANG_GUARD_SECONDS)).until(() -> server.requestCount() == 1);

        waiting.cancel(false);
        release.countDown();

        // the answer to the first poll arrives after the cancel: no further poll may follow it
        CompletableFuture<KlingTask> probe = client.get(KlingFeature.TEXT2VIDEO, "probe");
        value(probe);
        assertThat(server.requests()).extracting(StubKlingServer.Recorded::uri)
                .containsExactly("/v1/videos/text2video/1", "/v1/videos/text2video/probe");
    }

    @Test
    void listSendsPagingAndReadsTheBareArray() throws Exception {
        server.then(Reply.json(200, StubKlingServer.envelope("[" + StubKlingServer.task("succeed") + "," + StubKlingServer.task("failed") + "]")));

        List<KlingTask> tasks = value(client.list(KlingFeature.IMAGE2VIDEO, 2, 50));

        assertThat(tasks).extracting(KlingTask::status).containsExactly(KlingTaskStatus.SUCCEED, KlingTaskStatus.FAILED);
        assertThat(server.requests().get(0).uri()).isEqualTo("/v1/videos/image2video?pageNum=2&pageSize=50");
    }

    @Test
    void listPagingIsValidatedLocally() throws Exception {
        assertThat(failure(client.list(KlingFeature.TEXT2VIDEO, 0, 30)))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("text2video list invalid: pageNum must be between 1 and 1000 (was 0)"));
        assertThat(failure(client.list(KlingFeature.TEXT2VIDEO, 1001, 30))).isInstanceOf(KlingValidationException.class);
        assertThat(failure(client.list(KlingFeature.TEXT2VIDEO, 1, 501)))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> assertThat(e.field()).isEqualTo("pageSize"));
        assertThat(failure(client.list(KlingFeature.TEXT2VIDEO, 1, 0))).isInstanceOf(KlingValidationException.class);
        assertThat(failure(client.get(KlingFeature.TEXT2VIDEO, " "))).isInstanceOf(KlingValidationException.class);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void externalIdLookupUsesTheEncodedPathByDefault() throws Exception {
        KlingTask task = value(client.getByExternalId(KlingFeature.TEXT2VIDEO, "order/42 b"));

        assertThat(task.taskId()).isEqualTo("866889456698785798");
        assertThat(server.requests().get(0).uri()).isEqualTo("/v1/videos/text2video/order%2F42%20b");
    }

    @Test
    void externalIdLookupCanUseTheQueryForm() throws Exception {
        String match = "{\"task_id\":\"2\",\"task_status\":\"succeed\",\"task_info\":{\"external_task_id\":\"order-42\"}}";
        String other = "{\"task_id\":\"1\",\"task_status\":\"succeed\",\"task_info\":{\"external_task_id\":\"order-41\"}}";
        server.then(Reply.json(200, StubKlingServer.envelope("[" + other + "," + match + "]")))
                .then(Reply.json(200, StubKlingServer.envelope("[]")))
                .then(Reply.json(200, StubKlingServer.envelope(match)));
        try (KlingClient query = client(b -> b.externalIdLookup(ExternalIdLookup.QUERY))) {

            assertThat(value(query.getByExternalId(KlingFeature.TEXT2VIDEO, "order-42")).taskId()).isEqualTo("2");
            assertThat(failure(query.getByExternalId(KlingFeature.TEXT2VIDEO, "order-42")))
                    .isInstanceOfSatisfying(KlingApiException.class, e -> assertThat(e.code()).isEqualTo(1203));
            assertThat(value(query.getByExternalId(KlingFeature.TEXT2VIDEO, "order-42")).taskId()).isEqualTo("2");
        }
        assertThat(server.requests().get(0).uri()).isEqualTo("/v1/videos/text2video?external_task_id=order-42");
    }

    @Test
    void downloadStreamsToTheFileWithoutCredentials(@TempDir Path dir) throws Exception {
        server.then(new Reply(200, "fake mp4 bytes", java.util.Map.of("Content-Type", "video/mp4"), null));
        Path target = Files.writeString(dir.resolve("out.mp4"), "an older, much longer file content");

        Path written = value(client.download(server.baseUrl() + "/media/v.mp4?sig=abc", target));

        assertThat(written).isEqualTo(target);
        assertThat(Files.readString(target)).isEqualTo("fake mp4 bytes");
        assertThat(server.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void failedDownloadLeavesNoFile(@TempDir Path dir) throws Exception {
        server.otherwise(Reply.text(404, "gone"));
        Path target = dir.resolve("out.mp4");

        Throwable error = failure(client.download(server.baseUrl() + "/media/v.mp4?sig=secret-token", target));

        assertThat(error).isInstanceOfSatisfying(KlingApiException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).doesNotContain("secret-token");
        });
        assertThat(target).doesNotExist();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void openStreamGivesTheBody() throws Exception {
        server.then(new Reply(200, "streamed", java.util.Map.of(), null));

        try (InputStream in = value(client.openStream(server.baseUrl() + "/media/x"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("streamed");
        }
    }

    @Test
    void apiKeyIsSentAsIs() throws Exception {
        try (KlingClient keyed = client(b -> b.apiKey("static-key"))) {
            value(keyed.get(KlingFeature.TEXT2VIDEO, "1"));
        }
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer static-key");
    }

    @Test
    void cancellingCreateAndAwaitStopsPolling() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("submitted"))))
                .then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("processing"))).heldUntil(release));
        CompletableFuture<KlingTask> waiting = client.createAndAwait(request(), FAST_WAIT);
        await().atMost(Duration.ofSeconds(HANG_GUARD_SECONDS)).until(() -> server.requestCount() == 2);

        waiting.cancel(false);
        release.countDown();

        value(client.get(KlingFeature.TEXT2VIDEO, "probe"));
        assertThat(server.requests()).extracting(StubKlingServer.Recorded::uri).containsExactly(
                "/v1/videos/text2video", "/v1/videos/text2video/866889456698785798", "/v1/videos/text2video/probe");
    }

    @Test
    void downloadIntoAMissingDirectoryIsRejectedLocally(@TempDir Path dir) throws Exception {
        assertThat(failure(client.download(server.baseUrl() + "/media/v.mp4", dir.resolve("missing/out.mp4"))))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> assertThat(e.field()).isEqualTo("target"));
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void toStringsRevealNoSecrets() {
        assertThat(client.toString()).contains(server.baseUrl()).doesNotContain(SECRET).doesNotContain("ak,");
    }
}
