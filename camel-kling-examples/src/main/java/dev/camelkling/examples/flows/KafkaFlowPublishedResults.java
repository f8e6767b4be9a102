package dev.camelkling.examples.flows;

import dev.camelkling.examples.ConsumerDeployment;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;

/**
 * Remembers, in a compacted Kafka topic, which results the flow has published: the task ids the Kling consumer has
 * emitted and the refused jobs, so that neither is published again after a restart.
 * <p>
 * It creates its topic when missing (a {@link KafkaIdempotentRepository} does not start on a missing topic in Camel
 * 4.18) and reads it once at start, writing every add through ({@code startupOnly}): the flow is its only writer, and
 * the background sync thread of 4.18 races with {@code stop()} (see docs/consumers.md).
 */
public class KafkaFlowPublishedResults extends KafkaIdempotentRepository {

    public KafkaFlowPublishedResults(String topic, String bootstrapServers) {
        super(topic, bootstrapServers);
        setStartupOnly(true);
        // the cache is the repository: it must hold every id the Kling consumer's list window can show again
        setMaxCacheSize(100_000);
    }

    @Override
    protected void doStart() throws Exception {
        ConsumerDeployment.ensureTopic(getBootstrapServers(), getTopic(), true);
        super.doStart();
    }
}
