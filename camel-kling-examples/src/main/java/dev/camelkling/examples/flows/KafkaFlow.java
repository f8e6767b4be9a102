package dev.camelkling.examples.flows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.component.KlingConstants;
import dev.camelkling.examples.ConsumerDeployment;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka flow: keyed prompts on a jobs topic become Kling text2video tasks, and every finished task becomes one JSON
 * result on a results topic, keyed like its job (docs/flows/kafka.md). The same routes in the YAML DSL are
 * {@value #YAML}.
 * <p>
 * The external task id comes from the record key ({@link KafkaFlowKeys}), and a job's offset is committed only once
 * its task exists: a record delivered again after a crash finds its task instead of paying twice. Results come from
 * the Kling consumer, which emits each finished task once and remembers it in a Kafka topic
 * ({@link KafkaFlowPublishedResults}), so a restart does not publish it again.
 * <p>
 * Standalone: {@code java -cp "camel-kling-examples/target/kling-demo.jar:camel-kling-examples/target/lib/*"
 * [-Dflow.dsl=yaml] [-Dkafka.brokers=host:9092] dev.camelkling.examples.flows.KafkaFlow}, settings in
 * {@link #DEFAULTS}.
 */
public class KafkaFlow extends RouteBuilder {

    public static final String YAML = "flows/kafka-flow.yaml";
    /** Registry names the routes refer to (the YAML routes declare the same beans). */
    static final String KEYS = "kafkaFlowKeys";
    static final String PUBLISHED = "kafkaFlowPublished";

    /** Every setting of the flow, with its default for a standalone run. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("kafka.brokers", "localhost:9092");
        defaults.put("kafka.flow.jobsTopic", "kling-jobs");
        defaults.put("kafka.flow.resultsTopic", "kling-results");
        defaults.put("kafka.flow.keysTopic", "kling-job-keys");             // jobs whose key the task id cannot carry
        defaults.put("kafka.flow.publishedTopic", "kling-results-published"); // results already published
        defaults.put("kafka.flow.group", "kling-kafka-flow");
        defaults.put("kafka.flow.idPrefix", "kafka-flow-");                  // of every external task id of the flow
        defaults.put("kafka.flow.maxConcurrentTasks", "5");                  // your Kling resource pack's concurrency
        defaults.put("kafka.flow.pollTimeoutMs", "5000");                    // also what a stop waits for the consumers
        defaults.put("kafka.flow.sessionTimeoutMs", "45000");                // after a crash, jobs wait this long
        defaults.put("kafka.flow.resultsPollDelay", "5000");                 // ms between two reads of the task list
        defaults.put("kafka.flow.demoJobs", "3");                            // prompts a standalone run sends
        return Map.copyOf(defaults);
    }

    @Override
    public void configure() {
        bindToRegistry(KEYS, new KafkaFlowKeys(setting("kafka.flow.idPrefix")));
        bindToRegistry(PUBLISHED,
                new KafkaFlowPublishedResults(setting("kafka.flow.publishedTopic"), setting("kafka.brokers")));

        // example:kafka
        from("kafka:{{kafka.flow.jobsTopic}}?brokers={{kafka.brokers}}&groupId={{kafka.flow.group}}"
             + "&autoOffsetReset=earliest&pollTimeoutMs={{kafka.flow.pollTimeoutMs}}"
             + "&sessionTimeoutMs={{kafka.flow.sessionTimeoutMs}}"
             + "&maxPollRecords=10"                           // each may wait for a Kling slot: poll again in time
             + "&autoCommitEnable=false&allowManualCommit=true" // commit a job only once its task exists
             + "&breakOnFirstError=true")                     // a job that failed is read again, never skipped
                .routeId("kafka-flow-jobs")
                .doTry()
                    .setHeader(KlingConstants.EXTERNAL_TASK_ID, method(KEYS, "externalTaskId"))
                    .filter(method(KEYS, "isHashed"))          // the id cannot carry this key: file it first
                        .to("kafka:{{kafka.flow.keysTopic}}?brokers={{kafka.brokers}}")
                    .end()
                    .to("kling:text2video?maxConcurrentTasks={{kafka.flow.maxConcurrentTasks}}")
                .endDoTry()
                .doCatch(KlingValidationException.class, KlingApiException.class) // refused: nothing was created
                    .onWhen(simple("${exception} is 'dev.camelkling.client.error.KlingValidationException'"
                                   + " || ${exception.httpStatus()} == 400"))      // else: read the job again
                    .log(LoggingLevel.WARN, "Job ${header.kafka.KEY} refused: ${exception.message}")
                    .idempotentConsumer(method(KEYS, "refusalId")).idempotentRepository(PUBLISHED).eager(false)
                        .setBody(method(KafkaFlowResult.class, "refused"))
                        .marshal().json(JsonLibrary.Jackson)
                        .to("kafka:{{kafka.flow.resultsTopic}}?brokers={{kafka.brokers}}")
                    .end()
                .endDoTry()
                .end()
                .script(simple("${header.CamelKafkaManualCommit.commit()}"));

        from("kling:text2video?delay={{kafka.flow.resultsPollDelay}}"
             + "&externalTaskIdPrefix={{kafka.flow.idPrefix}}"  // only this flow's tasks
             + "&idempotentRepository=#kafkaFlowPublished")   // each task once, also across restarts
                .routeId("kafka-flow-results")
                .setHeader(KafkaConstants.KEY, method(KEYS, "recordKey"))
                .log("Job ${header.kafka.KEY}: task ${header.CamelKlingTaskId} ${header.CamelKlingTaskStatus}")
                .setBody(method(KafkaFlowResult.class, "ofTask"))
                .marshal().json(JsonLibrary.Jackson)
                .to("kafka:{{kafka.flow.resultsTopic}}?brokers={{kafka.brokers}}");

        from("kafka:{{kafka.flow.keysTopic}}?brokers={{kafka.brokers}}&groupId={{kafka.flow.group}}-keys"
             + "&seekTo=BEGINNING"                             // the whole directory at every start
             + "&pollTimeoutMs={{kafka.flow.pollTimeoutMs}}&sessionTimeoutMs={{kafka.flow.sessionTimeoutMs}}")
                .routeId("kafka-flow-keys")
                .bean(KEYS, "remember");
        // end:kafka
    }

    private String setting(String name) {
        return getContext().resolvePropertyPlaceholders("{{" + name + "}}");
    }

    /**
     * Creates the flow's topics when missing: one partition each (create the jobs topic yourself for more), the key
     * directory compacted. The published-results topic is created by {@link KafkaFlowPublishedResults}.
     */
    public static void ensureTopics(Map<String, String> settings) {
        String brokers = settings.get("kafka.brokers");
        ConsumerDeployment.ensureTopic(brokers, settings.get("kafka.flow.jobsTopic"), false);
        ConsumerDeployment.ensureTopic(brokers, settings.get("kafka.flow.resultsTopic"), false);
        ConsumerDeployment.ensureTopic(brokers, settings.get("kafka.flow.keysTopic"), true);
    }

    /** The defaults, each overridden by a system property of the same name. */
    public static Map<String, String> settings(Properties systemProperties) {
        Map<String, String> settings = new LinkedHashMap<>();
        DEFAULTS.forEach((name, value) -> settings.put(name, systemProperties.getProperty(name, value)));
        return settings;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = settings(System.getProperties());
        ensureTopics(settings);
        try (KlingBackend backend = KlingBackend.fromEnvironment(System.getenv(), SimulatorTiming.REALISTIC)) {
            FlowApp app = new FlowApp(FlowApp.Dsl.fromSystemProperty(), new KafkaFlow(), YAML, backend);
            settings.forEach(app::property);
            System.out.println("Kafka flow: jobs from " + settings.get("kafka.flow.jobsTopic") + ", results to "
                               + settings.get("kafka.flow.resultsTopic") + " on " + settings.get("kafka.brokers")
                               + ", tasks on " + backend.describe());
            putDemoJobs(settings);
            app.run();
        }
    }

    /**
     * A few keyed prompts, so that a standalone run shows results; their keys are fixed, so running the demo again
     * creates (and bills) nothing new.
     */
    private static void putDemoJobs(Map<String, String> settings) throws Exception {
        int count = Integer.parseInt(settings.get("kafka.flow.demoJobs"));
        String[] prompts = {
            "A red fox trotting through fresh snow at dawn, cinematic",
            "A paper boat drifting down a rain-soaked street, close-up",
            "A city skyline at night, neon reflections on wet asphalt"
        };
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.get("kafka.brokers")),
                new StringSerializer(), new StringSerializer())) {
            for (int n = 1; n <= count; n++) {
                producer.send(new ProducerRecord<>(settings.get("kafka.flow.jobsTopic"), "demo-" + n,
                        prompts[(n - 1) % prompts.length])).get();
            }
        }
    }
}
