package dev.camelkling.client.wait;

import java.time.Duration;

/**
 * When a waited task is read next. While nothing is learned about tasks like it, the wait's {@link WaitPolicy}
 * decides (from {@code initialInterval}, growing by {@code multiplier}). Once {@link TaskDurations} knows how long
 * such tasks take, reads are sparse while the task is surely still running (one just before the shortest duration
 * seen), every {@code detectionTarget} between the shortest and the longest duration seen, and back off again, by
 * half the time the task is overdue, when it runs longer than any before it. No gap exceeds the smaller of the
 * policy's {@code maxInterval} and the client's {@code maxPollInterval}.
 *
 * <p>Waits read together share the cost of a round (one list page answers for up to 500 of them, one new-design
 * batch for 20), so the rounds use {@link #roundGap}: a wait that shares a request with others is read
 * proportionally more often, down to {@code detectionTarget}, the set costing no more requests than its waits would
 * alone; their ends are seen within about {@code detectionTarget} before anything is learned from about ten waits on.
 * {@link #gap(WaitPolicy, WaitSettings, TaskDurations.Estimate, long, Duration, int)} is the earlier, page-only rule
 * (more than {@value #SHARED_ROUND} waits), kept for what it documents and tests.
 */
final class ReadSchedule {

    /** From this many waits sharing the rounds on, gaps shrink in proportion. */
    static final int SHARED_ROUND = 50;

    private ReadSchedule() {
    }

    /**
     * @param estimate  {@code null} while nothing is learned
     * @param ageMillis how long ago the task was created, {@code -1} when not known
     * @param backoff   the policy's gap at this point of the wait
     * @param sharing   how many waits share the rounds of this one (itself included)
     */
    static Duration gap(WaitPolicy policy, WaitSettings settings, TaskDurations.Estimate estimate, long ageMillis,
            Duration backoff, int sharing) {
        Duration alone = gap(policy, settings, estimate, ageMillis, backoff);
        if (sharing <= SHARED_ROUND) {
            return alone;
        }
        long dense = dense(policy, settings);
        return alone.toMillis() <= dense ? alone : Duration.ofMillis(Math.max(dense, alone.toMillis() * SHARED_ROUND / sharing));
    }

    /**
     * The gap of a wait read in shared rounds, as its rounds use it. A round reads every wait of the set for about
     * {@code requestsPerRound} requests (one list page, one batch, or the pages of finished tasks: whatever the number
     * of waits), so that reading the set every {@code detectionTarget} costs no more, in all, than the waits would
     * cost read alone by their policy: the gap of a wait alone, divided by the number of waits sharing a request,
     * down to {@code detectionTarget}. With ten waits whose policy has reached 15 s the rounds come every 1.5 s, at
     * the request rate the ten lone waits would have. Two exceptions keep reads cheap: a lone wait (or waits read
     * with a GET each) keeps its policy's backoff, and a task that is surely still running (younger than the shortest
     * duration learned for tasks like it) keeps its sparse gap.
     *
     * @param sharing          how many waits share the rounds (itself included)
     * @param requestsPerRound what a round that reads all of them costs
     */
    static Duration roundGap(WaitPolicy policy, WaitSettings settings, TaskDurations.Estimate estimate, long ageMillis,
            Duration backoff, int sharing, int requestsPerRound) {
        Duration alone = gap(policy, settings, estimate, ageMillis, backoff);
        long dense = dense(policy, settings);
        boolean surelyRunning = estimate != null && ageMillis >= 0 && estimate.shortestMillis() - dense - ageMillis > 0;
        if (requestsPerRound >= sharing || alone.toMillis() <= dense || surelyRunning) {
            return alone;
        }
        return Duration.ofMillis(Math.max(dense, alone.toMillis() * Math.max(1, requestsPerRound) / sharing));
    }

    private static long cap(WaitPolicy policy, WaitSettings settings) {
        return Math.min(policy.maxInterval().toMillis(), settings.maxPollInterval().toMillis());
    }

    private static long dense(WaitPolicy policy, WaitSettings settings) {
        return Math.min(settings.detectionTarget().toMillis(), cap(policy, settings));
    }

    private static Duration gap(WaitPolicy policy, WaitSettings settings, TaskDurations.Estimate estimate, long ageMillis,
            Duration backoff) {
        long cap = cap(policy, settings);
        long dense = dense(policy, settings);
        if (estimate == null || ageMillis < 0) {
            return Duration.ofMillis(Math.min(backoff.toMillis(), Math.max(cap, policy.initialInterval().toMillis())));
        }
        long untilExpected = estimate.shortestMillis() - dense - ageMillis;
        if (untilExpected > 0) {
            return Duration.ofMillis(clamp(untilExpected, dense, cap));
        }
        long overdue = ageMillis - estimate.longestMillis() - dense;
        return overdue <= 0 ? Duration.ofMillis(dense) : Duration.ofMillis(clamp(overdue / 2, dense, cap));
    }

    /** The first read of a task this client just created: not before the policy's {@code initialInterval}. */
    static Duration first(WaitPolicy policy, WaitSettings settings, TaskDurations.Estimate estimate) {
        Duration learned = gap(policy, settings, estimate, 0, policy.initialInterval());
        return learned.compareTo(policy.initialInterval()) > 0 ? learned : policy.initialInterval();
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
