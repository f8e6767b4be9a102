package dev.camelkling.examples;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * One instance of an application that publishes every finished Kling text2video task to a Kafka topic exactly once,
 * also across restarts and with several instances on the same Kling account (see docs/consumers.md).
 * <p>
 * Each instance owns a static share of the tasks ({@code partitionCount}/{@code partitionIndex}, by task-id hash) and
 * remembers the tasks it has published in its own {@link KafkaIdempotentRepository} topic, so no state is shared
 * between instances. The same deployment in the YAML DSL is {@code routes/consumer-partition.yaml}.
 * <p>
 * Run it (Kling credentials from KLING_ACCESS_KEY/KLING_SECRET_KEY or KLING_API_KEY):
 * <pre>
 * java -cp "target/kling-demo.jar:target/lib/*" -Dkafka.brokers=localhost:9092 -Dkling.partitions=2 \
 *      -Dkling.partition.index=0 dev.camelkling.examples.ConsumerDeployment
 * </pre>
 * Properties: {@code kafka.brokers}, {@code kling.app} (external task id prefix, default {@code shop}),
 * {@code kling.partitions} (default 1), {@code kling.partition.index} (default 0), {@code kling.finished.topic}
 * (default {@code kling-finished}), {@code kling.pollDelay} (ms, default 5000).
 */
public class ConsumerDeployment extends RouteBuilder {

    /** The registry name the route refers to ({@code idempotentRepository=#emittedTasks}). */
    public static final String REPOSITORY = "emittedTasks";

    @Override
    public void configure() {
        // example:consumer
        from("kling:text2video?delay={{kling.pollDelay:5000}}"
             + "&externalTaskIdPrefix={{kling.app}}-"          // only this application's tasks
             + "&partitionCount={{kling.partitions}}"          // same on every instance
             + "&partitionIndex={{kling.partition.index}}"     // 0 .. partitionCount-1, one per instance
             + "&idempotentRepository=#emittedTasks")          // this instance's own persistent repository
                .routeId("kling-finished")
                .setHeader("kafka.KEY", header("CamelKlingTaskId"))
                .setBody(simple("${header.CamelKlingTaskId} ${header.CamelKlingTaskStatus} ${camelId}"))
                .to("kafka:{{kling.finished.topic}}?brokers={{kafka.brokers}}");
        // end:consumer
    }

    /**
     * The repository of partition {@code partitionIndex}: topic {@code kling-emitted-<app>-p<index>}, created if
     * missing (a KafkaIdempotentRepository does not start on a missing topic). {@code startupOnly}: the ids are read
     * once at start and every add is written through synchronously; without it, Camel 4.18's background sync thread
     * races with {@code stop()} (ConcurrentModificationException, leaked producer). No other instance writes this
     * topic, so there is nothing to keep in sync while running.
     */
    public static KafkaIdempotentRepository emittedTasks(String brokers, String app, int partitionIndex) {
        String topic = repositoryTopic(app, partitionIndex);
        ensureTopic(brokers, topic, true);
        KafkaIdempotentRepository repository = new KafkaIdempotentRepository(topic, brokers);
        repository.setStartupOnly(true);
        // the cache is the repository: it must hold every id this partition will ever see again in the list
        repository.setMaxCacheSize(100_000);
        return repository;
    }

    public static String repositoryTopic(String app, int partitionIndex) {
        return "kling-emitted-" + app + "-p" + partitionIndex;
    }

    /**
     * Creates a single-partition topic (broker default replication) unless it exists; {@code compacted}: keep only the
     * last record per key, which is all a repository topic (key = task id) needs.
     */
    public static void ensureTopic(String brokers, String topic, boolean compacted) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty());
                if (compacted) {
                    newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                admin.createTopics(Set.of(newTopic)).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create Kafka topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topic " + topic, e);
        }
    }

    public static void main(String[] args) throws Exception {
        String brokers = System.getProperty("kafka.brokers", "localhost:9092");
        String app = System.getProperty("kling.app", "shop");
        int partitionIndex = Integer.getInteger("kling.partition.index", 0);
        Main main = new Main();
        main.addInitialProperty("kafka.brokers", brokers);
        main.addInitialProperty("kling.app", app);
        main.addInitialProperty("kling.partitions", System.getProperty("kling.partitions", "1"));
        main.addInitialProperty("kling.partition.index", Integer.toString(partitionIndex));
        main.addInitialProperty("kling.finished.topic", System.getProperty("kling.finished.topic", "kling-finished"));
        main.bind(REPOSITORY, emittedTasks(brokers, app, partitionIndex));
        main.configure().addRoutesBuilder(new ConsumerDeployment());
        main.run(args);
    }
}
