package dev.camelkling.component;

import dev.camelkling.client.KlingRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/**
 * Gives creates an external_task_id when the route did not, so that an ambiguous failure can be reconciled by lookup
 * (see ExactlyOnceCreator) and a redelivered exchange finds its task again. The id must stay the same for the same
 * input and differ between steps, hence the exchange id plus the feature.
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
                ? "camel-" + exchange.getExchangeId() + "-" + endpoint.getKlingFeature().uriName()
                : expression(exchange).evaluate(exchange, String.class);
        return id == null || id.isBlank() ? request : request.withExternalTaskId(id);
    }

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
