package dev.camelkling.simulator.newdesign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.http.Authentication;
import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.http.Route;
import dev.camelkling.simulator.http.RouteHandler;
import dev.camelkling.simulator.http.SimResponse;
import dev.camelkling.simulator.product.RequestFields;
import dev.camelkling.simulator.task.SimTask;
import dev.camelkling.simulator.task.TaskEndpoints;
import dev.camelkling.simulator.task.TaskStore;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reading tasks on the 2026 new design (kling-api-2026.md §4): {@code GET /tasks?task_ids=} or
 * {@code ?external_task_ids=} (a batch) and {@code POST /tasks} (a cursor over a time window, with filters). Both see
 * every task of the calling account, whichever design created it, in the {@link NewDesignView}.
 */
public final class TaskQueries {
    public static final String PATH = "/tasks";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final TaskStore store;
    private final Authentication apiKeyOnly;

    public TaskQueries(TaskStore store, Authentication apiKeyOnly) {
        this.store = store;
        this.apiKeyOnly = apiKeyOnly;
    }

    public List<Route> routes() {
        return List.of(Route.api(PATH, apiKeyOnly).on("GET", this::batch).on("POST", this::list));
    }

    /** §4.1: exactly one of {@code task_ids} and {@code external_task_ids}; unknown ids are left out of the answer. */
    private SimResponse batch(RouteHandler.Call call) {
        List<String> taskIds = ids(call.request().query().get("task_ids"));
        List<String> externalIds = ids(call.request().query().get("external_task_ids"));
        if (taskIds.isEmpty() == externalIds.isEmpty()) {
            throw ApiException.invalidParameter("send exactly one of task_ids and external_task_ids, a comma-separated"
                    + " list of at least one id");
        }
        List<SimTask> tasks = taskIds.isEmpty()
                ? store.byExternalIds(call.accountId(), externalIds)
                : store.byIds(call.accountId(), taskIds);
        return Envelope.success(render(tasks));
    }

    private static List<String> ids(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    /** §4.2: a page of the window after the cursor, oldest first. */
    private SimResponse list(RouteHandler.Call call) {
        byte[] raw = call.request().body();
        RequestFields body = new RequestFields(raw.length == 0
                ? JsonNodeFactory.instance.objectNode() : TaskEndpoints.parseBody(raw));
        TaskCursor position = position(body);
        Long asked = body.integer("limit", 1, MAX_LIMIT);
        int limit = asked == null ? DEFAULT_LIMIT : asked.intValue();
        Predicate<SimTask> filter = TaskFilters.read(body);
        List<SimTask> after = store.createdBetween(call.accountId(), position.from(), position.to(), filter).stream()
                .filter(position::isBefore)
                .toList();
        List<SimTask> page = after.subList(0, Math.min(limit, after.size()));
        TaskCursor next = page.isEmpty() ? position : position.after(page.get(page.size() - 1));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("result", render(page));
        data.put("count", page.size());
        data.put("next_cursor", next.encode());
        data.put("has_more", after.size() > page.size());
        return Envelope.success(data);
    }

    /** The cursor's position when one is sent (the window is then ignored), else the start of the window asked for. */
    private TaskCursor position(RequestFields body) {
        String cursor = body.string("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            return TaskCursor.decode(cursor);
        }
        long now = store.now();
        Long end = time(body, "end_time");
        long to = end == null ? now : end;
        Long start = time(body, "start_time");
        long from = start == null ? to - DEFAULT_WINDOW.toMillis() : start;
        if (from > to) {
            throw ApiException.invalidParameter("start_time must not be after end_time (" + from + " > " + to + ")");
        }
        return TaskCursor.start(from, to);
    }

    /** Unix ms as a JSON number or a string of digits (§9.1: the pages disagree, so both are accepted). */
    private static Long time(RequestFields body, String name) {
        JsonNode node = body.node(name);
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return node.longValue();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText());
        }
        throw ApiException.invalidParameter(name + " must be a Unix time in milliseconds (a number, or a string of digits)");
    }

    private static ArrayNode render(List<SimTask> tasks) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        tasks.forEach(task -> list.add(NewDesignView.INSTANCE.render(task)));
        return list;
    }
}
