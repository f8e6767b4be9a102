package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimResponse;

/**
 * Records the body of every create of one feature the simulator receives, and refuses it (1201), so that no task
 * exists and nothing calls a (non-local) callback URL back. Closing removes it.
 */
final class RefusedCreates implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KlingSimulator simulator;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final RequestFilter filter;

    private RefusedCreates(KlingSimulator simulator, String path) {
        this.simulator = simulator;
        this.filter = (request, next) -> {
            if (request.method().equals("POST") && request.path().equals(path)) {
                bodies.add(new String(request.body(), StandardCharsets.UTF_8));
                return SimResponse.json(400, "{\"code\":1201,\"message\":\"recorded\",\"request_id\":\"r\"}"
                        .getBytes(StandardCharsets.UTF_8));
            }
            return next.handle(request);
        };
        simulator.addRequestFilter(filter);
    }

    /** @param path the create path, e.g. {@code /v1/videos/text2video} */
    static RefusedCreates on(KlingSimulator simulator, String path) {
        return new RefusedCreates(simulator, path);
    }

    int count() {
        return bodies.size();
    }

    /** The callback_url the {@code index}th create sent; {@code null} if it sent none. */
    String callbackUrl(int index) throws Exception {
        var url = JSON.readTree(bodies.get(index)).get("callback_url");
        return url == null ? null : url.asText();
    }

    @Override
    public void close() {
        simulator.removeRequestFilter(filter);
    }
}
