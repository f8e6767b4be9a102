package dev.camelkling.client;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest page 1 of each legacy feature's list that this client's waits read in their rounds, so that a polling
 * consumer of the same feature can take it instead of reading its own page 1 ({@link KlingClient#firstPage}). One
 * page per feature (at most 500 tasks each), so the memory is bounded by the number of features.
 * <p>
 * A page is dated by when its read was sent, not when it was answered: its age then never understates how stale its
 * statuses are. A newer read replaces an older one, never the other way round, whatever order their answers come in.
 * Ages are taken on the client's clock; a page dated in the future (the clock was set back) is not used.
 */
final class RecentFirstPages {

    private record Page(int pageSize, List<KlingTask> tasks, long sentMillis) {
    }

    private final Map<KlingFeature, Page> byFeature = new ConcurrentHashMap<>();
    private final Clock clock;

    RecentFirstPages(Clock clock) {
        this.clock = clock;
    }

    /** The moment a read is sent, to hand to {@link #read} with its answer. */
    long sending() {
        return clock.millis();
    }

    /** A wait round's page 1, whose request was sent at {@code sentMillis} ({@link #sending}). */
    void read(KlingFeature feature, int pageSize, List<KlingTask> tasks, long sentMillis) {
        Page page = new Page(pageSize, List.copyOf(tasks), sentMillis);
        byFeature.merge(feature, page, (known, fresh) -> fresh.sentMillis >= known.sentMillis ? fresh : known);
    }

    /**
     * Page 1 of {@code pageSize} tasks as the newest page kept shows it, when that page was read no longer than
     * {@code maxAge} ago with pages at least as large: cut to {@code pageSize}, it is the page a read now would have
     * answered then (newest first; a short page is the last one either way).
     */
    Optional<List<KlingTask>> recent(KlingFeature feature, int pageSize, Duration maxAge) {
        Page page = byFeature.get(feature);
        if (page == null) {
            return Optional.empty();
        }
        long age = clock.millis() - page.sentMillis;
        if (age < 0 || age > maxAge.toMillis()) {
            byFeature.remove(feature, page); // the waits have stopped reading pages: nothing to keep until they do again
            return Optional.empty();
        }
        if (page.pageSize < pageSize) {
            return Optional.empty();
        }
        return Optional.of(page.tasks.subList(0, Math.min(pageSize, page.tasks.size())));
    }
}
