package dev.camelkling.component;

import java.util.Locale;

import dev.camelkling.client.task.KlingTaskStatus;

/** A final status of a Kling task, the ones a kling consumer can emit (option {@code statuses}). */
public enum KlingFinalStatus {
    /** The task made its media. */
    succeed(KlingTaskStatus.SUCCEED),
    /** Kling gave up on the task. */
    failed(KlingTaskStatus.FAILED);

    private final KlingTaskStatus taskStatus;

    KlingFinalStatus(KlingTaskStatus taskStatus) {
        this.taskStatus = taskStatus;
    }

    KlingTaskStatus taskStatus() {
        return taskStatus;
    }

    /** The URI value, ignoring case and surrounding blanks; any other value is refused naming the rule. */
    static KlingFinalStatus fromUri(String value) {
        String status = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (KlingFinalStatus candidate : values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("only the final statuses succeed and failed can be emitted (was "
                                           + (value == null ? null : value.strip()) + ")");
    }
}
