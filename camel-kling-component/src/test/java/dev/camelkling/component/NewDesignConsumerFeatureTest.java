package dev.camelkling.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultMatch;
import dev.camelkling.simulator.fault.FaultTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /tasks} lists every task of a product type (video) whatever feature made it, so a consumer of one feature
 * must tell its tasks apart: a task is known to be of a feature by its derived external id
 * ({@code camel-<exchange>-<feature>-<n>}) or because this application's client created it; a task of unknown origin
 * is emitted by a consumer that reads the list alone, or, when several do, by the one with {@code emitUnknownOrigin=true}.
 */
class NewDesignConsumerFeatureTest extends KlingTestSupport {

    private static final String TEXT = "modelName=kling-3.0-turbo";
    private static final String OMNI = "modelName=kling-3.0-omni&aspectRatio=16:9";

    private final List<String> text2video = new CopyOnWriteArrayList<>();
    private final List<String> omniVideo = new CopyOnWriteArrayList<>();
    private CamelContext application;

    @AfterEach
    void stopApplication() {
        if (application != null) {
            application.stop();
        }
    }

    /** The application: both consumers, and producers sharing their client (same component and account). */
    private CamelContext startApplication() throws Exception {
        return startApplication(true);
    }

    /** The application with the text2video consumer, and the omniVideo one ({@code emitUnknownOrigin=true}) if asked. */
    private CamelContext startApplication(boolean withOmniVideoConsumer) throws Exception {
        CamelContext app = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent(new CredentialsResolver(name -> null));
        kling.getConfiguration().setBaseUrl(SIM.baseUrl());
        kling.getConfiguration().setApiKey(API_KEY);
        app.addComponent("kling", kling);
        app.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?designStandard=NEW_DESIGN&delay=100&initialDelay=0").routeId("text2video")
                        .process(e -> text2video.add(e.getMessage().getHeader(KlingConstants.TASK_ID, String.class)));
                if (withOmniVideoConsumer) {
                    from("kling:omniVideo?designStandard=NEW_DESIGN&emitUnknownOrigin=true&delay=100&initialDelay=0").routeId("omniVideo")
                            .process(e -> omniVideo.add(e.getMessage().getHeader(KlingConstants.TASK_ID, String.class)));
                }
            }
        });
        app.start();
        return app;
    }

    /** Created by camel-kling elsewhere (the test's own context): the derived external id names the feature. */
    private String createdElsewhere(String feature, String options) {
        return template.requestBody("kling:" + feature + "?" + options + "&apiKey=RAW(" + API_KEY + ")", "A heron",
                KlingTask.class).taskId();
    }

    /** Created outside camel-kling's knowledge: another client, without a derived external id, or with the caller's own. */
    private String createdOfUnknownOrigin(String externalId) {
        String uri = "kling:text2video?" + TEXT + "&deriveExternalTaskId=false&apiKey=RAW(" + API_KEY + ")";
        return externalId == null
                ? template.requestBody(uri, "A kettle", KlingTask.class).taskId()
                : template.requestBodyAndHeader(uri, "A kettle", KlingConstants.EXTERNAL_TASK_ID, externalId, KlingTask.class).taskId();
    }

    @Test
    void eachFeatureConsumerEmitsOnlyItsOwnTasksAndTasksOfUnknownOriginOnlyWhereAnOptionSaysSo() throws Exception {
        String textDerived = createdElsewhere("text2video", TEXT);
        String omniDerived = createdElsewhere("omniVideo", OMNI);
        String unknown = createdOfUnknownOrigin(null);
        String partner = createdOfUnknownOrigin("partner-order-7");

        application = startApplication();
        ProducerTemplate producer = application.createProducerTemplate();
        // created by the application's own client without a derived id: the client remembers the feature
        String textOwn = producer.requestBody("kling:text2video?" + TEXT + "&deriveExternalTaskId=false", "A lantern",
                KlingTask.class).taskId();
        String omniOwn = producer.requestBodyAndHeader("kling:omniVideo?" + OMNI, "A lantern",
                KlingConstants.EXTERNAL_TASK_ID, "my-order-9", KlingTask.class).taskId();

        await().atMost(Duration.ofSeconds(20)).until(() -> text2video.size() >= 2 && omniVideo.size() >= 4);
        int[] seen = {text2video.size(), omniVideo.size()};
        awaitPolls("text2video", 3);
        awaitPolls("omniVideo", 3);
        assertThat(new int[] {text2video.size(), omniVideo.size()}).as("nothing more emitted while polls go on").containsExactly(seen);
        assertThat(text2video).containsExactlyInAnyOrder(textDerived, textOwn);
        assertThat(omniVideo).containsExactlyInAnyOrder(omniDerived, omniOwn, unknown, partner);
        producer.close();
    }

    @Test
    void aTaskListedBeforeItsCreateIsAnsweredIsLeftToTheConsumerOfItsFeature() throws Exception {
        application = startApplication();
        ProducerTemplate producer = application.createProducerTemplate();
        // Kling makes the task, then answers 2 s late: meanwhile the task ends and both consumers list it, of no known origin
        simulator().faults().next(FaultMatch.prefix("POST", "/text-to-video/"), Fault.slow(FaultTiming.AFTER, Duration.ofSeconds(2)));
        long omniPolls = consumer("omniVideo").getPollCount();
        String textOwn = producer.requestBody("kling:text2video?" + TEXT + "&deriveExternalTaskId=false", "A lantern",
                KlingTask.class).taskId();
        assertThat(consumer("omniVideo").getPollCount()).as("polls while the answer was on its way").isGreaterThan(omniPolls + 3);

        await().atMost(Duration.ofSeconds(20)).until(() -> text2video.contains(textOwn));
        awaitPolls("omniVideo", 3);
        assertThat(text2video).containsExactly(textOwn);
        assertThat(omniVideo).as("a text2video task, though it was listed before its create was answered").doesNotContain(textOwn);
        producer.close();
    }

    @Test
    void aConsumerReadingItsTaskListAloneEmitsTasksOfUnknownOriginWithoutTheOption() throws Exception {
        String omniDerived = createdElsewhere("omniVideo", OMNI);
        String textDerived = createdElsewhere("text2video", TEXT);
        String partner = createdOfUnknownOrigin("partner-order-8"); // e.g. made before a restart with the caller's own id

        application = startApplication(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> text2video.size() >= 2);
        awaitPolls("text2video", 3);
        assertThat(text2video).as("its own and the one of unknown origin; never omniVideo's %s", omniDerived)
                .containsExactlyInAnyOrder(textDerived, partner);
    }

    private KlingConsumer consumer(String routeId) {
        return (KlingConsumer) application.getRoute(routeId).getConsumer();
    }

    /** Lets the consumer poll a few more times: what it has not emitted by then, it does not emit. */
    private void awaitPolls(String routeId, int polls) {
        long target = consumer(routeId).getPollCount() + polls;
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer(routeId).getPollCount() >= target);
    }

    @Test
    void emitUnknownOriginIsRefusedWhereEveryListedTaskIsTheFeaturesOwn() {
        for (String uri : List.of("kling:text2video?emitUnknownOrigin=true",
                "kling:text2video?designStandard=NEW_DESIGN&consumerMode=callback&emitUnknownOrigin=true&apiKey=RAW(" + API_KEY + ")")) {
            assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("mock:never");
                }
            })).as(uri).hasStackTraceContaining("emitUnknownOrigin applies only to the polling consumer on the new design");
        }
    }
}
