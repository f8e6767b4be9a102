package dev.camelkling.client.task;

import dev.camelkling.client.error.KlingException;

/** A task reached {@code failed}; {@link #task()} holds Kling's {@code task_status_msg}. */
public class KlingTaskFailedException extends KlingException {

    private static final long serialVersionUID = 1L;

    private final transient KlingTask task;

    public KlingTaskFailedException(KlingTask task) {
        super("Kling task " + task.taskId() + " failed: "
                + (task.statusMessage() == null || task.statusMessage().isEmpty() ? "(no task_status_msg)" : task.statusMessage()));
        this.task = task;
    }

    public KlingTask task() {
        return task;
    }
}
