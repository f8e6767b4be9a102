package dev.camelkling.client.task;

import dev.camelkling.client.error.KlingException;

import java.time.Duration;

/** A task did not reach a final state within the wait timeout; the task itself may still finish later. */
public class KlingWaitTimeoutException extends KlingException {

    private static final long serialVersionUID = 1L;

    private final transient KlingTask lastSeen;

    public KlingWaitTimeoutException(KlingTask lastSeen, Duration timeout) {
        super("Kling task " + lastSeen.taskId() + " not finished after " + timeout + " (last status "
                + lastSeen.status().wireValue() + ")");
        this.lastSeen = lastSeen;
    }

    public KlingTask lastSeen() {
        return lastSeen;
    }
}
