package dev.camelkling.examples.flows;

import java.util.List;

import dev.camelkling.client.error.KlingValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record key to external task id mapping of the Kafka flow, and back. */
class KafkaFlowKeysTest {

    private final KafkaFlowKeys keys = new KafkaFlowKeys("shop-");

    @Test
    void aShortSafeKeyIsKeptVerbatimAndReadBackFromTheId() {
        String id = keys.externalTaskId("order-42_v1.2");

        assertThat(id).isEqualTo("shop-order-42_v1.2");
        assertThat(keys.isHashed(id)).isFalse();
        assertThat(keys.recordKey(id)).isEqualTo("order-42_v1.2");
        assertThat(keys.externalTaskId("0123456789012345678")).as("all digits, but the prefix has letters")
                .isEqualTo("shop-0123456789012345678");
    }

    @Test
    void anyOtherKeyIsHashedToAValidIdAndReadBackThroughTheDirectory() {
        List<String> awkward = List.of("Bestellung 7 für Köln", "a/b?c=d", "h.looks-hashed", "x".repeat(252),
                "\uD83D\uDE80 rocket");
        for (String key : awkward) {
            String id = keys.externalTaskId(key);
            assertThat(id).as("id of %s", key).startsWith("shop-h.").hasSizeLessThanOrEqualTo(256)
                    .matches("[A-Za-z0-9._-]+").isEqualTo(keys.externalTaskId(key));
            assertThat(keys.isHashed(id)).isTrue();
            assertThatThrownBy(() -> keys.recordKey(id)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not in the key directory");

            keys.remember(key);
            assertThat(keys.recordKey(id)).isEqualTo(key);
        }
        assertThat(keys.externalTaskId("x".repeat(251))).as("just fits").isEqualTo("shop-" + "x".repeat(251));
        assertThat(keys.externalTaskId("a b")).isNotEqualTo(keys.externalTaskId("a  b"));
    }

    @Test
    void aRecordWithoutKeyIsRefusedWithTheFieldAndTheRule() {
        for (String missing : new String[] {null, ""}) {
            assertThatThrownBy(() -> keys.externalTaskId(missing)).isInstanceOf(KlingValidationException.class)
                    .hasMessageStartingWith("Kafka job invalid: key is required")
                    .satisfies(e -> assertThat(((KlingValidationException) e).field()).isEqualTo("key"));
        }
        keys.remember(null); // a directory record without key teaches nothing and breaks nothing
    }

    @Test
    void refusalsAreIdentifiedByKeyOrElseByTheRecordsPlace() {
        assertThat(keys.refusalId("order-8", "jobs", 1, 17L)).isEqualTo(keys.refusalId("order-8", "jobs", 2, 99L));
        assertThat(keys.refusalId(null, "jobs", 1, 17L)).isEqualTo("refused-record:jobs/1/17")
                .isNotEqualTo(keys.refusalId(null, "jobs", 1, 18L));
    }

    @Test
    void theResultsRouteOnlyAcceptsIdsOfThisFlow() {
        assertThatThrownBy(() -> keys.recordKey("other-order-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop-");
    }

    @Test
    void thePrefixMustMakeValidIdsThatCannotLookLikeTaskIds() {
        for (String bad : new String[] {"", "12345-", "my shop-", "x".repeat(65), null}) {
            assertThatThrownBy(() -> new KafkaFlowKeys(bad)).as("prefix %s", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.flow.idPrefix");
        }
    }
}
