package dev.camelkling.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimRequest;
import dev.camelkling.simulator.http.RequestHandler;
import dev.camelkling.simulator.http.SimResponse;

/** Counts, in the simulator, the status reads of a feature's tasks: GETs of one task (with their times) and list pages. */
final class TaskReadCounter implements RequestFilter, AutoCloseable {

    private final KlingSimulator simulator;
    private final String listPath;
    private final Map<String, List<Long>> getTimes = new ConcurrentHashMap<>();
    private final AtomicInteger lists = new AtomicInteger();

    private TaskReadCounter(KlingSimulator simulator, String listPath) {
        this.simulator = simulator;
        this.listPath = listPath;
    }

    /** @param listPath the feature's path, e.g. {@code /v1/videos/text2video}; a task's GET is that path + its id */
    static TaskReadCounter on(KlingSimulator simulator, String listPath) {
        TaskReadCounter counter = new TaskReadCounter(simulator, listPath);
        simulator.addRequestFilter(counter);
        return counter;
    }

    @Override
    public SimResponse filter(SimRequest request, RequestHandler next) {
        if (request.method().equals("GET") && request.path().startsWith(listPath + "/")) {
            getTimes.computeIfAbsent(request.path().substring(listPath.length() + 1), id -> new CopyOnWriteArrayList<>())
                    .add(System.currentTimeMillis());
        } else if (request.method().equals("GET") && request.path().equals(listPath)) {
            lists.incrementAndGet();
        }
        return next.handle(request);
    }

    int gets(String taskId) {
        return getTimes.getOrDefault(taskId, List.of()).size();
    }

    /** When the task was first read (epoch ms), -1 if never. */
    long firstGet(String taskId) {
        List<Long> times = getTimes.getOrDefault(taskId, List.of());
        return times.isEmpty() ? -1 : times.get(0);
    }

    int listPages() {
        return lists.get();
    }

    @Override
    public void close() {
        simulator.removeRequestFilter(this);
    }
}
