package dev.camelkling.client.wait;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a round reads list pages rather than a GET per due wait. */
class FeatureRoundsTest {

    @Test
    void oneOrTwoWaitsAreReadWithGets() {
        assertThat(FeatureRounds.listPays(1, 1)).isFalse();
        assertThat(FeatureRounds.listPays(2, 2)).isFalse();
    }

    @Test
    void fromThreeWaitsOnAPageIsReadWhenItCostsNoMoreThanTheGetsItReplaces() {
        assertThat(FeatureRounds.listPays(1, 3)).isTrue();
        assertThat(FeatureRounds.listPays(1, 250)).as("one page shows them all").isTrue();
        assertThat(FeatureRounds.listPays(1, 1_000)).as("two pages to read one task").isFalse();
        assertThat(FeatureRounds.listPays(2, 1_000)).isTrue();
    }
}
