package dev.camelkling.simulator.task;

import java.time.Duration;

/**
 * How fast tasks move: {@code toProcessing} after creation a task becomes {@code processing}, {@code toFinal} after
 * creation it becomes final. Defined here, where the lifecycle uses it; the public {@code SimulatorTiming} implements it.
 */
public interface TaskTiming {
    Duration toProcessing();

    Duration toFinal();
}
