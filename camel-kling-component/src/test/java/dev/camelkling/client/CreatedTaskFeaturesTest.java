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

    @Test
    void answersInReverseOrderSettleEveryMarkOnlyWhenTheLastOneBeforeItComes() {
        long[] creates = new long[50];
        for (int i = 0; i < creates.length; i++) {
            creates[i] = features.sending();
        }
        long middle = creates[24];
        for (int i = creates.length - 1; i >= 1; i--) {
            features.answered(creates[i], "task-" + i, KlingFeature.TEXT2VIDEO);
            assertThat(features.answeredUpTo(middle)).as("create 1 is still out").isFalse();
        }
        features.answered(creates[25], null, KlingFeature.TEXT2VIDEO); // answered twice (its failure seen late): no effect
        assertThat(features.answeredUpTo(creates[0])).isFalse();

        features.answered(creates[0], "task-0", KlingFeature.TEXT2VIDEO);
        assertThat(features.answeredUpTo(features.sentSoFar())).isTrue();

        long next = features.sending();
        assertThat(features.answeredUpTo(next)).as("a create sent after all were answered").isFalse();
        features.answered(next, "task-50", KlingFeature.TEXT2VIDEO);
        assertThat(features.answeredUpTo(next)).isTrue();
    }
}
