package dev.camelkling.simulator.newdesign;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.task.SimTask;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a {@code POST /tasks} listing (kling-api-2026.md §4.2): the time window it was opened with and the
 * last task handed out (creation time, then creation order, the order of the listing). Opaque to clients.
 *
 * @param from         window start, Unix ms, inclusive
 * @param to           window end, Unix ms, inclusive
 * @param lastCreated  creation time of the last task handed out ({@code from - 1} before the first page)
 * @param lastSequence its creation order ({@code Long.MAX_VALUE} before the first page)
 */
record TaskCursor(long from, long to, long lastCreated, long lastSequence) {
    private static final String VERSION = "c1";

    static TaskCursor start(long from, long to) {
        return new TaskCursor(from, to, from - 1, Long.MAX_VALUE);
    }

    /** Whether the task comes after this position. */
    boolean isBefore(SimTask task) {
        return task.createdAt() > lastCreated || task.createdAt() == lastCreated && task.sequence() > lastSequence;
    }

    TaskCursor after(SimTask task) {
        return new TaskCursor(from, to, task.createdAt(), task.sequence());
    }

    String encode() {
        String text = String.join(":", VERSION, Long.toString(from), Long.toString(to), Long.toString(lastCreated),
                Long.toString(lastSequence));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor this simulator issued, else 400/1201 naming {@code cursor}. */
    static TaskCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length == 5 && VERSION.equals(parts[0])) {
                return new TaskCursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                        Long.parseLong(parts[4]));
            }
        } catch (IllegalArgumentException e) {
            // reported below (NumberFormatException is one)
        }
        throw ApiException.invalidParameter("cursor is not a cursor this service issued: send the next_cursor of the"
                + " previous answer, or no cursor to start a window");
    }
}
