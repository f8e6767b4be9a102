package dev.camelkling.client;

import dev.camelkling.client.request.KlingFeature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A mark of the creates sent is settled only once every one of them up to it is answered, in whatever order. */
class CreatedTaskFeaturesTest {

    private final CreatedTaskFeatures features = new CreatedTaskFeatures();

    @Test
    void aMarkIsSettledOnceEveryCreateSentUpToItIsAnsweredOrFailed() {
        long first = features.sending();
        long second = features.sending();
        long mark = features.sentSoFar();
        long later = features.sending();

        features.answered(second, "task-2", KlingFeature.OMNI_VIDEO);
        assertThat(features.answeredUpTo(mark)).as("the first create still awaits its answer").isFalse();
        assertThat(features.featureOf("task-2")).contains(KlingFeature.OMNI_VIDEO);

        features.answered(first, null, KlingFeature.TEXT2VIDEO); // failed: no task to remember
        assertThat(features.answeredUpTo(mark)).as("a create sent after the mark does not hold it").isTrue();
        assertThat(features.answeredUpTo(later)).isFalse();
        assertThat(features.featureOf("task-1")).isEmpty();

        features.answered(later, "task-3", KlingFeature.TEXT2VIDEO);
        assertThat(features.answeredUpTo(features.sentSoFar())).isTrue();
        assertThat(features.featureOf("task-3")).contains(KlingFeature.TEXT2VIDEO);
    }
}
