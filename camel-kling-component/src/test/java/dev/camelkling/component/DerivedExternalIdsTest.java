package dev.camelkling.component;

import dev.camelkling.client.request.KlingFeature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A derived external id names its feature, read back from the id alone; no other id does. */
class DerivedExternalIdsTest {

    @Test
    void everyFeatureIsReadBackFromItsDerivedIdWhateverTheExchangeId() {
        for (KlingFeature feature : KlingFeature.values()) {
            for (String exchangeId : new String[] {"ID-host-1733-0000000000000007", "A1B2C3D4E5F6", "x-text2video-1"}) {
                assertThat(DerivedExternalIds.feature(DerivedExternalIds.of(exchangeId, feature, 12))).as(exchangeId).contains(feature);
            }
        }
    }

    @Test
    void otherIdsNameNoFeature() {
        for (String id : new String[] {"order-42", "camel-text2video-1", "camel-abc-text2video-", "camel-abc-text2video-x",
                "camel-abc-unknownFeature-1", "partner-abc-text2video-1", "camel--text2video-1"}) {
            assertThat(DerivedExternalIds.feature(id)).as(id).isEmpty();
        }
        assertThat(DerivedExternalIds.feature(null)).isEmpty();
    }
}
