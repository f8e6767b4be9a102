package dev.camelkling.component;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a task listed by the new design's {@code POST /tasks} belongs to the consumer's feature. That listing has
 * every task of a product type (all video features together) and a task object does not name its feature, so the
 * feature is known only from camel-kling itself: the client that created the task in this application remembers it,
 * and a derived external id ({@code camel-<exchange>-<feature>-<n>}) names it in any application. A task known to be
 * another feature's is never emitted. A task of unknown origin (created outside camel-kling, or by another application
 * with an external id of its own) is emitted by the consumer that reads its task list alone in the CamelContext, or,
 * when several do, by the one with {@code emitUnknownOrigin=true}: so such tasks are neither lost nor emitted twice.
 */
final class TaskOrigin {

    private static final Logger LOG = LoggerFactory.getLogger(TaskOrigin.class);

    private final KlingFeature feature;
    private final Supplier<KlingClient> client;
    /** Asked at each task of unknown origin: whether a consumer reads the same list alone may change as routes start and stop. */
    private final BooleanSupplier emitUnknown;
    private final AtomicBoolean toldOfUnknown = new AtomicBoolean();

    TaskOrigin(KlingFeature feature, Supplier<KlingClient> client, BooleanSupplier emitUnknown) {
        this.feature = feature;
        this.client = client;
        this.emitUnknown = emitUnknown;
    }

    boolean isOfFeature(KlingTask task) {
        Optional<KlingFeature> known = client.get().createdFeature(task.taskId())
                .or(() -> DerivedExternalIds.feature(task.externalTaskId()));
        if (known.isPresent()) {
            return known.get() == feature;
        }
        boolean emit = emitUnknown.getAsBoolean();
        if (!emit && toldOfUnknown.compareAndSet(false, true)) {
            LOG.info("kling:{} skips tasks of unknown origin (not created by camel-kling here nor with a derived external id),"
                     + " such as task {}; other consumers read the same task list; set emitUnknownOrigin=true on one of them to emit such tasks",
                    feature.uriName(), task.taskId());
        }
        return emit;
    }
}
