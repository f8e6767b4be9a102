package dev.camelkling.client;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.camelkling.client.request.KlingFeature;

/**
 * Which feature made each task this client created, for the most recent {@value #REMEMBERED} creates: the new
 * design's {@code POST /tasks} lists tasks by product type only and its task objects do not name their feature, so a
 * consumer of one feature asks here about tasks its own application created (kling-api-2026.md §4.2). Bounded so a
 * long-running client does not grow without end.
 * <p>
 * Kling makes the task before it answers the create, so a consumer may list a task whose create answer is still on
 * its way: the creates not answered yet are counted too, and such a task's origin is known only once they are.
 */
final class CreatedTaskFeatures {

    static final int REMEMBERED = 20_000;

    private final Map<String, KlingFeature> byTaskId = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KlingFeature> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** Creates are numbered in the order they were sent, from 1. */
    private long sent;
    /** The lowest number whose answer (or failure) has not come yet; {@code sent + 1} when none is out. */
    private long firstUnanswered = 1;
    /** Creates answered while one sent before them was still out (answers come in any order): usually few. */
    private final Set<Long> answeredEarly = new HashSet<>();

    /** A create is being sent: its number, to hand to {@link #answered}. */
    synchronized long sending() {
        return ++sent;
    }

    /** The create numbered {@code create} was answered: with its task, or {@code null} when it failed. */
    synchronized void answered(long create, String taskId, KlingFeature feature) {
        if (create == firstUnanswered) {
            firstUnanswered++;
            while (!answeredEarly.isEmpty() && answeredEarly.remove(firstUnanswered)) {
                firstUnanswered++;
            }
        } else if (create > firstUnanswered) {
            answeredEarly.add(create);
        }
        if (taskId != null) {
            byTaskId.put(taskId, feature);
        }
    }

    /** How many creates have been sent so far: a mark for {@link #answeredUpTo}. */
    synchronized long sentSoFar() {
        return sent;
    }

    /** Whether every create sent up to the mark has been answered. */
    synchronized boolean answeredUpTo(long mark) {
        return firstUnanswered > mark;
    }

    synchronized Optional<KlingFeature> featureOf(String taskId) {
        return Optional.ofNullable(byTaskId.get(taskId));
    }
}
