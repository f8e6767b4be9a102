package dev.camelkling.component;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;

/**
 * Which finished tasks a kling consumer emits, the same for the polling and the callback consumer: a wanted final
 * status ({@code statuses}) and this application's tasks ({@code externalTaskIdPrefix}).
 */
final class EmissionFilter {

    private final Set<KlingTaskStatus> statuses = EnumSet.noneOf(KlingTaskStatus.class);
    private final String externalTaskIdPrefix;

    EmissionFilter(Collection<KlingFinalStatus> statuses, String externalTaskIdPrefix) {
        if (statuses == null || statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses: name the final statuses to emit, succeed, failed or both");
        }
        statuses.forEach(status -> this.statuses.add(status.taskStatus()));
        this.externalTaskIdPrefix = externalTaskIdPrefix;
    }

    /** The wanted final statuses. */
    Set<KlingTaskStatus> statuses() {
        return EnumSet.copyOf(statuses);
    }

    /** A final task with one of the wanted statuses. */
    boolean hasWantedStatus(KlingTask task) {
        return task.isFinal() && statuses.contains(task.status());
    }

    /** A task of this application: its external id starts with the prefix, when one is set. */
    boolean isOurs(KlingTask task) {
        return externalTaskIdPrefix == null
               || task.externalTaskId() != null && task.externalTaskId().startsWith(externalTaskIdPrefix);
    }
}
