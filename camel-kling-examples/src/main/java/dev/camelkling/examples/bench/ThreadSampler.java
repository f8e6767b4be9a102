package dev.camelkling.examples.bench;

import java.lang.management.ManagementFactory;

/** Samples this JVM's live threads (the harness's own excluded: simulator, sampler, template) and used heap every 50 ms. */
final class ThreadSampler {

    private volatile boolean running = true;
    private volatile int peak;
    private volatile long peakHeap;
    private final Thread sampler;

    private ThreadSampler() {
        sampler = new Thread(this::run, "bench-thread-sampler");
        sampler.setDaemon(true);
    }

    static ThreadSampler start() {
        ThreadSampler s = new ThreadSampler();
        s.peak = s.current();
        s.sampler.start();
        return s;
    }

    int current() {
        int count = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (t.isAlive() && !isHarness(name)) {
                count++;
            }
        }
        return count;
    }

    private volatile java.util.Map<String, Integer> peakNames = java.util.Map.of();

    /** Thread names at the peak, digits folded, with counts: what the extra threads are. */
    java.util.Map<String, Integer> peakNames() {
        return peakNames;
    }

    /** The simulator's threads, the sampler, the raw client and the ProducerTemplate's async pool belong to the harness. */
    private static boolean isHarness(String name) {
        // a JDK HttpClient's own worker threads are never the component's (its clients run on their executor): they
        // are the simulator's callback sender
        return name.startsWith("kling-sim") || name.startsWith("HTTP-Dispatcher") || name.startsWith("bench-")
               || name.matches("HttpClient-\\d+-Worker-\\d+")
               || name.endsWith("ProducerTemplate");
    }

    private java.util.Map<String, Integer> names() {
        java.util.Map<String, Integer> names = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (t.isAlive() && !isHarness(name)) {
                names.merge(name.replaceAll("[0-9]+", "#"), 1, Integer::sum);
            }
        }
        return names;
    }

    private void run() {
        while (running) {
            int now = current();
            if (now > peak) {
                peakNames = names();
            }
            peak = Math.max(peak, now);
            peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        sampler.join();
    }

    int peak() {
        return peak;
    }

    long peakHeapMb() {
        return peakHeap / 1_048_576;
    }
}
