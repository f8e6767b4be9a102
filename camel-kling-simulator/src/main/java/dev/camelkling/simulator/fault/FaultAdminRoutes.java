package dev.camelkling.simulator.fault;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.http.Route;
import dev.camelkling.simulator.http.RouteHandler;
import dev.camelkling.simulator.http.SimResponse;

import java.util.List;

/**
 * The test-only admin API at {@value #PATH} (no Kling authentication; only registered when the
 * simulator is built with {@code admin(true)} / {@code --admin}). Plain JSON, no Kling envelope:
 * <ul>
 *   <li>{@code GET}: the setup ({@link FaultJson}), {@code counters} and {@code tasks} (a {@link TasksReport}
 *       from the simulator: created count and the external-id summary; {@code ?externalIds=true} adds every id
 *       with its task count);</li>
 *   <li>{@code POST}: replaces the setup with the body, answers like GET; a bad body is 400
 *       {@code {"error": "..."}};</li>
 *   <li>{@code DELETE}: removes every rule and script entry and zeroes the counters, answers like GET.</li>
 * </ul>
 */
public final class FaultAdminRoutes {
    public static final String PATH = "/__admin/faults";

    private final FaultInjector faults;
    private final TasksReport tasksReport;

    /** The {@code tasks} section of the admin document, rendered by whoever owns the tasks. */
    @FunctionalInterface
    public interface TasksReport {
        ObjectNode render(boolean withExternalIds);
    }

    public FaultAdminRoutes(FaultInjector faults, TasksReport tasksReport) {
        this.faults = faults;
        this.tasksReport = tasksReport;
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
        root.set("tasks", tasksReport.render(withExternalIds));
        return root;
    }
}
