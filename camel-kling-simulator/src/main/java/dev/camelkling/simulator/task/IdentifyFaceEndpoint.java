package dev.camelkling.simulator.task;

import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.http.Route;
import dev.camelkling.simulator.http.RouteHandler;
import dev.camelkling.simulator.http.SimResponse;
import dev.camelkling.simulator.product.IdentifyFace;
import dev.camelkling.simulator.product.ProductCatalog;
import dev.camelkling.simulator.product.RequestFields;
import dev.camelkling.simulator.product.ValidationContext;

import java.util.List;

/** {@code POST /v1/videos/identify-face}: synchronous, creates no task, sends no callback (§6.1.1). */
public final class IdentifyFaceEndpoint {
    private final IdentifyFace identifyFace;
    private final ValidationContext validationContext;

    public IdentifyFaceEndpoint(IdentifyFace identifyFace, ValidationContext validationContext) {
        this.identifyFace = identifyFace;
        this.validationContext = validationContext;
    }

    public List<Route> routes() {
        return List.of(Route.api(ProductCatalog.IDENTIFY_FACE_PATH).on("POST", this::identify));
    }

    private SimResponse identify(RouteHandler.Call call) {
        RequestFields fields = new RequestFields(TaskEndpoints.parseBody(call.request().body()));
        return Envelope.success(identifyFace.identify(fields, validationContext.forAccount(call.accountId())));
    }
}
