package dev.camelkling.client;

/**
 * A client's load at one moment, for consoles and metrics.
 *
 * @param slotLimit     the configured maxConcurrentTasks, 0 without a client-side limit
 * @param slotsInUse    slots held by creates sent and tasks of ours not yet seen final
 * @param createsQueued creates waiting for a free slot
 * @param waitsInFlight tasks being waited for (awaitCompletion, createAndAwait) by re-polling
 */
public record KlingClientStats(int slotLimit, int slotsInUse, int createsQueued, int waitsInFlight) {
}
