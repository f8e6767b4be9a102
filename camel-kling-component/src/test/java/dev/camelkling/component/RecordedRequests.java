package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimRequest;
import dev.camelkling.simulator.http.SimResponse;

/** Records what the component actually sent to the simulator, so tests can assert on the wire, not on echoes. */
final class RecordedRequests {

    record Recorded(String method, String path, String authorization, String body) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(body);
        }
    }

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final RequestFilter filter = (request, next) -> record(request, next.handle(request));

    static RecordedRequests on(KlingSimulator simulator) {
        RecordedRequests recorded = new RecordedRequests();
        simulator.addRequestFilter(recorded.filter);
        return recorded;
    }

    void detach(KlingSimulator simulator) {
        simulator.removeRequestFilter(filter);
    }

    private SimResponse record(SimRequest request, SimResponse response) {
        requests.add(new Recorded(request.method(), request.path(), request.header("Authorization"),
                request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8)));
        return response;
    }

    List<Recorded> creates(String path) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).toList();
    }

    List<Recorded> all() {
        return requests;
    }
}
