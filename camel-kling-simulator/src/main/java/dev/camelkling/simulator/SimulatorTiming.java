package dev.camelkling.simulator;

import dev.camelkling.simulator.task.TaskTiming;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast simulated tasks move: {@code toProcessing} after creation a task becomes
 * {@code processing}, and {@code toFinal} after creation it becomes {@code succeed} or
 * {@code failed}.
 */
public record SimulatorTiming(Duration toProcessing, Duration toFinal) implements TaskTiming {
    /** For tests: processing after ~50 ms, final after ~250 ms. */
    public static final SimulatorTiming FAST = new SimulatorTiming(Duration.ofMillis(50), Duration.ofMillis(250));
    /** For demos: processing after ~2 s, final after ~6 s. */
    public static final SimulatorTiming REALISTIC = new SimulatorTiming(Duration.ofSeconds(2), Duration.ofSeconds(6));

    public SimulatorTiming {
        Objects.requireNonNull(toProcessing, "toProcessing");
        Objects.requireNonNull(toFinal, "toFinal");
        if (toProcessing.isNegative() || toFinal.compareTo(toProcessing) < 0) {
            throw new IllegalArgumentException("need 0 <= toProcessing <= toFinal, got " + toProcessing + " and " + toFinal);
        }
    }

    public static SimulatorTiming of(Duration toProcessing, Duration toFinal) {
        return new SimulatorTiming(toProcessing, toFinal);
    }

    /** Parses the standalone {@code --timing} value: {@code fast} or {@code realistic}. */
    public static SimulatorTiming named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "fast" -> FAST;
            case "realistic" -> REALISTIC;
            default -> throw new IllegalArgumentException("timing must be fast or realistic, got " + name);
        };
    }
}
