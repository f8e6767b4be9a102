package dev.camelkling.simulator.fault;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.ExternalIdSummary;
import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.http.Route;
import dev.camelkling.simulator.http.RouteHandler;
import dev.camelkling.simulator.http.SimResponse;

import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The test-only admin API at {@value #PATH} (no Kling authentication; only registered when the
 * simulator is built with {@code admin(true)} / {@code --admin}). Plain JSON, no Kling envelope:
 * <ul>
 *   <li>{@code GET}: the setup ({@link FaultJson}), {@code counters} and {@code tasks} (created count
 *       and the external-id summary; {@code ?externalIds=true} adds every id with its task count);</li>
 *   <li>{@code POST}: replaces the setup with the body, answers like GET; a bad body is 400
 *       {@code {"error": "..."}};</li>
 *   <li>{@code DELETE}: removes every rule and script entry and zeroes the counters, answers like GET.</li>
 * </ul>
 */
public final class FaultAdminRoutes {
    public static final String PATH = "/__admin/faults";

    private final FaultInjector faults;
    private final IntSupplier createdTasks;
    private final Supplier<Map<String, Integer>> externalIdCounts;

    public FaultAdminRoutes(FaultInjector faults, IntSupplier createdTasks, Supplier<Map<String, Integer>> externalIdCounts) {
        this.faults = faults;
        this.createdTasks = createdTasks;
        this.externalIdCounts = externalIdCounts;
    }

    public List<Route> routes() {
        return List.of(Route.open(PATH)
                .on("GET", this::get)
                .on("POST", this::post)
                .on("DELETE", this::delete));
    }

    private SimResponse get(RouteHandler.Call call) {
        return SimResponse.json(200, Envelope.bytes(document("true".equalsIgnoreCase(call.request().query().get("externalIds")))));
    }

    private SimResponse post(RouteHandler.Call call) {
        FaultConfig config;
        try {
            config = FaultJson.parse(call.request().body());
        } catch (IllegalArgumentException e) {
            ObjectNode error = JsonNodeFactory.instance.objectNode().put("error", e.getMessage());
            return SimResponse.json(400, Envelope.bytes(error));
        }
        faults.configure(config);
        return SimResponse.json(200, Envelope.bytes(document(false)));
    }

    private SimResponse delete(RouteHandler.Call call) {
        faults.clear();
        return SimResponse.json(200, Envelope.bytes(document(false)));
    }

    private ObjectNode document(boolean withExternalIds) {
        ObjectNode root;
        synchronized (faults) {
            root = FaultJson.render(faults.config(), faults.scriptProgress());
            root.set("counters", FaultJson.render(faults.stats()));
        }
        Map<String, Integer> counts = externalIdCounts.get();
        ExternalIdSummary summary = ExternalIdSummary.of(counts);
        ObjectNode tasks = root.putObject("tasks");
        tasks.put("created", createdTasks.getAsInt());
        tasks.put("withExternalId", summary.tasks());
        tasks.put("distinctExternalIds", summary.distinctIds());
        tasks.put("maxPerExternalId", summary.maxPerId());
        tasks.set("duplicates", FaultJson.counts(summary.duplicates()));
        if (withExternalIds) {
            tasks.set("externalIds", FaultJson.counts(counts));
        }
        return root;
    }
}
