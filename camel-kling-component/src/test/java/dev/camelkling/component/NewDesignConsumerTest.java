package dev.camelkling.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The polling consumer on the new design: {@code POST /tasks} by time window and cursor, each final task emitted once,
 * also across a restart of the application (a new CamelContext sharing only the idempotent repository).
 */
class NewDesignConsumerTest extends KlingTestSupport {

    @TempDir
    Path state;
    /** What survives a restart: a persistent repository (a file). */
    private IdempotentRepository repository;
    private final List<String> emitted = new CopyOnWriteArrayList<>();
    private final List<String> statuses = new CopyOnWriteArrayList<>();
    /** Tasks whose first exchange fails (the route throws), so that they are emitted again later. */
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private CamelContext application;

    private SimulatorTiming usualTiming;
    private int usualLimit;

    @BeforeEach
    void allowManyTasksAtOnce() {
        usualTiming = simulator().timing();
        usualLimit = simulator().maxConcurrentTasks();
        simulator().maxConcurrentTasks(500);
    }

    @AfterEach
    void stopApplication() {
        if (application != null) {
            application.stop();
        }
        simulator().timing(usualTiming);
        simulator().maxConcurrentTasks(usualLimit);
    }

    /** Tasks that stay processing until the test completes them. */
    private List<String> createRunningTasks(String prefix, int count) {
        simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMinutes(10)));
        try {
            return createNewDesignTasks(prefix, count);
        } finally {
            simulator().timing(usualTiming);
        }
    }

    /** One run of the consuming application: its own context, kling component and consumer. */
    private CamelContext startApplication(String options) throws Exception {
        repository = FileIdempotentRepository.fileIdempotentRepository(state.resolve("emitted.txt").toFile());
        CamelContext app = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent(new CredentialsResolver(name -> null));
        kling.getConfiguration().setBaseUrl(SIM.baseUrl());
        kling.getConfiguration().setApiKey(API_KEY);
        app.addComponent("kling", kling);
        app.getRegistry().bind("emittedTasks", repository);
        app.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?idempotentRepository=#emittedTasks&delay=100&initialDelay=0&" + options)
                        .process(e -> {
                            if (failOnce.remove(e.getMessage().getHeader(KlingConstants.TASK_ID, String.class))) {
                                throw new IllegalStateException("the route fails this task's first exchange");
                            }
                            emitted.add(e.getMessage().getHeader(KlingConstants.TASK_ID, String.class));
                            statuses.add(e.getMessage().getHeader(KlingConstants.TASK_STATUS, String.class));
                        });
            }
        });
        app.start();
        return app;
    }

    private List<String> createNewDesignTasks(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(template.requestBody("kling:text2video?modelName=kling-3.0-turbo&apiKey=RAW(" + API_KEY + ")",
                    prefix + " " + i, KlingTask.class).taskId());
        }
        return ids;
    }

    /** The reads of the next ten polls of the running application's consumer, asserted to be at most two a poll. */
    private List<RecordedRequests.Recorded> readsOfTenPollsAtMostTwoEach() {
        RecordedRequests recorded = RecordedRequests.on(simulator());
        KlingConsumer consumer = (KlingConsumer) application.getRoutes().get(0).getConsumer();
        long firstPoll = consumer.getPollCount();
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getPollCount() >= firstPoll + 10);
        long polls = consumer.getPollCount() - firstPoll;
        List<RecordedRequests.Recorded> reads = recorded.all().stream().filter(r -> r.path().startsWith("/tasks")).toList();
        recorded.detach(simulator());
        // one poll may be under way at either end of the count
        assertThat(reads).as("%d requests in %d polls", reads.size(), polls).hasSizeLessThanOrEqualTo((int) (2 * (polls + 1)));
        return reads;
    }

    /** Stays true for a while: nothing more is emitted although polls go on. */
    private void assertStaysEmitted(List<String> expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> emitted.size() >= expected.size());
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> emitted.size() == expected.size());
        assertThat(emitted).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyFinishedTaskIsEmittedOnceAcrossPagesAndARestart() throws Exception {
        RecordedRequests recorded = RecordedRequests.on(simulator());
        List<String> first = createNewDesignTasks("A lantern", 5);

        // pages of 2: the cursor goes through the window over several pages and polls
        application = startApplication("designStandard=NEW_DESIGN&pageSize=2&maxPagesPerPoll=2");
        assertStaysEmitted(first);
        assertThat(statuses).containsOnly("succeed");
        application.stop();

        List<String> second = createNewDesignTasks("A kettle", 2);
        application = startApplication("designStandard=NEW_DESIGN&pageSize=2&maxPagesPerPoll=2");
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertStaysEmitted(all);

        assertThat(recorded.all()).as("reads only POST /tasks, never the legacy list")
                .filteredOn(r -> r.method().equals("GET")).allSatisfy(r -> assertThat(r.path()).doesNotStartWith("/v1/"));
        assertThat(recorded.all()).filteredOn(r -> r.method().equals("POST") && r.path().equals("/tasks")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.body()).contains("\"product_type\""));
    }

    @Test
    void aModelOfTheNewDesignChoosesTheNewDesignListing() throws Exception {
        List<String> ids = createNewDesignTasks("A heron", 2);

        application = startApplication("modelName=kling-3.0");

        assertStaysEmitted(ids);
    }

    @Test
    void aTaskStillRunningWhenThePositionPassedItIsEmittedOnceItFinishes() throws Exception {
        SimulatorTiming usual = simulator().timing();
        simulator().timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMinutes(10)));
        try {
            List<String> slow = createNewDesignTasks("A glacier", 1);
            application = startApplication("designStandard=NEW_DESIGN&pageSize=2");
            List<String> fast = new ArrayList<>();
            simulator().timing(usual);
            fast.addAll(createNewDesignTasks("A sparrow", 3));
            assertStaysEmitted(fast);

            simulator().completeTask(slow.get(0));

            List<String> all = new ArrayList<>(slow);
            all.addAll(fast);
            assertStaysEmitted(all);
        } finally {
            simulator().timing(usual);
        }
    }

    /**
     * The position is kept across polls: once the window was read, a poll lists only what was created since and reads
     * the tasks still running by id, so its cost does not grow with the tasks listed before (here 60 finished tasks
     * behind one that keeps running: reopening the window at the running task would read 7 pages on every poll).
     */
    @Test
    void aPollAfterTheWindowWasReadCostsOneListingPageAndOneBatchReadHoweverManyTasksWereListed() throws Exception {
        List<String> slow = createRunningTasks("A glacier", 1);
        List<String> fast = createNewDesignTasks("A sparrow", 60);
        application = startApplication("designStandard=NEW_DESIGN&pageSize=10&maxPagesPerPoll=10");
        assertStaysEmitted(fast);

        List<RecordedRequests.Recorded> reads = readsOfTenPollsAtMostTwoEach();
        assertThat(reads).as("the running task is read by id, not by listing its window again")
                .anySatisfy(r -> assertThat(r.method()).isEqualTo("GET"));

        simulator().completeTask(slow.get(0));
        List<String> all = new ArrayList<>(fast);
        all.addAll(slow);
        assertStaysEmitted(all);
    }

    /**
     * Only the idempotent repository survives a restart; the first poll after it reads the whole default window
     * again, so a task that was running when the application stopped and finished meanwhile is emitted, and nothing
     * already emitted is emitted again.
     */
    @Test
    void aTaskRunningWhenTheApplicationStoppedIsEmittedOnceAfterTheRestart() throws Exception {
        List<String> done = createNewDesignTasks("A lantern", 3);
        List<String> slow = createRunningTasks("A glacier", 1);
        application = startApplication("designStandard=NEW_DESIGN&pageSize=2&maxPagesPerPoll=1");
        assertStaysEmitted(done);
        application.stop();

        simulator().completeTask(slow.get(0));
        List<String> later = createNewDesignTasks("A kettle", 2);
        application = startApplication("designStandard=NEW_DESIGN&pageSize=2&maxPagesPerPoll=1");

        List<String> all = new ArrayList<>(done);
        all.addAll(slow);
        all.addAll(later);
        assertStaysEmitted(all);
    }

    /** A task the position has passed is still emitted again when its exchange failed. */
    @Test
    void aTaskWhoseExchangeFailedIsEmittedAgainByALaterPoll() throws Exception {
        List<String> ids = createNewDesignTasks("A heron", 4);
        failOnce.add(ids.get(1));

        application = startApplication("designStandard=NEW_DESIGN");

        assertStaysEmitted(ids);
        assertThat(failOnce).isEmpty();
    }

    /**
     * Many tasks running at once are read again by listing their span (one page of 100 here), not 20 ids a request
     * (5 requests a poll here); each is emitted once it finishes.
     */
    @Test
    void manyRunningTasksAreReadAgainByListingTheirSpanNotByIdInBatches() throws Exception {
        List<String> running = createRunningTasks("A glacier", 100);
        application = startApplication("designStandard=NEW_DESIGN&pageSize=100&maxPagesPerPoll=10");
        KlingConsumer consumer = (KlingConsumer) application.getRoutes().get(0).getConsumer();
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getPollCount() >= 2);

        readsOfTenPollsAtMostTwoEach();
        assertThat(emitted).isEmpty();

        running.forEach(simulator()::completeTask);
        assertStaysEmitted(running);
    }
}
