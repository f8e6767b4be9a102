package dev.camelkling.client;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.task.KlingTaskStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one call of {@link KlingClient#listTasks} asks {@code POST /tasks} for (kling-api-2026.md §4.2): a time window
 * or a cursor from the previous page (Kling then ignores the window), a page size and filters on status and product
 * type. Immutable; the {@code with...} methods return copies. Times are sent as Unix milliseconds (JSON numbers, §9.1).
 */
public final class TaskQuery {

    static final int MAX_LIMIT = 500;
    static final List<String> PRODUCT_TYPES = List.of("video", "image", "try_on");
    private static final String SUBJECT = "task list";

    private final Instant start;
    private final Instant end;
    private final String cursor;
    private final Integer limit;
    private final List<KlingTaskStatus> statuses;
    private final List<String> productTypes;

    private TaskQuery(Instant start, Instant end, String cursor, Integer limit, List<KlingTaskStatus> statuses,
            List<String> productTypes) {
        this.start = start;
        this.end = end;
        this.cursor = cursor;
        this.limit = limit;
        this.statuses = List.copyOf(statuses);
        this.productTypes = List.copyOf(productTypes);
    }

    /** Kling's defaults: the last 30 days up to now, 100 tasks a page, no filter. */
    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null, List.of(), List.of());
    }

    /** The tasks created from {@code start} to {@code end} (inclusive); {@code null} leaves a bound to Kling's default. */
    public TaskQuery withWindow(Instant start, Instant end) {
        return new TaskQuery(start, end, cursor, limit, statuses, productTypes);
    }

    /** Continues after a page: its {@code next_cursor} (Kling ignores the window then). */
    public TaskQuery withCursor(String cursor) {
        return new TaskQuery(start, end, cursor, limit, statuses, productTypes);
    }

    /** Tasks per page, 1 to 500. */
    public TaskQuery withLimit(int limit) {
        return new TaskQuery(start, end, cursor, limit, statuses, productTypes);
    }

    /** Only tasks in one of these states (sent in the new design's spelling: {@code succeeded}). */
    public TaskQuery withStatuses(KlingTaskStatus... statuses) {
        return new TaskQuery(start, end, cursor, limit, List.of(statuses), productTypes);
    }

    /** Only tasks of these product types: {@code video}, {@code image}, {@code try_on}. */
    public TaskQuery withProductTypes(String... productTypes) {
        return new TaskQuery(start, end, cursor, limit, statuses, List.of(productTypes));
    }

    public String cursor() {
        return cursor;
    }

    /**
     * The JSON body.
     *
     * @throws KlingValidationException naming the field and the rule, before anything is sent
     */
    Map<String, Object> toBody() {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new KlingValidationException(SUBJECT, "limit", "must be between 1 and " + MAX_LIMIT + " (was " + limit + ")");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw new KlingValidationException(SUBJECT, "start_time", "must not be after end_time (was " + start + " > " + end + ")");
        }
        if (cursor != null && cursor.isBlank()) {
            throw new KlingValidationException(SUBJECT, "cursor", "must not be blank");
        }
        productTypes.stream().filter(type -> !PRODUCT_TYPES.contains(type)).findFirst().ifPresent(type -> {
            throw new KlingValidationException(SUBJECT, "filters.product_type", "must be one of " + PRODUCT_TYPES + " (was \"" + type + "\")");
        });
        Map<String, Object> body = new LinkedHashMap<>();
        if (start != null) {
            body.put("start_time", start.toEpochMilli());
        }
        if (end != null) {
            body.put("end_time", end.toEpochMilli());
        }
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        if (limit != null) {
            body.put("limit", limit);
        }
        List<Map<String, Object>> filters = new ArrayList<>();
        if (!statuses.isEmpty()) {
            filters.add(filter("status", statuses.stream().map(KlingTaskStatus::newDesignWireValue).toList()));
        }
        if (!productTypes.isEmpty()) {
            filters.add(filter("product_type", productTypes));
        }
        if (!filters.isEmpty()) {
            body.put("filters", filters);
        }
        return body;
    }

    /** {@code {key, values}} in this order, as the vendor writes it. */
    private static Map<String, Object> filter(String key, List<String> values) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("key", key);
        filter.put("values", values);
        return filter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskQuery other && Objects.equals(start, other.start) && Objects.equals(end, other.end)
                && Objects.equals(cursor, other.cursor) && Objects.equals(limit, other.limit)
                && statuses.equals(other.statuses) && productTypes.equals(other.productTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, cursor, limit, statuses, productTypes);
    }

    @Override
    public String toString() {
        return "TaskQuery[start=" + start + ", end=" + end + ", cursor=" + cursor + ", limit=" + limit + ", statuses=" + statuses
                + ", productTypes=" + productTypes + "]";
    }
}
