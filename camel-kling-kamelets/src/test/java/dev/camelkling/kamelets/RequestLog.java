package dev.camelkling.kamelets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.RequestHandler;
import dev.camelkling.simulator.http.SimRequest;
import dev.camelkling.simulator.http.SimResponse;

/** The create requests the simulator received, to assert on what went over the wire. */
final class RequestLog implements AutoCloseable {

    private final KlingSimulator simulator;
    private final List<SimRequest> requests = new CopyOnWriteArrayList<>();
    private final RequestFilter filter = this::record;

    private RequestLog(KlingSimulator simulator) {
        this.simulator = simulator;
    }

    static RequestLog on(KlingSimulator simulator) {
        RequestLog log = new RequestLog(simulator);
        simulator.addRequestFilter(log.filter);
        return log;
    }

    private SimResponse record(SimRequest request, RequestHandler next) {
        requests.add(request);
        return next.handle(request);
    }

    /** The JSON bodies of the POSTs to this path, in order. */
    List<JsonNode> creates(String path) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> bodies = new ArrayList<>();
        for (SimRequest request : requests) {
            if (request.method().equals("POST") && request.path().equals(path)) {
                bodies.add(json.readTree(new String(request.body(), StandardCharsets.UTF_8)));
            }
        }
        return bodies;
    }

    /** How many GETs of this path or below it (a task list, a task) the simulator has answered. */
    int gets(String path) {
        return (int) requests.stream().filter(r -> r.method().equals("GET"))
                .filter(r -> r.path().equals(path) || r.path().startsWith(path + "/")).count();
    }

    @Override
    public void close() {
        simulator.removeRequestFilter(filter);
    }
}
