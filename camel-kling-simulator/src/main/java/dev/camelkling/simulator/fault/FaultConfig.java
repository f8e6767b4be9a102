package dev.camelkling.simulator.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * A complete fault-injection setup: the RNG seed, the rate rules and the script. Immutable; the
 * admin JSON ({@link FaultJson}) has the same shape.
 *
 * @param seed   the RNG seed for rate rules; {@code null} = pick one at random (reported by
 *               {@link FaultInjector#config()} so a run can be repeated)
 * @param rules  rate rules; for each request the first rule whose match fits decides (one draw)
 * @param script scripted faults; they take precedence over rules
 */
public record FaultConfig(Long seed, List<FaultRule> rules, List<ScriptedFault> script) {
    /** No faults. */
    public static final FaultConfig NONE = new FaultConfig(null, List.of(), List.of());

    public FaultConfig {
        rules = rules == null ? List.of() : List.copyOf(rules);
        script = script == null ? List.of() : List.copyOf(script);
    }

    public boolean isEmpty() {
        return rules.isEmpty() && script.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FaultConfig}. */
    public static final class Builder {
        private Long seed;
        private final List<FaultRule> rules = new ArrayList<>();
        private final List<ScriptedFault> script = new ArrayList<>();

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** A rate rule; with no faults given, {@link Fault#all()}. */
        public Builder rate(double rate, FaultMatch match, Fault... faults) {
            rules.add(new FaultRule(match, rate, faults.length == 0 ? Fault.all() : List.of(faults)));
            return this;
        }

        public Builder rule(FaultRule rule) {
            rules.add(rule);
            return this;
        }

        /** The {@code nth} matching request gets {@code fault}. */
        public Builder script(FaultMatch match, int nth, Fault fault) {
            script.add(new ScriptedFault(match, nth, fault));
            return this;
        }

        public Builder script(ScriptedFault entry) {
            script.add(entry);
            return this;
        }

        public FaultConfig build() {
            return new FaultConfig(seed, rules, script);
        }
    }
}
