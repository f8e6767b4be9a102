package dev.camelkling.client.task;

import java.util.Arrays;
import java.util.Locale;

/** Lifecycle of a Kling task: {@code submitted → processing → succeed | failed}. */
public enum KlingTaskStatus {
    SUBMITTED("submitted"),
    PROCESSING("processing"),
    SUCCEED("succeed"),
    FAILED("failed");

    private final String wireValue;

    KlingTaskStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The spelling on the wire; note Kling's {@code succeed}, not "succeeded". */
    public String wireValue() {
        return wireValue;
    }

    public boolean isFinal() {
        return this == SUCCEED || this == FAILED;
    }

    /** @throws IllegalArgumentException for a value Kling does not document */
    public static KlingTaskStatus fromWire(String value) {
        if (value != null) {
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            for (KlingTaskStatus status : values()) {
                if (status.wireValue.equals(normalized)) {
                    return status;
                }
            }
        }
        throw new IllegalArgumentException("Unknown Kling task_status '" + value + "'; expected one of "
                + Arrays.stream(values()).map(KlingTaskStatus::wireValue).toList());
    }
}
