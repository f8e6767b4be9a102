package dev.camelkling.client;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.task.KlingTask;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Splits the ids of a batch read into the calls of {@code GET /tasks} and puts the answers back in the order asked. */
final class TaskBatches {

    private TaskBatches() {
    }

    /**
     * The ids without repeats, in the order given.
     *
     * @throws KlingValidationException for no ids or a blank one (a comma would split it on the server)
     */
    static List<String> distinctIds(String subject, String parameter, Collection<String> ids) {
        Objects.requireNonNull(ids, parameter);
        if (ids.isEmpty()) {
            throw new KlingValidationException(subject, parameter, "must not be empty");
        }
        for (String id : ids) {
            if (id == null || id.isBlank() || id.contains(",")) {
                throw new KlingValidationException(subject, parameter, "must hold ids that are not blank and contain no comma (was \""
                        + id + "\")");
            }
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** An id as it goes into a path segment or a query value. */
    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<List<String>> chunks(List<String> ids, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            chunks.add(ids.subList(from, Math.min(from + size, ids.size())));
        }
        return chunks;
    }

    /** The tasks in the order of {@code ids}, each once; tasks of ids not asked for are dropped. */
    static List<KlingTask> inOrderAsked(List<String> ids, List<KlingTask> answered, Function<KlingTask, String> key) {
        Map<String, KlingTask> byId = new LinkedHashMap<>();
        answered.forEach(task -> byId.putIfAbsent(key.apply(task), task));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
