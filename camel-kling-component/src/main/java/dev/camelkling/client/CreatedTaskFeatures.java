package dev.camelkling.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.camelkling.client.request.KlingFeature;

/**
 * Which feature made each task this client created, for the most recent {@value #REMEMBERED} creates: the new
 * design's {@code POST /tasks} lists tasks by product type only and its task objects do not name their feature, so a
 * consumer of one feature asks here about tasks its own application created (kling-api-2026.md §4.2), when it first
 * lists them, normally within a poll of their creation. Bounded so a long-running client does not grow without end.
 */
final class CreatedTaskFeatures {

    static final int REMEMBERED = 20_000;

    private final Map<String, KlingFeature> byTaskId = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KlingFeature> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized void created(String taskId, KlingFeature feature) {
        byTaskId.put(taskId, feature);
    }

    synchronized Optional<KlingFeature> featureOf(String taskId) {
        return Optional.ofNullable(byTaskId.get(taskId));
    }
}
