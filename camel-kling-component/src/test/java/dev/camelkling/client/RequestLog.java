package dev.camelkling.client;

import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.RequestHandler;
import dev.camelkling.simulator.http.SimRequest;
import dev.camelkling.simulator.http.SimResponse;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every request the simulator received while attached, as {@code METHOD path?{sorted query}} (e.g.
 * {@code GET /v1/videos/text2video?{pageNum=1, pageSize=50}}), in arrival order: for counting requests, not timing them.
 */
public final class RequestLog implements AutoCloseable {

    private final KlingSimulator simulator;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final RequestFilter filter = this::record;

    private RequestLog(KlingSimulator simulator) {
        this.simulator = simulator;
    }

    public static RequestLog on(KlingSimulator simulator) {
        RequestLog log = new RequestLog(simulator);
        simulator.addRequestFilter(log.filter);
        return log;
    }

    private SimResponse record(SimRequest request, RequestHandler next) {
        lines.add(request.method() + " " + request.path() + (request.query().isEmpty() ? "" : "?" + new TreeMap<>(request.query())));
        return next.handle(request);
    }

    /** How many requests so far: a mark for {@link #since}. */
    public int size() {
        return lines.size();
    }

    /** The requests from the mark on. */
    public List<String> since(int mark) {
        return lines.subList(mark, lines.size());
    }

    /** How many requests from the mark on start with {@code prefix}. */
    public long since(int mark, String prefix) {
        return since(mark).stream().filter(line -> line.startsWith(prefix)).count();
    }

    @Override
    public void close() {
        simulator.removeRequestFilter(filter);
    }
}
