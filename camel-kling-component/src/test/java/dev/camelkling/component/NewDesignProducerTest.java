package dev.camelkling.component;

import dev.camelkling.simulator.SampleMedia;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingBilling;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two design standards behind the same URIs, against the simulator: the model chooses the design, a legacy route
 * and a new-design route run side by side, reads follow the task's design, and the new design takes an API key only.
 */
class NewDesignProducerTest extends KlingTestSupport {

    /** Kept files: a temporary download is deleted as soon as the exchange is done, which may be before the test reads it. */
    private static final Path RESULTS = results();
    private static final String KEEP = "&downloadDirectory=" + RESULTS;

    /** The simulator's API key: an endpoint of the new design adds it to the component's access key pair. */
    private static final String WITH_API_KEY = "apiKey=RAW(" + API_KEY + ")";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:legacy").to("kling:text2video?modelName=kling-v2-6&waitForCompletion=true&download=true" + KEEP);
                from("direct:new").to("kling:text2video?modelName=kling-3.0&resolution=1080p&duration=8&audio=native"
                                      + "&waitForCompletion=true&download=true" + KEEP + "&" + WITH_API_KEY);
            }
        };
    }

    @Test
    void aLegacyAndANewDesignRouteRunSideBySideEachEndingWithPlayableMedia() throws Exception {
        RecordedRequests recorded = RecordedRequests.on(simulator());

        Exchange legacy = template.request("direct:legacy", e -> e.getMessage().setBody("A paper boat on a river"));
        Exchange fresh = template.request("direct:new", e -> e.getMessage().setBody("A paper boat on a river"));

        assertThat(legacy.getException()).isNull();
        assertThat(fresh.getException()).isNull();
        for (Exchange done : List.of(legacy, fresh)) {
            assertThat(done.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
            assertThat(done.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class)).hasSize(1);
            assertThat(done.getMessage().getHeader(KlingConstants.VIDEO_ID, String.class)).isNotBlank();
            assertThat(playableFrames(done.getMessage().getBody(File.class))).isPositive();
        }
        assertThat(legacy.getMessage().getHeader(KlingConstants.DESIGN)).isEqualTo(DesignStandard.LEGACY);
        assertThat(legacy.getMessage().getHeader(KlingConstants.BILLING, List.class)).isEmpty();
        assertThat(fresh.getMessage().getHeader(KlingConstants.DESIGN)).isEqualTo(DesignStandard.NEW_DESIGN);
        @SuppressWarnings("unchecked")
        List<KlingBilling> billing = fresh.getMessage().getHeader(KlingConstants.BILLING, List.class);
        assertThat(billing).isNotEmpty().allSatisfy(charge -> assertThat(charge.amount()).isGreaterThan(BigDecimal.ZERO));

        assertThat(recorded.creates("/v1/videos/text2video")).hasSize(1);
        assertThat(recorded.creates("/text-to-video/kling-3.0")).singleElement().satisfies(create -> {
            assertThat(create.authorization()).isEqualTo("Bearer " + API_KEY);
            assertThat(create.body()).contains("\"settings\"").contains("\"duration\":8").contains("\"resolution\":\"1080p\"")
                    .contains("\"audio\":\"native\"");
        });
        assertThat(recorded.all()).as("the new-design task is waited for through GET /tasks")
                .anySatisfy(r -> assertThat(r.method() + " " + r.path()).startsWith("GET /tasks"));
    }

    @Test
    void omniVideoWorksOnBothStandardsFromOneUri() throws Exception {
        RecordedRequests recorded = RecordedRequests.on(simulator());
        String image = simulator().hostImage(SampleMedia.png(640, 360));

        KlingTask legacy = template.requestBody("kling:omniVideo?aspectRatio=16:9&waitForCompletion=true", "A kite over dunes", KlingTask.class);
        KlingTask fresh = template.requestBodyAndHeader("kling:omniVideo?modelName=kling-3.0-omni&duration=5&aspectRatio=16:9"
                        + "&waitForCompletion=true&" + WITH_API_KEY, "The kite of <<<image_1>>> over dunes",
                KlingConstants.REFERENCE_IMAGES, List.of(image), KlingTask.class);

        assertThat(legacy.design()).isEqualTo(DesignStandard.LEGACY);
        assertThat(fresh.design()).isEqualTo(DesignStandard.NEW_DESIGN);
        for (KlingTask task : List.of(legacy, fresh)) {
            assertThat(task.resultUrls()).hasSize(1);
            assertThat(isMp4(download(task.resultUrls().get(0)))).isTrue();
        }
        assertThat(recorded.creates("/v1/videos/omni-video")).hasSize(1);
        assertThat(recorded.creates("/omni-video/kling-3.0-omni")).singleElement()
                .satisfies(create -> assertThat(create.body()).contains(image));
    }

    @Test
    void referenceImagesAsAnOptionAreSplitIntoItems() {
        RecordedRequests recorded = RecordedRequests.on(simulator());
        String first = simulator().hostImage(SampleMedia.png(640, 360));
        String second = simulator().hostImage(SampleMedia.png(360, 640));

        template.requestBody("kling:omniVideo?modelName=kling-3.0-omni&aspectRatio=16:9&referenceImages=" + first + "," + second + "&"
                             + WITH_API_KEY, "<<<image_1>>> meets <<<image_2>>>", KlingTask.class);

        assertThat(recorded.creates("/omni-video/kling-3.0-omni")).singleElement().satisfies(create -> assertThat(create.body())
                .contains("{\"type\":\"refer_image\",\"url\":\"" + first + "\"")
                .contains("\"url\":\"" + second + "\""));
    }

    @Test
    void aNewDesignRuleIsCheckedLocallyNamingTheOption() {
        RecordedRequests recorded = RecordedRequests.on(simulator());

        assertThatThrownBy(() -> template.requestBody("kling:text2video?modelName=kling-3.0-turbo&duration=20&" + WITH_API_KEY,
                "A storm"))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(KlingValidationException.class)
                .hasMessageContaining("duration").hasMessageContaining("option duration");
        assertThat(recorded.all()).isEmpty();
    }

    @Test
    void aNewDesignModelWithOnlyAnAccessKeyPairFailsBeforeAnyRequest() {
        RecordedRequests recorded = RecordedRequests.on(simulator());

        assertThatThrownBy(() -> template.requestBodyAndHeader("kling:text2video", "A storm", KlingConstants.MODEL_NAME, "kling-3.0"))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(KlingValidationException.class)
                .hasMessageContaining("apiKey").hasMessageContaining("API key");
        assertThat(recorded.all()).isEmpty();
    }

    @Test
    void anEndpointOfANewDesignModelWithOnlyAnAccessKeyPairFailsToStart() {
        RecordedRequests recorded = RecordedRequests.on(simulator());

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:no-key").to("kling:text2video?modelName=kling-3.0");
            }
        })).isInstanceOf(FailedToCreateRouteException.class).rootCause()
                .hasMessageContaining("modelName kling-3.0").hasMessageContaining("configure the option apiKey");
        assertThat(recorded.all()).isEmpty();
    }

    @Test
    void getReadsANewDesignTaskFromTheTasksEndpoint() {
        KlingTask created = template.requestBody("kling:text2video?modelName=kling-3.0&externalTaskId=nd-get-1&" + WITH_API_KEY,
                "A red balloon", KlingTask.class);
        simulator().completeTask(created.taskId());
        RecordedRequests recorded = RecordedRequests.on(simulator());

        // by id, the design known from the endpoint's model
        Exchange byId = template.request("kling:text2video?operation=get&modelName=kling-3.0&" + WITH_API_KEY,
                e -> e.getMessage().setHeader(KlingConstants.TASK_ID, created.taskId()));
        // by external id, the design known from the header CamelKlingDesign of an earlier result
        Exchange byExternalId = template.request("kling:text2video?operation=get&" + WITH_API_KEY, e -> {
            e.getMessage().setHeader(KlingConstants.EXTERNAL_TASK_ID, "nd-get-1");
            e.getMessage().setHeader(KlingConstants.DESIGN, "NEW_DESIGN");
        });

        for (Exchange read : List.of(byId, byExternalId)) {
            assertThat(read.getException()).isNull();
            assertThat(read.getMessage().getHeader(KlingConstants.TASK_ID)).isEqualTo(created.taskId());
            assertThat(read.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
            assertThat(read.getMessage().getHeader(KlingConstants.BILLING, List.class)).isNotEmpty();
        }
        assertThat(recorded.all()).extracting(r -> r.method() + " " + r.path())
                .as("both read from GET /tasks, none from the legacy path").containsExactly("GET /tasks", "GET /tasks");
    }

    @Test
    void aMapBodyOfNewDesignFieldsIsSentOnTheNewDesign() {
        RecordedRequests recorded = RecordedRequests.on(simulator());

        template.requestBody("kling:text2video?" + WITH_API_KEY, Map.of("model_name", "kling-3.0-turbo", "prompt", "A heron",
                "duration", 3), KlingTask.class);

        assertThat(recorded.creates("/text-to-video/kling-3.0-turbo")).singleElement()
                .satisfies(create -> assertThat(create.body()).contains("\"duration\":3"));
    }

    private static Path results() {
        try {
            return Files.createTempDirectory("kling-new-design-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteResults() throws IOException {
        try (Stream<Path> files = Files.walk(RESULTS)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    static int playableFrames(File mp4) throws Exception {
        try (SeekableByteChannel channel = NIOUtils.readableChannel(mp4)) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            int frames = 0;
            while (frames < 3 && grab.getNativeFrame() != null) {
                frames++;
            }
            return frames;
        }
    }
}
