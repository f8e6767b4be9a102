package dev.camelkling.examples.flows;

/**
 * Runs {@link KafkaFlow} with nothing installed: an in-process KRaft broker (Kafka's test kit, which is why this
 * launcher lives on the test class path) and, without Kling credentials, the embedded simulator. Watch the results
 * with the flow's log; stop with Ctrl+C.
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl camel-kling-examples exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.camelkling.examples.flows.KafkaFlowWithEmbeddedBroker
 * </pre>
 */
public final class KafkaFlowWithEmbeddedBroker {

    private KafkaFlowWithEmbeddedBroker() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            System.setProperty("kafka.brokers", kafka.bootstrapServers());
            System.out.println("Embedded Kafka broker at " + kafka.bootstrapServers());
            KafkaFlow.main(args);
        }
    }
}
