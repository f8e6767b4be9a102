package dev.camelkling.client;

import dev.camelkling.client.callback.CallbackBody;
import dev.camelkling.client.callback.StandardWebhookVerifier;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingBilling;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.TaskPage;
import dev.camelkling.client.wait.WaitPolicy;

import dev.camelkling.simulator.CallbackDelivery;
import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimRequest;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.camelkling.client.NewDesignRulesTest.BASE_VIDEO;
import static dev.camelkling.client.NewDesignRulesTest.FEATURE_VIDEO;
import static dev.camelkling.client.NewDesignRulesTest.PNG;
import static dev.camelkling.client.NewDesignRulesTest.elements;
import static dev.camelkling.client.NewDesignRulesTest.images;
import static dev.camelkling.client.NewDesignRulesTest.with;
import static dev.camelkling.client.request.KlingFeature.IMAGE2VIDEO;
import static dev.camelkling.client.request.KlingFeature.MOTION_CONTROL;
import static dev.camelkling.client.request.KlingFeature.OMNI_VIDEO;
import static dev.camelkling.client.request.KlingFeature.TEXT2VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The new design end to end against the simulator over HTTP, next to the legacy design on the same account. */
class NewDesignSimulatorTest {

    private static final WaitPolicy FAST_WAIT = new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(30));
    private static final String API_KEY = "sim-key";
    private static final String WEBHOOK_SECRET = "whsec_" + Base64.getEncoder().encodeToString("new-design-secret".getBytes(StandardCharsets.UTF_8));
    /** Nothing listens there: the simulator records what it posted all the same. */
    private static final String CALLBACK_URL = "http://127.0.0.1:9/kling-callback";

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(API_KEY).timing(SimulatorTiming.FAST)
            .maxConcurrentTasks(1000).webhookSecret(WEBHOOK_SECRET));

    private final List<SimRequest> sent = new CopyOnWriteArrayList<>();
    private final RequestFilter recorder = (request, next) -> {
        sent.add(request);
        return next.handle(request);
    };
    private KlingClient client;

    @BeforeEach
    void setUp() {
        SIM.simulator().reset();
        SIM.simulator().addRequestFilter(recorder);
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).apiKey(API_KEY).build());
    }

    @AfterEach
    void tearDown() {
        SIM.simulator().removeRequestFilter(recorder);
        client.close();
    }

    private static <T> T value(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    private List<String> sentTo(String method, String path) {
        return sent.stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .map(r -> r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8)).toList();
    }

    /** One valid request per rule's valid side: each validates locally and the simulator (the server's rules) accepts it. */
    static Stream<Arguments> validRequests() {
        return Stream.of(
                arguments(TEXT2VIDEO, with(TEXT2VIDEO, "kling-3.0", "resolution", "4k", "duration", 15, "audio", "native", "multi_shot", false)),
                arguments(TEXT2VIDEO, with(TEXT2VIDEO, "kling-3.0-turbo", "resolution", "1080p", "duration", 3, "aspect_ratio", "9:16", "prompt", "x".repeat(3072))),
                arguments(TEXT2VIDEO, with(TEXT2VIDEO, "kling-3.0", "duration", 10, "prompt", "shot 1, 4, a fox wakes; shot 2, 6, it runs through snow;")),
                arguments(TEXT2VIDEO, with(TEXT2VIDEO, "kling-2.6", "duration", 10, "audio", "native", "resolution", "1080p")),
                arguments(TEXT2VIDEO, with(TEXT2VIDEO, "kling-2.6", "audio", "native")),
                arguments(TEXT2VIDEO, with(TEXT2VIDEO, "kling-2.5-turbo", "resolution", "720p", "duration", 5, "aspect_ratio", "1:1")),
                arguments(IMAGE2VIDEO, with(IMAGE2VIDEO, "kling-3.0", "image_tail", PNG, "element_list", elements(3), "resolution", "720p", "prompt", "x".repeat(3072))),
                arguments(IMAGE2VIDEO, with(IMAGE2VIDEO, "kling-3.0-turbo", "duration", 12, "prompt", "x".repeat(2500))),
                arguments(IMAGE2VIDEO, with(IMAGE2VIDEO, "kling-2.6", "image_tail", PNG, "voice_list", "v1,v2", "audio", "native")),
                arguments(IMAGE2VIDEO, with(IMAGE2VIDEO, "kling-2.5-turbo", "image_tail", PNG, "resolution", "1080p", "duration", 10)),
                arguments(IMAGE2VIDEO, with(IMAGE2VIDEO, "kling-3.0", "image", java.util.Arrays.copyOf(PNG, 11 * 1024 * 1024))),
                arguments(OMNI_VIDEO, with(OMNI_VIDEO, "kling-3.0-omni", "reference_images", images(4), "element_list", elements(3), "audio", "original",
                        "resolution", "4k", "duration", 15)),
                arguments(OMNI_VIDEO, with(OMNI_VIDEO, "kling-3.0-omni", "aspect_ratio", null, "image", PNG, "element_list", elements(3))),
                arguments(OMNI_VIDEO, with(OMNI_VIDEO, "kling-3.0-omni", "aspect_ratio", null, "reference_video", FEATURE_VIDEO, "multi_shot", true,
                        "audio", "off", "reference_images", images(4))),
                arguments(OMNI_VIDEO, with(OMNI_VIDEO, "kling-3.0-omni", "aspect_ratio", null, "base_video", BASE_VIDEO, "audio", "original")),
                arguments(OMNI_VIDEO, with(OMNI_VIDEO, "kling-o1", "aspect_ratio", null, "image", PNG, "duration", 10)),
                arguments(OMNI_VIDEO, with(OMNI_VIDEO, "kling-o1", "aspect_ratio", null, "image", PNG, "image_tail", PNG, "duration", 7)),
                arguments(OMNI_VIDEO, with(OMNI_VIDEO, "kling-o1", "reference_images", images(7), "duration", 3, "resolution", "1080p")),
                arguments(MOTION_CONTROL, with(MOTION_CONTROL, "kling-3.0", "element_list", elements(1), "audio", "off", "resolution", "1080p", "prompt", "stage")),
                arguments(MOTION_CONTROL, with(MOTION_CONTROL, "kling-2.6", "character_orientation", "image")),
                // legacy omni-video
                arguments(OMNI_VIDEO, Map.of("prompt", "fox", "aspect_ratio", "1:1", "mode", "pro", "duration", 10)),
                arguments(OMNI_VIDEO, Map.of("model_name", "kling-v3-omni", "prompt", "fox", "image", PNG, "image_tail", PNG, "mode", "4k", "duration", 15)),
                arguments(OMNI_VIDEO, Map.of("prompt", "fox", "base_video", BASE_VIDEO, "reference_images", images(4))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validRequests")
    void validRequestsPassLocallyAndOnTheServer(KlingFeature feature, Map<String, Object> fields) throws Exception {
        KlingRequest request = KlingRequest.of(feature, fields);

        KlingTask created = value(client.create(request));

        assertThat(created.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
        assertThat(created.design()).isEqualTo(request.design());
        assertThat(sentTo("POST", request.path())).hasSize(1);
    }

    @Test
    void kling3TextToVideoOnTheNewDesignSucceedsWithAPlayableVideoAndBilling(@TempDir Path dir) throws Exception {
        KlingRequest request = KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-3.0", "prompt", "A lighthouse at dusk",
                "resolution", "1080p", "duration", 8, "audio", "native", "aspect_ratio", "9:16", "external_task_id", "nd-1"));

        KlingTask created = value(client.create(request));
        KlingTask done = value(client.awaitCompletion(TEXT2VIDEO, created, FAST_WAIT)).requireNotFailed();

        assertThat(created.design()).isEqualTo(DesignStandard.NEW_DESIGN);
        assertThat(created.externalTaskId()).isEqualTo("nd-1");
        assertThat(done.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(done.status().wireValue()).isEqualTo("succeed");
        assertThat(done.videos()).hasSize(1);
        assertThat(Double.parseDouble(done.videos().get(0).duration())).isEqualTo(8.0);
        assertThat(playableFrames(value(client.download(done.resultUrls().get(0), dir.resolve("kling3.mp4"))))).isPositive();
        // kling-3.0 at 1080p: 1.2 units/s × 8 s × 1.5 for native audio (the simulator's published assumption)
        assertThat(done.billing()).singleElement().satisfies(billing -> {
            assertThat(billing.chargeType()).isEqualTo("unit");
            assertThat(billing.amount()).isEqualByComparingTo(new BigDecimal("14.4"));
            assertThat(billing.packageType()).isEqualTo("video");
        });
        String body = sentTo("POST", "/text-to-video/kling-3.0").get(0);
        assertThat(body).contains("\"settings\":{\"resolution\":\"1080p\",\"duration\":8,\"aspect_ratio\":\"9:16\",\"audio\":\"native\"}")
                .contains("\"options\":{\"external_task_id\":\"nd-1\"}").doesNotContain("model_name");
        assertThat(sent).filteredOn(r -> r.path().startsWith("/v1/")).isEmpty();
    }

    @Test
    void legacyAndNewDesignRunSideBySideOnOneClient() throws Exception {
        KlingTask legacy = value(client.createAndAwait(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-v2-6", "prompt", "fox")), FAST_WAIT));
        KlingTask newDesign = value(client.createAndAwait(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-2.6", "prompt", "fox")), FAST_WAIT));

        assertThat(List.of(legacy, newDesign)).extracting(KlingTask::status).containsOnly(KlingTaskStatus.SUCCEED);
        assertThat(legacy.design()).isEqualTo(DesignStandard.LEGACY);
        assertThat(legacy.billing()).isEmpty();
        assertThat(newDesign.design()).isEqualTo(DesignStandard.NEW_DESIGN);
        assertThat(newDesign.billing()).hasSize(1);
        assertThat(sentTo("POST", "/v1/videos/text2video")).hasSize(1);
        assertThat(sentTo("POST", "/text-to-video/kling-2.6")).hasSize(1);
    }

    @Test
    void imageToVideoAndMotionControlOnTheNewDesign() throws Exception {
        KlingTask i2v = value(client.createAndAwait(KlingRequest.of(IMAGE2VIDEO, with(IMAGE2VIDEO, "kling-3.0", "image_tail", PNG,
                "element_list", elements(2), "prompt", "@element_1 walks in")), FAST_WAIT));
        KlingTask motion = value(client.createAndAwait(KlingRequest.of(MOTION_CONTROL, with(MOTION_CONTROL, "kling-2.6")), FAST_WAIT));

        assertThat(List.of(i2v, motion)).allSatisfy(task -> {
            assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
            assertThat(task.resultUrls()).hasSize(1);
        });
        assertThat(sentTo("POST", "/image-to-video/kling-3.0").get(0))
                .contains("{\"type\":\"prompt\",\"text\":\"@element_1 walks in\"}")
                .contains("{\"type\":\"element\",\"element_id\":829836802793406551,\"id\":\"element_2\"}")
                .contains("\"type\":\"last_frame\"");
        assertThat(sentTo("POST", "/motion-control/kling-2.6").get(0)).contains("\"settings\":{\"character_orientation\":\"video\"}")
                .contains("{\"type\":\"video\",\"url\":\"https://example.com/dance.mp4\"}");
    }

    @Test
    void omniVideoOnBothDesigns(@TempDir Path dir) throws Exception {
        KlingRequest legacy = KlingRequest.of(OMNI_VIDEO, Map.of("prompt", "Put <<<image_1>>> on the table", "image", PNG,
                "reference_images", images(1), "reference_video", FEATURE_VIDEO, "mode", "std"));
        KlingRequest newDesign = KlingRequests.omniVideo().modelName("kling-3.0-omni").prompt("Put @image_1 on the table")
                .image(KlingMedia.of(PNG)).referenceImages(images(1)).elementIds(NewDesignRulesTest.ELEMENT).resolution("720p").build();
        assertThat(newDesign).isEqualTo(KlingRequest.of(OMNI_VIDEO, Map.of("model_name", "kling-3.0-omni", "prompt", "Put @image_1 on the table",
                "image", PNG, "reference_images", images(1), "element_list", elements(1), "resolution", "720p")));

        KlingTask legacyDone = value(client.createAndAwait(legacy, FAST_WAIT));
        KlingTask newDone = value(client.createAndAwait(newDesign, FAST_WAIT));

        assertThat(legacyDone.design()).isEqualTo(DesignStandard.LEGACY);
        assertThat(newDone.design()).isEqualTo(DesignStandard.NEW_DESIGN);
        for (KlingTask done : List.of(legacyDone, newDone)) {
            assertThat(done.status()).isEqualTo(KlingTaskStatus.SUCCEED);
            assertThat(playableFrames(value(client.download(done.resultUrls().get(0), dir.resolve(done.taskId() + ".mp4"))))).isPositive();
        }
        assertThat(sentTo("POST", "/v1/videos/omni-video").get(0)).contains("\"image_list\":[{", "\"type\":\"first_frame\"")
                .contains("\"video_list\":[{").contains("\"refer_type\":\"feature\"").doesNotContain("reference_images");
        assertThat(sentTo("POST", "/omni-video/kling-3.0-omni").get(0)).contains("\"type\":\"refer_image\"", "\"id\":\"image_1\"", "\"type\":\"first_frame\"");
        assertThat(value(client.get(OMNI_VIDEO, legacyDone.taskId())).taskId()).isEqualTo(legacyDone.taskId());
    }

    @Test
    void getReadsANewDesignTaskThroughTheBatchEndpoint() throws Exception {
        KlingTask created = value(client.create(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-3.0-turbo", "prompt", "fox"))));
        sent.clear();

        KlingTask read = value(client.get(TEXT2VIDEO, created));

        assertThat(read.taskId()).isEqualTo(created.taskId());
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("GET /tasks");
            assertThat(r.query()).containsEntry("task_ids", created.taskId());
        });
    }

    @Test
    void batchReadsAskTwentyIdsPerCallAndAnswerInTheOrderAsked() throws Exception {
        List<KlingTask> created = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            created.add(value(client.create(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-2.5-turbo", "prompt", "fox " + i,
                    "external_task_id", "batch-" + i)))));
        }
        List<String> ids = new ArrayList<>(created.stream().map(KlingTask::taskId).toList());
        java.util.Collections.reverse(ids);
        ids.add(5, "999999999999999999"); // unknown: left out
        ids.add(ids.get(0)); // repeated: read once
        sent.clear();

        List<KlingTask> read = value(client.getTasks(ids));

        assertThat(read).extracting(KlingTask::taskId).containsExactlyElementsOf(ids.stream().distinct()
                .filter(id -> !id.equals("999999999999999999")).toList());
        List<SimRequest> calls = sent.stream().filter(r -> r.path().equals("/tasks")).toList();
        assertThat(calls).hasSize(3); // 46 distinct ids: 20 + 20 + 6
        assertThat(calls).allSatisfy(call -> assertThat(call.query().get("task_ids").split(",")).hasSizeLessThanOrEqualTo(KlingClient.TASKS_PER_READ));

        List<KlingTask> byExternal = value(client.getTasksByExternalIds(List.of("batch-3", "batch-44", "nobody")));
        assertThat(byExternal).extracting(KlingTask::externalTaskId).containsExactly("batch-3", "batch-44");
        assertThat(byExternal.get(0).taskId()).isEqualTo(created.get(3).taskId());
    }

    @Test
    void cursorListingSeesEveryTaskOfTheWindowOnceOverSeveralPagesAndGoesOnLater() throws Exception {
        Instant start = SIM.simulator().clock().instant().minusSeconds(1);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(value(client.createAndAwait(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-3.0", "prompt", "fox " + i)), FAST_WAIT)).taskId());
        }
        TaskQuery query = TaskQuery.all().withWindow(start, start.plus(Duration.ofHours(1))).withLimit(3).withStatuses(KlingTaskStatus.SUCCEED, KlingTaskStatus.FAILED)
                .withProductTypes("video");

        List<TaskPage> pages = new ArrayList<>();
        TaskPage page = value(client.listTasks(query));
        pages.add(page);
        while (page.hasMore()) {
            page = value(client.listTasks(query.withCursor(page.nextCursor())));
            pages.add(page);
        }

        assertThat(pages).extracting(p -> p.tasks().size()).containsExactly(3, 3, 1);
        assertThat(pages.stream().flatMap(p -> p.tasks().stream()).map(KlingTask::taskId).toList()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(pages.stream().flatMap(p -> p.tasks().stream())).allSatisfy(task -> {
            assertThat(task.design()).isEqualTo(DesignStandard.NEW_DESIGN);
            assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
            assertThat(task.billing()).hasSize(1);
        });
        String firstBody = sentTo("POST", "/tasks").get(0);
        assertThat(firstBody).contains("\"start_time\":" + start.toEpochMilli(), "\"limit\":3",
                "{\"key\":\"status\",\"values\":[\"succeeded\",\"failed\"]}", "{\"key\":\"product_type\",\"values\":[\"video\"]}");

        // the window reaches into the future, so a task created after the last page is next from the kept cursor
        String later = value(client.createAndAwait(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-3.0", "prompt", "late fox")), FAST_WAIT)).taskId();
        TaskPage next = value(client.listTasks(query.withCursor(page.nextCursor())));
        assertThat(next.tasks()).extracting(KlingTask::taskId).containsExactly(later);
    }

    @Test
    void newDesignCallbackBodiesAreParsedAndVerifiedLikeLegacyOnes() throws Exception {
        KlingTask task = value(client.createAndAwait(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-3.0", "prompt", "fox",
                "callback_url", CALLBACK_URL, "external_task_id", "cb-1")), FAST_WAIT));
        KlingTask legacy = value(client.createAndAwait(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-v2-6", "prompt", "fox",
                "callback_url", CALLBACK_URL)), FAST_WAIT));

        await().atMost(Duration.ofSeconds(10)).until(() -> finalDelivery(task.taskId()) != null && finalDelivery(legacy.taskId()) != null);
        CallbackDelivery delivery = finalDelivery(task.taskId());
        assertThat(delivery.body()).contains("\"status\":\"succeeded\"").doesNotContain("task_status");
        StandardWebhookVerifier.verify(WEBHOOK_SECRET, delivery.headers(), delivery.body().getBytes(StandardCharsets.UTF_8), Instant.now(),
                StandardWebhookVerifier.DEFAULT_TOLERANCE);

        KlingTask parsed = CallbackBody.task(delivery.body());
        assertThat(parsed.taskId()).isEqualTo(task.taskId());
        assertThat(parsed.design()).isEqualTo(DesignStandard.NEW_DESIGN);
        assertThat(parsed.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(parsed.externalTaskId()).isEqualTo("cb-1");
        assertThat(parsed.resultUrls()).isEqualTo(task.resultUrls());
        assertThat(parsed.billing()).isEqualTo(task.billing()).extracting(KlingBilling::amount).isNotEmpty();

        KlingTask parsedLegacy = CallbackBody.task(finalDelivery(legacy.taskId()).body());
        assertThat(parsedLegacy.design()).isEqualTo(DesignStandard.LEGACY);
        assertThat(parsedLegacy.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(parsedLegacy.resultUrls()).isEqualTo(legacy.resultUrls());
    }

    private static CallbackDelivery finalDelivery(String taskId) {
        return SIM.simulator().callbackDeliveries().stream()
                .filter(d -> d.taskId().equals(taskId) && d.taskStatus().startsWith("succeed")).findFirst().orElse(null);
    }

    @Test
    void accessKeysFailLocallyForTheNewDesignBeforeAnyRequest() throws Exception {
        try (KlingClient akSk = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl())
                .accessKey(SIM.accessKey(), SIM.secretKey()).build())) {
            sent.clear();
            List<CompletableFuture<?>> calls = List.of(
                    akSk.create(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-3.0", "prompt", "fox"))),
                    akSk.getTasks(List.of("1")),
                    akSk.getTasksByExternalIds(List.of("x")),
                    akSk.listTasks(TaskQuery.all()));
            for (CompletableFuture<?> call : calls) {
                Throwable failure = ValidationAssertions.failureOf(call);
                assertThat(failure).isInstanceOf(KlingValidationException.class)
                        .hasMessageContaining("apiKey is required").hasMessageContaining("accepts only an API key")
                        .hasMessageContaining("configure an API key");
                assertThat(failure.getMessage()).doesNotContain(SIM.secretKey());
            }
            assertThat(sent).as("requests sent").isEmpty();
            // the legacy design still takes them
            assertThat(value(akSk.create(KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-v2-6", "prompt", "fox")))).design())
                    .isEqualTo(DesignStandard.LEGACY);
        }
    }

    @Test
    void batchReadAndListQueriesAreCheckedBeforeSending() throws Exception {
        sent.clear();
        assertThat(ValidationAssertions.failureOf(client.getTasks(List.of()))).hasMessage("GET /tasks invalid: task_ids must not be empty");
        assertThat(ValidationAssertions.failureOf(client.getTasks(List.of("1", "2,3")))).hasMessageContaining("task_ids must hold ids that are not blank");
        assertThat(ValidationAssertions.failureOf(client.listTasks(TaskQuery.all().withLimit(501))))
                .hasMessage("task list invalid: limit must be between 1 and 500 (was 501)");
        assertThat(ValidationAssertions.failureOf(client.listTasks(TaskQuery.all().withProductTypes("audio"))))
                .hasMessage("task list invalid: filters.product_type must be one of [video, image, try_on] (was \"audio\")");
        assertThat(ValidationAssertions.failureOf(client.listTasks(TaskQuery.all().withWindow(Instant.ofEpochMilli(2), Instant.ofEpochMilli(1)))))
                .hasMessageContaining("start_time must not be after end_time");
        assertThat(sent).isEmpty();
    }

    @Test
    void exactlyOnceCreatesLookNewDesignTasksUpByExternalIdThroughTheBatchEndpoint() throws Exception {
        KlingRequest request = KlingRequest.of(TEXT2VIDEO, Map.of("model_name", "kling-3.0", "prompt", "fox", "external_task_id", "eo-1"));
        ExactlyOnceCreator creator = new ExactlyOnceCreator(client, 2);
        KlingTask created = value(creator.create(request));
        sent.clear();

        assertThat(value(creator.lookup(request))).map(KlingTask::taskId).contains(created.taskId());
        assertThat(value(creator.lookup(request.withExternalTaskId("eo-unknown")))).isEmpty();
        assertThat(sent).extracting(r -> r.method() + " " + r.path() + " " + r.query())
                .containsExactly("GET /tasks {external_task_ids=eo-1}", "GET /tasks {external_task_ids=eo-unknown}");
    }

    @Test
    void anUnknownNewDesignTaskIsNotFound() throws Exception {
        KlingTask ghost = new KlingTask("999999999999999999", KlingTaskStatus.SUBMITTED, null, null, null, null, null, 0, 0, null, null, null,
                List.of(), DesignStandard.NEW_DESIGN);

        assertThat(ValidationAssertions.failureOf(client.get(TEXT2VIDEO, ghost))).isInstanceOf(KlingApiException.class)
                .hasMessageContaining("1203");
    }

    private static int playableFrames(Path mp4) throws Exception {
        try (SeekableByteChannel channel = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            int frames = 0;
            while (frames < 5 && grab.getNativeFrame() != null) {
                frames++;
            }
            return frames;
        }
    }

}
