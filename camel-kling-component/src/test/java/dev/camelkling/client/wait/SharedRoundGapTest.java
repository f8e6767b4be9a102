package dev.camelkling.client.wait;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How often a wait read in shared rounds is read: the set of waits costs no more requests than its waits would alone,
 * and reads come every {@code detectionTarget} once enough waits share a request, even with nothing learned.
 */
class SharedRoundGapTest {

    private static final WaitPolicy POLICY = WaitPolicy.defaults();
    private static final WaitSettings SETTINGS = new WaitSettings(Duration.ofMillis(1_500), Duration.ofSeconds(15), Duration.ZERO);
    private static final TaskDurations.Estimate LEARNED = new TaskDurations.Estimate(60_000, 90_000);

    private static Duration gap(TaskDurations.Estimate estimate, long ageSeconds, Duration backoff, int sharing, int requestsPerRound) {
        return ReadSchedule.roundGap(POLICY, SETTINGS, estimate, ageSeconds * 1_000, backoff, sharing, requestsPerRound);
    }

    @Test
    void aLoneWaitOrWaitsReadWithAGetEachKeepTheirPolicysBackoff() {
        assertThat(gap(null, 60, Duration.ofSeconds(15), 1, 1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(gap(null, 60, Duration.ofSeconds(15), 2, 2)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void withNothingLearnedTenWaitsSharingOneRequestAreReadEveryDetectionTarget() {
        assertThat(gap(null, 60, Duration.ofSeconds(15), 10, 1)).isEqualTo(Duration.ofMillis(1_500));
        assertThat(gap(null, 10, Duration.ofSeconds(4), 10, 1)).as("never below the detection target").isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void fewerWaitsPerRequestGetProportionallyLongerGapsSoTheSetCostsNoMoreThanTheWaitsAlone() {
        assertThat(gap(null, 60, Duration.ofSeconds(15), 3, 1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(gap(null, 60, Duration.ofSeconds(15), 1_000, 50)).isEqualTo(Duration.ofMillis(1_500));
        assertThat(gap(null, 60, Duration.ofSeconds(15), 100, 50)).isEqualTo(Duration.ofMillis(7_500));
    }

    @Test
    void aTaskSurelyStillRunningKeepsItsSparseGapHoweverManyShare() {
        assertThat(gap(LEARNED, 0, Duration.ofSeconds(2), 1_000, 2)).isEqualTo(Duration.ofSeconds(15));
        assertThat(gap(LEARNED, 70, Duration.ofSeconds(2), 1_000, 2)).as("in the window").isEqualTo(Duration.ofMillis(1_500));
        assertThat(gap(LEARNED, 200, Duration.ofSeconds(15), 10, 1)).as("long overdue, shared").isEqualTo(Duration.ofMillis(1_500));
    }
}
