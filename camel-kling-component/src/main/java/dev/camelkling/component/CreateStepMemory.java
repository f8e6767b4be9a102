package dev.camelkling.component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/**
 * What a create step keeps on the exchange until it has succeeded, and the external_task_id it gives: the one owner of
 * the step's exchange properties. Camel's error handler redelivers a failed step on the same exchange, and the step
 * must then carry on with the task (or the video extension's steps) it paid for, not create another.
 * <p>
 * A create without an external_task_id gets one (unless {@code deriveExternalTaskId=false}), so that an ambiguous
 * failure can be reconciled by lookup (see ExactlyOnceCreator) and a redelivered exchange finds its task again: from
 * {@code externalTaskIdExpression}, or derived. A derived id stays the same when the step is redelivered and differs
 * between steps of one exchange (two kling steps, a loop): it is the exchange id, the feature and the number of the
 * exchange's create. All properties are named after the endpoint, so two kling steps of a route never mistake each
 * other's.
 */
final class CreateStepMemory {

    /** How many creates the exchange has made, over all kling endpoints: numbers the derived external ids. */
    static final String CREATES_PROPERTY = "CamelKlingCreates";

    private final ProducerSetup setup;
    private final String createdTaskProperty;
    private final String externalIdProperty;
    private final String extendStepsProperty;
    private volatile Expression expression;

    CreateStepMemory(ProducerSetup setup) {
        this.setup = setup;
        this.createdTaskProperty = "CamelKlingCreatedTask:" + setup.endpointKey();
        this.externalIdProperty = "CamelKlingExternalTaskId:" + setup.endpointKey();
        this.extendStepsProperty = "CamelKlingExtendSteps:" + setup.endpointKey();
    }

    /** The request with an external id of this step when it has none and the feature takes one. */
    KlingRequest withExternalId(KlingRequest request, Exchange exchange) {
        KlingConfiguration c = setup.configuration();
        if (request.externalTaskId() != null || !c.isDeriveExternalTaskId() || !setup.feature().acceptsExternalTaskId()) {
            return request;
        }
        String id = c.getExternalTaskIdExpression() == null
                ? derivedExternalId(exchange)
                : expression(exchange).evaluate(exchange, String.class);
        return id == null || id.isBlank() ? request : request.withExternalTaskId(id);
    }

    private String derivedExternalId(Exchange exchange) {
        String kept = exchange.getProperty(externalIdProperty, String.class);
        if (kept != null) {
            return kept; // this step is being redelivered: the same id finds the same task
        }
        int number = exchange.getProperty(CREATES_PROPERTY, 0, Integer.class) + 1;
        exchange.setProperty(CREATES_PROPERTY, number);
        String id = DerivedExternalIds.of(exchange.getExchangeId(), setup.feature(), number);
        exchange.setProperty(externalIdProperty, id);
        return id;
    }

    private Expression expression(Exchange exchange) {
        Expression e = expression;
        if (e == null) {
            e = exchange.getContext().resolveLanguage("simple").createExpression(setup.configuration().getExternalTaskIdExpression());
            e.init(exchange.getContext());
            expression = e;
        }
        return e;
    }

    /**
     * The task this step created before a failure that made Camel redeliver it; {@code null} on a first delivery. The
     * task, not only its id: its design says how it is read again.
     */
    KlingTask createdTask(Exchange exchange) {
        return exchange.getProperty(createdTaskProperty, KlingTask.class);
    }

    void createdTask(Exchange exchange, KlingTask task) {
        exchange.setProperty(createdTaskProperty, task);
    }

    /** The tasks a video extension made so far, when it is being redelivered; {@code null} or empty on a first delivery. */
    @SuppressWarnings("unchecked")
    List<String> extendSteps(Exchange exchange) {
        return exchange.getProperty(extendStepsProperty, List.class);
    }

    /** Starts the list of a video extension's tasks, each added as it is created. */
    List<String> startExtendSteps(Exchange exchange) {
        List<String> steps = new CopyOnWriteArrayList<>();
        exchange.setProperty(extendStepsProperty, steps);
        return steps;
    }

    /** The step succeeded: a later failure of the route must not make a new create on this endpoint look like a redelivery. */
    void succeeded(Exchange exchange) {
        exchange.removeProperty(createdTaskProperty);
        exchange.removeProperty(externalIdProperty);
        exchange.removeProperty(extendStepsProperty);
    }
}
