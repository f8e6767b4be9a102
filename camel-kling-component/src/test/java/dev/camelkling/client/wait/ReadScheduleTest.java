package dev.camelkling.client.wait;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** When a waited task is read next: the policy while nothing is known, the learned window after, shared rounds. */
class ReadScheduleTest {

    private static final WaitPolicy POLICY = new WaitPolicy(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(15), Duration.ofMinutes(30));
    private static final WaitSettings SETTINGS = new WaitSettings(Duration.ofMillis(1_500), Duration.ofSeconds(15), Duration.ZERO);
    /** Tasks like it took between 60 and 90 s. */
    private static final TaskDurations.Estimate LEARNED = new TaskDurations.Estimate(60_000, 90_000);

    private static Duration gap(TaskDurations.Estimate estimate, long ageSeconds, Duration backoff, int sharing) {
        return ReadSchedule.gap(POLICY, SETTINGS, estimate, ageSeconds * 1_000, backoff, sharing);
    }

    @Test
    void whileNothingIsLearnedTheWaitPolicyDecides() {
        assertThat(gap(null, 10, Duration.ofSeconds(4), 1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(gap(null, 100, Duration.ofSeconds(15), 1)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void learnedReadsAreSparseBeforeTheShortestDurationDenseUpToTheLongestAndBackOffWhenOverdue() {
        assertThat(gap(LEARNED, 0, Duration.ofSeconds(2), 1)).as("surely running: capped at maxPollInterval").isEqualTo(Duration.ofSeconds(15));
        assertThat(gap(LEARNED, 55, Duration.ofSeconds(2), 1)).as("just before the shortest").isEqualTo(Duration.ofMillis(3_500));
        assertThat(gap(LEARNED, 60, Duration.ofSeconds(2), 1)).as("in the window").isEqualTo(Duration.ofMillis(1_500));
        assertThat(gap(LEARNED, 90, Duration.ofSeconds(2), 1)).as("at the longest").isEqualTo(Duration.ofMillis(1_500));
        assertThat(gap(LEARNED, 100, Duration.ofSeconds(2), 1)).as("overdue by 10 s").isEqualTo(Duration.ofMillis(4_250));
        assertThat(gap(LEARNED, 600, Duration.ofSeconds(2), 1)).as("long overdue").isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void thePolicysMaximumCapsEvenTheDenseWindow() {
        WaitPolicy quick = new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofMinutes(1));
        assertThat(ReadSchedule.gap(quick, SETTINGS, LEARNED, 0, Duration.ofMillis(50), 1)).isEqualTo(Duration.ofMillis(200));
        assertThat(ReadSchedule.gap(quick, SETTINGS, LEARNED, 70_000, Duration.ofMillis(50), 1)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void waitsSharingTheirRoundsWithManyOthersAreReadUpToEveryDetectionTarget() {
        assertThat(gap(null, 100, Duration.ofSeconds(15), ReadSchedule.SHARED_ROUND)).isEqualTo(Duration.ofSeconds(15));
        assertThat(gap(null, 100, Duration.ofSeconds(15), 100)).isEqualTo(Duration.ofMillis(7_500));
        assertThat(gap(null, 100, Duration.ofSeconds(15), 1_000)).isEqualTo(Duration.ofMillis(1_500));
        assertThat(gap(LEARNED, 0, Duration.ofSeconds(2), 1_000)).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void theFirstReadOfANewTaskComesNoSoonerThanTheInitialInterval() {
        assertThat(ReadSchedule.first(POLICY, SETTINGS, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ReadSchedule.first(POLICY, SETTINGS, LEARNED)).isEqualTo(Duration.ofSeconds(15));
    }
}
