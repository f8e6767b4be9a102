package dev.camelkling.component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * A task listed while a create of this application's client still awaits its answer may be that create's: it is
 * decided at a later poll, once those creates are answered.
 */
final class TaskOrigin {

    /** What the consumer does with a listed task. */
    enum Verdict {
        /** Emit it once it is final (with a wanted status). */
        OURS,
        /** Never emit it. */
        NOT_OURS,
        /** Ask again next poll: a create of this client may have made it and its answer is still on the way. */
        UNDECIDED
    }

    private static final Logger LOG = LoggerFactory.getLogger(TaskOrigin.class);

    private final KlingFeature feature;
    private final Supplier<KlingClient> client;
    /** Asked at each task of unknown origin: whether a consumer reads the same list alone may change as routes start and stop. */
    private final BooleanSupplier emitUnknown;
    private final AtomicBoolean toldOfUnknown = new AtomicBoolean();
    /** Undecided tasks: the client's creates sent when each was first listed, all of which must be answered first. */
    private final Map<String, Long> undecided = new ConcurrentHashMap<>();

    TaskOrigin(KlingFeature feature, Supplier<KlingClient> client, BooleanSupplier emitUnknown) {
        this.feature = feature;
        this.client = client;
        this.emitUnknown = emitUnknown;
    }

    Verdict of(KlingTask task) {
        KlingClient kling = client.get();
        Optional<KlingFeature> known = kling.createdFeature(task.taskId()).or(() -> DerivedExternalIds.feature(task.externalTaskId()));
        if (known.isPresent()) {
            undecided.remove(task.taskId());
            return known.get() == feature ? Verdict.OURS : Verdict.NOT_OURS;
        }
        long mark = undecided.getOrDefault(task.taskId(), kling.createsSent());
        if (!kling.createsAnswered(mark)) {
            undecided.putIfAbsent(task.taskId(), mark);
            return Verdict.UNDECIDED;
        }
        undecided.remove(task.taskId());
        boolean emit = emitUnknown.getAsBoolean();
        if (!emit && toldOfUnknown.compareAndSet(false, true)) {
            LOG.info("kling:{} skips tasks of unknown origin (not created by camel-kling here nor with a derived external id),"
                     + " such as task {}; other consumers read the same task list; set emitUnknownOrigin=true on one of them to emit such tasks",
                    feature.uriName(), task.taskId());
        }
        return emit ? Verdict.OURS : Verdict.NOT_OURS;
    }
}
