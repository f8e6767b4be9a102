package dev.camelkling.component;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.camelkling.client.task.KlingTask;

/**
 * Which finished tasks a kling consumer emits, the same for the polling and the callback consumer: a wanted final
 * status ({@code statuses}) and this application's tasks ({@code externalTaskIdPrefix}).
 */
final class EmissionFilter {

    private final Set<String> statuses;
    private final String externalTaskIdPrefix;

    EmissionFilter(KlingEndpoint endpoint) {
        this.statuses = parseStatuses(endpoint.getStatuses());
        this.externalTaskIdPrefix = endpoint.getExternalTaskIdPrefix();
    }

    static Set<String> parseStatuses(String statuses) {
        Set<String> wanted = new HashSet<>();
        for (String s : statuses.split(",")) {
            String status = s.strip().toLowerCase(Locale.ROOT);
            if (!status.equals("succeed") && !status.equals("failed")) {
                throw new IllegalArgumentException("statuses: only the final statuses succeed and failed can be emitted"
                                                   + " (was " + s.strip() + ")");
            }
            wanted.add(status);
        }
        return Set.copyOf(wanted);
    }

    /** A final task with one of the wanted statuses. */
    boolean hasWantedStatus(KlingTask task) {
        return task.isFinal() && statuses.contains(task.status().wireValue());
    }

    /** A task of this application: its external id starts with the prefix, when one is set. */
    boolean isOurs(KlingTask task) {
        return externalTaskIdPrefix == null
               || task.externalTaskId() != null && task.externalTaskId().startsWith(externalTaskIdPrefix);
    }
}
