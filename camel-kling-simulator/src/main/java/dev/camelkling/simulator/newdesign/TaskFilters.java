package dev.camelkling.simulator.newdesign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.product.RequestFields;
import dev.camelkling.simulator.task.SimTask;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code filters} of {@code POST /tasks} (kling-api-2026.md §4.2): {@code [{"key":"status","values":[...]},
 * {"key":"product_type","values":[...]}]}; a task passes when it matches every filter (one of its values each).
 */
final class TaskFilters {
    static final List<String> STATUSES = List.of("submitted", "processing", NewDesignView.SUCCEEDED, "failed");
    static final List<String> PRODUCT_TYPES = List.of("video", "image", "try_on");

    private TaskFilters() {
    }

    static Predicate<SimTask> read(RequestFields body) {
        JsonNode filters = body.array("filters");
        Predicate<SimTask> all = task -> true;
        if (filters == null) {
            return all;
        }
        for (int i = 0; i < filters.size(); i++) {
            String path = "filters[" + i + "]";
            JsonNode filter = filters.get(i);
            if (filter == null || !filter.isObject()) {
                throw ApiException.invalidParameter(path + " must be an object {key, values}");
            }
            String key = RequestFields.string(path + ".key", filter.get("key"));
            if ("status".equals(key)) {
                all = all.and(matching(path, filter, STATUSES, task -> NewDesignView.status(task.status())));
            } else if ("product_type".equals(key)) {
                all = all.and(matching(path, filter, PRODUCT_TYPES, task -> NewDesignView.packageType(task.product().packType())));
            } else {
                throw ApiException.invalidParameter(path + ".key must be status or product_type (got "
                        + (key == null ? "none" : "\"" + key + "\"") + ")");
            }
        }
        return all;
    }

    private static Predicate<SimTask> matching(String path, JsonNode filter, List<String> allowed,
                                               Function<SimTask, String> value) {
        JsonNode values = filter.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw ApiException.invalidParameter(path + ".values must be a non-empty array of " + String.join(", ", allowed));
        }
        Set<String> wanted = new HashSet<>();
        for (int j = 0; j < values.size(); j++) {
            String v = RequestFields.string(path + ".values[" + j + "]", values.get(j));
            if (v == null || !allowed.contains(v)) {
                throw ApiException.invalidParameter(path + ".values[" + j + "] must be one of " + String.join(", ", allowed));
            }
            wanted.add(v);
        }
        return task -> wanted.contains(value.apply(task));
    }
}
