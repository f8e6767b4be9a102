package dev.camelkling.simulator.fault;

import java.util.Objects;

/**
 * Script mode: the {@code nth} request matching {@code match} (counted from when the entry was
 * installed, starting at 1) gets {@code fault}, once. Example: the 3rd create on text2video gets
 * {@code 5000/after}: {@code new ScriptedFault(FaultMatch.prefix("POST", "/v1/videos/text2video"), 3, Fault.after(INTERNAL_ERROR_5000))}.
 */
public record ScriptedFault(FaultMatch match, int nth, Fault fault) {

    public ScriptedFault {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(fault, "fault");
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be >= 1, got " + nth);
        }
    }
}
