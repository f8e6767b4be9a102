package dev.camelkling.simulator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Tasks per {@code external_task_id}, summed up for exactly-once proofs: after a run where every
 * create carried a distinct external id, {@code maxPerId == 1} and {@code duplicates} is empty means no
 * duplicate task, and {@code distinctIds} equal to the number of ids sent means none was lost.
 *
 * @param tasks       tasks that carry an external id (all accounts and products)
 * @param distinctIds how many different external ids they carry
 * @param maxPerId    the largest number of tasks sharing one external id (0 when there are none)
 * @param duplicates  the external ids carried by more than one task, with their counts (sorted)
 */
public record ExternalIdSummary(int tasks, int distinctIds, int maxPerId, Map<String, Integer> duplicates) {

    public ExternalIdSummary {
        duplicates = Map.copyOf(duplicates);
    }

    /** Sums up a map of external id to task count. */
    public static ExternalIdSummary of(Map<String, Integer> counts) {
        int tasks = 0;
        int max = 0;
        Map<String, Integer> duplicates = new TreeMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            tasks += e.getValue();
            max = Math.max(max, e.getValue());
            if (e.getValue() > 1) {
                duplicates.put(e.getKey(), e.getValue());
            }
        }
        return new ExternalIdSummary(tasks, counts.size(), max, duplicates);
    }

    /** Whether no external id is carried by more than one task. */
    public boolean noDuplicates() {
        return duplicates.isEmpty();
    }
}
