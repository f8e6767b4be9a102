package dev.camelkling.simulator.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.http.ErrorCode;
import dev.camelkling.simulator.http.Route;
import dev.camelkling.simulator.http.RouteHandler;
import dev.camelkling.simulator.http.SimResponse;
import dev.camelkling.simulator.product.ModelCatalog;
import dev.camelkling.simulator.product.ProductDescriptor;
import dev.camelkling.simulator.product.RequestFields;
import dev.camelkling.simulator.product.TaskOrder;
import dev.camelkling.simulator.product.ValidationContext;

import java.io.IOException;
import java.util.List;

/**
 * The three task endpoints every generation product has, written once: create ({@code POST path}),
 * get-one ({@code GET path/{id}}) and list or external-id lookup ({@code GET path}).
 */
public final class TaskEndpoints {
    static final int MAX_PAGE_NUM = 1000;
    static final int MAX_PAGE_SIZE = 500;
    static final int DEFAULT_PAGE_SIZE = 30;

    private final ProductDescriptor product;
    private final TaskStore store;
    private final TaskLifecycle lifecycle;
    private final ValidationContext validationContext;

    public TaskEndpoints(ProductDescriptor product, TaskStore store, TaskLifecycle lifecycle, ValidationContext validationContext) {
        this.product = product;
        this.store = store;
        this.lifecycle = lifecycle;
        this.validationContext = validationContext;
    }

    public List<Route> routes() {
        return List.of(
                Route.api(product.path()).on("POST", this::create).on("GET", this::listOrLookup),
                Route.api(product.path() + "/{id}").on("GET", this::get));
    }

    private SimResponse create(RouteHandler.Call call) {
        ObjectNode body = parseBody(call.request().body());
        RequestFields fields = new RequestFields(body);
        ValidationContext context = validationContext.forAccount(call.accountId());
        ModelCatalog.refuseDiscontinued(fields, context);
        TaskOrder order = product.validator().validate(fields, context);
        SimTask task = store.create(call.accountId(), product, order, TaskView.LEGACY);
        // Serialise before the lifecycle starts, so the answer always says "submitted".
        ObjectNode created = task.toCreatedJson();
        lifecycle.submitted(task);
        return Envelope.success(created);
    }

    private SimResponse get(RouteHandler.Call call) {
        return store.find(call.accountId(), product, call.variable("id"))
                .map(task -> Envelope.success(task.toJson()))
                .orElseThrow(TaskEndpoints::notFound);
    }

    private SimResponse listOrLookup(RouteHandler.Call call) {
        String externalTaskId = call.request().query().get("external_task_id");
        if (externalTaskId != null && !externalTaskId.isEmpty()) {
            return store.findByExternalId(call.accountId(), product, externalTaskId)
                    .map(task -> Envelope.success(task.toJson()))
                    .orElseThrow(TaskEndpoints::notFound);
        }
        int pageNum = pageParameter(call, "pageNum", 1, MAX_PAGE_NUM);
        int pageSize = pageParameter(call, "pageSize", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        for (SimTask task : store.page(call.accountId(), product, pageNum, pageSize)) {
            page.add(task.toJson());
        }
        return Envelope.success(page);
    }

    private static int pageParameter(RouteHandler.Call call, String name, int defaultValue, int max) {
        String raw = call.request().query().get(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidParameter(name + " must be an integer between 1 and " + max + " (got \"" + raw + "\")");
    }

    /** A create body: a JSON object, else 400/1200. */
    public static ObjectNode parseBody(byte[] bytes) {
        JsonNode node;
        try {
            node = bytes.length == 0 ? null : Envelope.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "task does not exist");
    }
}
