package dev.camelkling.component;

import dev.camelkling.client.request.KlingRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/**
 * Gives creates an external_task_id when the route did not, so that an ambiguous failure can be reconciled by lookup
 * (see ExactlyOnceCreator) and a redelivered exchange finds its task again. A derived id must stay the same when Camel's
 * error handler redelivers the step, and differ between steps of one exchange (two kling steps, a loop): it is the
 * exchange id, the feature and the number of the exchange's create, kept on the exchange until the step succeeds.
 */
final class ExternalTaskIds {

    private final KlingEndpoint endpoint;
    private volatile Expression expression;

    ExternalTaskIds(KlingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    KlingRequest giveOne(KlingRequest request, Exchange exchange) {
        KlingConfiguration c = endpoint.getConfiguration();
        if (!c.isDeriveExternalTaskId() || !endpoint.getKlingFeature().acceptsExternalTaskId()) {
            return request;
        }
        String id = c.getExternalTaskIdExpression() == null
                ? derived(exchange)
                : expression(exchange).evaluate(exchange, String.class);
        return id == null || id.isBlank() ? request : request.withExternalTaskId(id);
    }

    private String derived(Exchange exchange) {
        String kept = exchange.getProperty(stepProperty(), String.class);
        if (kept != null) {
            return kept; // this step is being redelivered: the same id finds the same task
        }
        int number = exchange.getProperty(CREATES_PROPERTY, 0, Integer.class) + 1;
        exchange.setProperty(CREATES_PROPERTY, number);
        String id = "camel-" + exchange.getExchangeId() + "-" + endpoint.getKlingFeature().uriName() + "-" + number;
        exchange.setProperty(stepProperty(), id);
        return id;
    }

    /** The step succeeded: a later create on this endpoint in the same exchange is a new one. */
    void forget(Exchange exchange) {
        exchange.removeProperty(stepProperty());
    }

    private String stepProperty() {
        return "CamelKlingExternalTaskId:" + endpoint.getEndpointKey();
    }

    static final String CREATES_PROPERTY = "CamelKlingCreates";

    private Expression expression(Exchange exchange) {
        Expression e = expression;
        if (e == null) {
            e = exchange.getContext().resolveLanguage("simple")
                    .createExpression(endpoint.getConfiguration().getExternalTaskIdExpression());
            e.init(exchange.getContext());
            expression = e;
        }
        return e;
    }
}
