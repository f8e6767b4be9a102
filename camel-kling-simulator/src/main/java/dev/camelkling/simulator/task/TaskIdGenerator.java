package dev.camelkling.simulator.task;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** 18-digit numeric task ids like the live service's, increasing with random gaps so none are guessable by +1. */
final class TaskIdGenerator {
    private static final long LOWEST = 860_000_000_000_000_000L;
    private final AtomicLong last = new AtomicLong(LOWEST + ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));

    String next() {
        return Long.toString(last.addAndGet(1 + ThreadLocalRandom.current().nextLong(997)));
    }
}
