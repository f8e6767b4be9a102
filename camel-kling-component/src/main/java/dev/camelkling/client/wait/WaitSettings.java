package dev.camelkling.client.wait;

import java.time.Duration;
import java.util.Objects;

/**
 * The client-wide bounds of the learned read schedule (see {@link ReadSchedule}).
 *
 * @param detectionTarget      the gap between reads while a task is expected to finish: how late, at most, the
 *                             client learns that it did (capped by each wait's {@link WaitPolicy#maxInterval()})
 * @param maxPollInterval      the longest gap between two reads of a waited task, whatever was learned
 * @param callbackGracePeriod  for a task created with a {@code callback_url}: how long past its expected end (its
 *                             create, when nothing is learned yet) the wait reads nothing and lets a callback complete
 *                             it, before it falls back to polling, while callbacks are seen to arrive
 *                             ({@link CallbackEvidence}); {@link Duration#ZERO} polls such tasks like any other
 */
public record WaitSettings(Duration detectionTarget, Duration maxPollInterval, Duration callbackGracePeriod) {

    public static final Duration DEFAULT_DETECTION_TARGET = Duration.ofMillis(1_500);
    public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(15);

    public WaitSettings {
        Objects.requireNonNull(detectionTarget, "detectionTarget");
        Objects.requireNonNull(maxPollInterval, "maxPollInterval");
        Objects.requireNonNull(callbackGracePeriod, "callbackGracePeriod");
    }

    public static WaitSettings defaults() {
        return new WaitSettings(DEFAULT_DETECTION_TARGET, DEFAULT_MAX_POLL_INTERVAL, Duration.ZERO);
    }
}
