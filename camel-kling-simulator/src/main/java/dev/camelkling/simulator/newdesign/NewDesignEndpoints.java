package dev.camelkling.simulator.newdesign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.http.Authentication;
import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.http.Route;
import dev.camelkling.simulator.http.RouteHandler;
import dev.camelkling.simulator.http.SimResponse;
import dev.camelkling.simulator.product.NewDesignCatalog;
import dev.camelkling.simulator.product.RequestFields;
import dev.camelkling.simulator.product.TaskOrder;
import dev.camelkling.simulator.product.ValidationContext;
import dev.camelkling.simulator.task.SimTask;
import dev.camelkling.simulator.task.TaskEndpoints;
import dev.camelkling.simulator.task.TaskLifecycle;
import dev.camelkling.simulator.task.TaskStore;

import java.util.List;

/**
 * The create paths of the 2026 new design, {@code POST /<path>/{model}} (kling-api-2026.md §2, §3): checked by
 * {@link NewDesignCatalog#validate}, stored and run by the same task store and lifecycle as the legacy design, answered
 * and called back in the {@link NewDesignView}.
 */
public final class NewDesignEndpoints {
    private final TaskStore store;
    private final TaskLifecycle lifecycle;
    private final ValidationContext validationContext;
    private final Authentication apiKeyOnly;

    public NewDesignEndpoints(TaskStore store, TaskLifecycle lifecycle, ValidationContext validationContext,
                              Authentication apiKeyOnly) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.validationContext = validationContext;
        this.apiKeyOnly = apiKeyOnly;
    }

    public List<Route> routes() {
        return NewDesignCatalog.paths().stream()
                .map(path -> Route.api("/" + path + "/{model}", apiKeyOnly).on("POST", call -> create(path, call)))
                .toList();
    }

    private SimResponse create(String path, RouteHandler.Call call) {
        RequestFields body = new RequestFields(TaskEndpoints.parseBody(call.request().body()));
        ValidationContext context = validationContext.forAccount(call.accountId());
        TaskOrder order = NewDesignCatalog.validate(path, call.variable("model"), body, context);
        SimTask task = store.create(call.accountId(), NewDesignCatalog.product(path), order, NewDesignView.INSTANCE);
        // Serialise before the lifecycle starts, so the answer always says "submitted".
        ObjectNode created = NewDesignView.INSTANCE.created(task);
        lifecycle.submitted(task);
        return Envelope.success(created);
    }
}
