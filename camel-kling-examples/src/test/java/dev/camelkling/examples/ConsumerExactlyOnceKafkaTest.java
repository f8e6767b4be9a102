package dev.camelkling.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import dev.camelkling.component.KlingComponent;
import dev.camelkling.examples.flows.EmbeddedKafka;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that the kling: polling consumer, deployed as in docs/consumers.md ({@link ConsumerDeployment} and
 * routes/consumer-partition.yaml), publishes every final task to Kafka exactly once: across a restart with a
 * persistent {@code KafkaIdempotentRepository}, and with two instances sharing one Kling account through static
 * partitions. It also shows the two ways plain sharing fails: replicas that do not partition publish every task twice,
 * and a repository shared between instances leaves a window between its check and its add.
 * <p>
 * Runs against an in-process KRaft Kafka 3.9.1 broker and the in-process Kling simulator. Tasks that must stay open
 * across a stop are "held" (created with a one-hour timing) and released with {@code completeTask}, so "stopped
 * before every task was final" does not depend on timing.
 */
class ConsumerExactlyOnceKafkaTest {

    private static final SimulatorTiming FAST = SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300));
    private static final SimulatorTiming HELD = SimulatorTiming.of(Duration.ofMillis(50), Duration.ofHours(1));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedKafka kafka;
    private static String brokers;
    private static KlingSimulator simulator;
    private static CamelContext client;
    private static ProducerTemplate template;
    private static ScheduledExecutorService creator;

    /** Consumer instances and topic readers of the running test, closed after it (also when it fails). */
    private final List<CamelContext> instances = new CopyOnWriteArrayList<>();
    private final List<TopicReader> readers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrokerAndSimulator() throws Exception {
        kafka = EmbeddedKafka.start();
        brokers = kafka.bootstrapServers();

        simulator = KlingSimulator.builder().timing(FAST).maxConcurrentTasks(1000).build().start();
        client = new DefaultCamelContext();
        client.getCamelContextExtension().setName("task-creator");
        client.addComponent("kling", kling());
        client.start();
        template = client.createProducerTemplate();
        creator = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopBrokerAndSimulator() throws Exception {
        if (creator != null) {
            creator.shutdownNow();
        }
        if (client != null) {
            client.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void forgetPreviousTasks() {
        simulator.reset();
    }

    @AfterEach
    void closeInstancesAndReaders() {
        stopConsumers();
        readers.forEach(TopicReader::close);
    }

    /** Stops every consumer instance (graceful: in-flight exchanges complete and are recorded first). */
    private void stopConsumers() {
        instances.forEach(CamelContext::stop);
    }

    /**
     * One instance is stopped while tasks are being created and some are still running; tasks keep coming while it is
     * down; a new instance (new CamelContext, new repository instance on the same repository topic) takes over.
     */
    @Test
    void restartWithAPersistentRepositoryPublishesEveryTaskOnce() {
        TopicReader finished = reader("kling-finished");
        TaskPlan tasks = new TaskPlan("restart", n -> n == 3 || n == 13 || n == 23);

        CamelContext first = startInstance("restart-first", "restart", 1, 0, "kling-finished", false);
        CompletableFuture<Void> creating = tasks.createOverTime(0, 30, 40);
        await().atMost(TIMEOUT).until(() -> finished.taskIds().size() >= 8);
        first.stop(); // mid-run: tasks are still being created, held ones are not final
        assertThat(tasks.heldIds()).allSatisfy(id -> assertThat(isFinal(id)).as("held task %s", id).isFalse());
        finish(creating);
        tasks.createNow(30, 40); // while no instance runs

        startInstance("restart-second", "restart", 1, 0, "kling-finished", false);
        finish(tasks.createOverTime(40, 60, 40));
        tasks.heldIds().forEach(simulator::completeTask);
        await().atMost(TIMEOUT).until(() -> finished.taskIds().containsAll(tasks.taskIds()));
        stopConsumers();

        List<Published> published = finished.readToEnd();
        assertPublishedExactlyOnce(published, tasks);
        assertThat(published).hasSize(60).hasSize(simulator.createdTaskCount());
        Map<String, Long> byInstance = published.stream()
                .collect(Collectors.groupingBy(Published::instance, Collectors.counting()));
        assertThat(byInstance.get("restart-first")).isGreaterThanOrEqualTo(8);
        assertThat(byInstance.get("restart-second")).isGreaterThanOrEqualTo(20 + 10 + 3);
        assertThat(published).filteredOn(p -> p.status().equals("failed")).isNotEmpty();
    }

    /**
     * The same application twice on one account: partition 0 runs the Java DSL deployment, partition 1 the YAML DSL
     * one, each with its own repository topic; partition 1 is restarted in the middle. Another application's tasks on
     * the same account stay out.
     */
    @Test
    void twoPartitionedInstancesPublishEveryTaskOnce() {
        TopicReader finished = reader("kling-finished-pair");
        TaskPlan otherApplication = new TaskPlan("other", n -> false);
        otherApplication.createNow(0, 5);
        TaskPlan tasks = new TaskPlan("pair", n -> n == 7 || n == 21);

        startInstance("pair-p0", "pair", 2, 0, "kling-finished-pair", false);
        CamelContext p1 = startInstance("pair-p1", "pair", 2, 1, "kling-finished-pair", true);
        CompletableFuture<Void> creating = tasks.createOverTime(0, 30, 30);
        await().atMost(TIMEOUT).until(() -> finished.countByInstance("pair-p0") >= 3
                                            && finished.countByInstance("pair-p1") >= 3);
        p1.stop();
        finish(creating);
        tasks.createNow(30, 40); // partition 1's share of these waits for its restart

        startInstance("pair-p1-restarted", "pair", 2, 1, "kling-finished-pair", true);
        finish(tasks.createOverTime(40, 50, 30));
        tasks.heldIds().forEach(simulator::completeTask);
        await().atMost(TIMEOUT).until(() -> finished.taskIds().containsAll(tasks.taskIds()));
        stopConsumers();

        List<Published> published = finished.readToEnd();
        assertPublishedExactlyOnce(published, tasks);
        assertThat(published).hasSize(50).hasSize(simulator.createdTaskCount() - 5);
        Map<String, Integer> partitionOf = Map.of("pair-p0", 0, "pair-p1", 1, "pair-p1-restarted", 1);
        assertThat(published).allSatisfy(p -> assertThat(Math.floorMod(p.taskId().hashCode(), 2))
                .as("partition of %s, published by %s", p.taskId(), p.instance())
                .isEqualTo(partitionOf.get(p.instance())));
        assertThat(published).extracting(Published::instance).contains("pair-p0", "pair-p1", "pair-p1-restarted");
    }

    /**
     * The naive scale-out: the same deployment started twice without partitions (same repository topic, read only
     * at start). Each replica has its own view of what was published, so every task is published twice.
     */
    @Test
    void replicasWithoutPartitionsPublishEveryTaskTwice() {
        TopicReader finished = reader("kling-finished-plain");
        TaskPlan tasks = new TaskPlan("plain", n -> false);
        startInstance("plain-a", "plain", 1, 0, "kling-finished-plain", false);
        startInstance("plain-b", "plain", 1, 0, "kling-finished-plain", false);
        tasks.createNow(0, 10);
        await().atMost(TIMEOUT).until(() -> finished.records().size() >= 20);
        stopConsumers();

        List<Published> published = finished.readToEnd();
        assertThat(published).hasSize(20);
        Map<String, Set<String>> instancesByTask = published.stream().collect(Collectors.groupingBy(
                Published::taskId, Collectors.mapping(Published::instance, Collectors.toSet())));
        assertThat(instancesByTask).hasSize(10).allSatisfy(
                (taskId, by) -> assertThat(by).as("publishers of %s", taskId).containsExactlyInAnyOrder("plain-a", "plain-b"));
    }

    /**
     * Why sharing one repository between instances is not the fix either: a task counts as emitted only when its
     * exchange completes, so while one instance is still publishing it, the other finds it missing from the
     * repository and emits it too. The gate holds the first exchange until the second instance has picked up the same
     * task; without the window the second would never get it and the gate would give up after 10 s.
     */
    @Test
    void aSharedRepositoryLeavesAWindowBetweenCheckAndAdd() throws Exception {
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        Map<String, CountDownLatch> gate = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> emitted = new ConcurrentLinkedQueue<>();
        for (String name : List.of("shared-a", "shared-b")) {
            CamelContext context = newInstanceContext(name);
            context.getRegistry().bind("shared", shared);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kling:text2video?delay=100&initialDelay=0&externalTaskIdPrefix=shared-"
                         + "&idempotentRepository=#shared")
                            .process(e -> {
                                CountDownLatch both = gate.computeIfAbsent(e.getMessage().getHeader(
                                        "CamelKlingTaskId", String.class), id -> new CountDownLatch(2));
                                both.countDown();
                                both.await(10, TimeUnit.SECONDS);
                            })
                            .process(e -> emitted.add(e.getMessage().getHeader("CamelKlingTaskId", String.class)
                                                      + " " + e.getContext().getName()));
                }
            });
            context.start();
        }
        String taskId = new TaskPlan("shared", n -> false).create(0);

        await().atMost(TIMEOUT).until(() -> emitted.size() >= 2);
        assertThat(emitted).containsExactlyInAnyOrder(taskId + " shared-a", taskId + " shared-b");
        assertThat(shared.contains(taskId)).isTrue();
    }

    // ---- helpers ----

    private static void assertPublishedExactlyOnce(List<Published> published, TaskPlan tasks) {
        Map<String, Long> timesPublished = published.stream()
                .collect(Collectors.groupingBy(Published::taskId, Collectors.counting()));
        assertThat(timesPublished).as("times each task was published")
                .allSatisfy((taskId, times) -> assertThat(times).as(taskId).isOne());
        assertThat(timesPublished.keySet()).as("published tasks").containsExactlyInAnyOrderElementsOf(tasks.taskIds());
        assertThat(published).allSatisfy(p -> {
            assertThat(isFinal(p.taskId())).as("%s is final", p.taskId()).isTrue();
            assertThat(p.status()).as("status of %s", p.taskId()).isEqualTo(simulator.taskStatus(p.taskId()).orElseThrow());
        });
    }

    /** Waits for a background creation to end, and fails if a create failed. */
    private static void finish(CompletableFuture<Void> creating) {
        await().atMost(TIMEOUT).until(creating::isDone);
        creating.join();
    }

    private static boolean isFinal(String taskId) {
        String status = simulator.taskStatus(taskId).orElseThrow();
        return status.equals("succeed") || status.equals("failed");
    }

    private static KlingComponent kling() {
        KlingComponent kling = new KlingComponent();
        kling.getConfiguration().setBaseUrl(simulator.baseUrl());
        kling.getConfiguration().setAccessKey(simulator.accessKey());
        kling.getConfiguration().setSecretKey(simulator.secretKey());
        return kling;
    }

    private CamelContext newInstanceContext(String name) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.addComponent("kling", kling());
        instances.add(context);
        return context;
    }

    /**
     * Starts one instance of the documented deployment in its own CamelContext: {@link ConsumerDeployment} with a new
     * repository instance on its partition's topic, or routes/consumer-partition.yaml (which declares the repository).
     */
    private CamelContext startInstance(String name, String app, int partitions, int index, String finishedTopic,
                                       boolean yaml) {
        try {
            CamelContext context = newInstanceContext(name);
            Properties properties = new Properties();
            properties.put("kafka.brokers", brokers);
            properties.put("kling.app", app);
            properties.put("kling.partitions", Integer.toString(partitions));
            properties.put("kling.partition.index", Integer.toString(index));
            properties.put("kling.finished.topic", finishedTopic);
            properties.put("kling.pollDelay", "100");
            context.getPropertiesComponent().setInitialProperties(properties);
            if (yaml) {
                ConsumerDeployment.ensureTopic(brokers, ConsumerDeployment.repositoryTopic(app, index), true);
                PluginHelper.getRoutesLoader(context).loadRoutes(
                        ResourceHelper.resolveMandatoryResource(context, "classpath:routes/consumer-partition.yaml"));
            } else {
                context.getRegistry().bind(ConsumerDeployment.REPOSITORY, ConsumerDeployment.emittedTasks(brokers, app, index));
                context.addRoutes(new ConsumerDeployment());
            }
            context.start();
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start instance " + name, e);
        }
    }

    private TopicReader reader(String topic) {
        ConsumerDeployment.ensureTopic(brokers, topic, false);
        TopicReader reader = new TopicReader(topic);
        readers.add(reader);
        return reader;
    }

    /** One record of the finished topic: the route publishes "taskId status camelId". */
    record Published(String taskId, String status, String instance) {
        static Published of(ConsumerRecord<String, String> record) {
            String[] parts = record.value().split(" ");
            assertThat(parts).hasSize(3);
            assertThat(record.key()).isEqualTo(parts[0]);
            return new Published(parts[0], parts[1], parts[2]);
        }
    }

    /** Reads a single-partition topic from the beginning with a plain KafkaConsumer (no group, no commits). */
    private static final class TopicReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final TopicPartition partition;
        private final List<Published> records = new ArrayList<>();

        TopicReader(String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer());
            partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
        }

        /** What has been read so far, after one more poll. */
        synchronized List<Published> records() {
            consumer.poll(Duration.ofMillis(100)).forEach(r -> records.add(Published.of(r)));
            return List.copyOf(records);
        }

        Set<String> taskIds() {
            return records().stream().map(Published::taskId).collect(Collectors.toSet());
        }

        long countByInstance(String instance) {
            return records().stream().filter(p -> p.instance().equals(instance)).count();
        }

        /** Everything in the topic up to its current end (call once the publishers have stopped). */
        synchronized List<Published> readToEnd() {
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> records.add(Published.of(r)));
                return consumer.position(partition) >= end;
            });
            return List.copyOf(records);
        }

        @Override
        public synchronized void close() {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    /** The tasks of one application (external task id prefix {@code app-}): which to hold open, and their ids. */
    private static final class TaskPlan {
        private static final Object TIMING = new Object();
        private final String app;
        private final IntPredicate held;
        private final Map<Integer, String> ids = new ConcurrentHashMap<>();
        private final Set<String> heldIds = ConcurrentHashMap.newKeySet();

        TaskPlan(String app, IntPredicate held) {
            this.app = app;
            this.held = held;
        }

        /** Creates task n; every 7th fails (the simulator's failure marker), held ones stay open until released. */
        String create(int n) {
            boolean hold = held.test(n);
            Exchange out;
            synchronized (TIMING) { // the timing applies to tasks created from now on
                simulator.timing(hold ? HELD : FAST);
                out = template.request("kling:text2video", e -> {
                    e.getMessage().setBody("A paper boat on a river, take " + n + (n % 7 == 5 ? " [[fail]]" : ""));
                    e.getMessage().setHeader("CamelKlingExternalTaskId", app + "-" + n);
                });
                simulator.timing(FAST);
            }
            if (out.getException() != null) {
                throw new IllegalStateException("create " + app + "-" + n, out.getException());
            }
            String taskId = out.getMessage().getHeader("CamelKlingTaskId", String.class);
            ids.put(n, taskId);
            if (hold) {
                heldIds.add(taskId);
            }
            return taskId;
        }

        void createNow(int from, int to) {
            for (int n = from; n < to; n++) {
                create(n);
            }
        }

        /** Creates tasks from..to-1, one every periodMs, on the creator thread; completes after the last one. */
        CompletableFuture<Void> createOverTime(int from, int to, long periodMs) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            AtomicInteger next = new AtomicInteger(from);
            ScheduledFuture<?> schedule = creator.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n >= to || done.isDone()) {
                    done.complete(null);
                    return;
                }
                try {
                    create(n);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }, 0, periodMs, TimeUnit.MILLISECONDS);
            done.whenComplete((result, failure) -> schedule.cancel(false));
            return done;
        }

        Set<String> taskIds() {
            return Set.copyOf(ids.values());
        }

        Set<String> heldIds() {
            return Set.copyOf(heldIds);
        }
    }
}
