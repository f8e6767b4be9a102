package dev.camelkling.simulator.task;

/** Task states with their wire spelling (note {@code succeed}). */
public enum TaskStatus {
    SUBMITTED("submitted"), PROCESSING("processing"), SUCCEED("succeed"), FAILED("failed");

    private final String wire;

    TaskStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean isFinal() {
        return this == SUCCEED || this == FAILED;
    }
}
