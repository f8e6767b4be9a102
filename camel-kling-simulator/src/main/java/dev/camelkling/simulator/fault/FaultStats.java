package dev.camelkling.simulator.fault;

import java.util.Map;

/**
 * Counters of the fault injector since start, the last {@link FaultInjector#clear()} or
 * {@link FaultInjector#resetCounters()}.
 *
 * @param requests every request the injector saw (all paths except the admin path)
 * @param injected faults injected in total
 * @param byFault  injected faults per {@link Fault#label()}, e.g. {@code 5000/after}
 * @param byKind   injected faults per {@link FaultKind#wireName()}, e.g. {@code 5000}
 */
public record FaultStats(long requests, long injected, Map<String, Long> byFault, Map<String, Long> byKind) {

    public FaultStats {
        byFault = Map.copyOf(byFault);
        byKind = Map.copyOf(byKind);
    }

    /** Injected faults of one kind (both timings). */
    public long injected(FaultKind kind) {
        return byKind.getOrDefault(kind.wireName(), 0L);
    }

    /** Injected faults of one kind and timing. */
    public long injected(FaultKind kind, FaultTiming timing) {
        return byFault.getOrDefault(kind.wireName() + "/" + timing.wireName(), 0L);
    }
}
