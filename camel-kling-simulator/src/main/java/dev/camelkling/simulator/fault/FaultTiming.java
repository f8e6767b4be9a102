package dev.camelkling.simulator.fault;

import java.util.Locale;

/** When a fault strikes relative to the request's handler. */
public enum FaultTiming {
    /** Instead of the handler: nothing is created. */
    BEFORE,
    /** After the handler ran: a create has made its task, yet the answer is the fault. */
    AFTER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FaultTiming parse(String text) {
        for (FaultTiming timing : values()) {
            if (timing.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return timing;
            }
        }
        throw new IllegalArgumentException("unknown fault timing " + text + " (before or after)");
    }
}
