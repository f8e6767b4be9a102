package dev.camelkling.simulator.fault;

import java.util.List;
import java.util.Objects;

/**
 * Rate mode: each matching request gets a fault with probability {@code rate}; the fault is then
 * picked uniformly from {@code faults}. Draws come from the injector's seeded RNG, so a sequential
 * run repeats exactly for a given seed.
 *
 * @param match  which requests
 * @param rate   probability in [0, 1]
 * @param faults the faults to choose from (at least one)
 */
public record FaultRule(FaultMatch match, double rate, List<Fault> faults) {

    public FaultRule {
        Objects.requireNonNull(match, "match");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fault rate must be in [0, 1], got " + rate);
        }
        faults = List.copyOf(faults);
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("a fault rule needs at least one fault");
        }
    }

    public static FaultRule of(FaultMatch match, double rate, Fault... faults) {
        return new FaultRule(match, rate, List.of(faults));
    }
}
