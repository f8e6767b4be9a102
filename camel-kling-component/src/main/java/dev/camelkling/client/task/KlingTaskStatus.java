package dev.camelkling.client.task;

import java.util.Arrays;
import java.util.Locale;

/**
 * Lifecycle of a Kling task: {@code submitted → processing → succeed | failed}. The new design spells success
 * {@code succeeded} (kling-api-2026.md §1); for a caller the two are one state, {@link #SUCCEED}, whose
 * {@link #wireValue()} stays the legacy {@code succeed} on both designs (so a route that tests for {@code succeed} works
 * for both), and {@link #newDesignWireValue()} is the new design's spelling, used in its filters.
 */
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

    /** The new design's spelling: {@code succeeded} for {@link #SUCCEED}, the same as {@link #wireValue()} otherwise. */
    public String newDesignWireValue() {
        return this == SUCCEED ? NEW_DESIGN_SUCCESS : wireValue;
    }

    private static final String NEW_DESIGN_SUCCESS = "succeeded";

    public boolean isFinal() {
        return this == SUCCEED || this == FAILED;
    }

    /**
     * Reads either design's spelling ({@code succeeded} is {@link #SUCCEED}).
     *
     * @throws IllegalArgumentException for a value Kling does not document
     */
    public static KlingTaskStatus fromWire(String value) {
        if (value != null) {
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            if (normalized.equals(NEW_DESIGN_SUCCESS)) {
                return SUCCEED;
            }
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
