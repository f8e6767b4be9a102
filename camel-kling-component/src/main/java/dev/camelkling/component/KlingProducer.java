package dev.camelkling.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import dev.camelkling.client.transport.TransportErrors;
import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingWaitTimeoutException;
import dev.camelkling.client.wait.WaitPolicy;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;

/**
 * Creates, reads and lists Kling tasks without blocking the route thread: every HTTP call and every re-poll of
 * {@code waitForCompletion} completes the exchange from a callback.
 */
public class KlingProducer extends DefaultAsyncProducer {

    /** Images come back in seconds to a few minutes, videos take minutes: the default bound follows the feature. */
    static final Duration DEFAULT_VIDEO_WAIT = Duration.ofMinutes(30);
    static final Duration DEFAULT_IMAGE_WAIT = Duration.ofMinutes(10);

    private final KlingEndpoint endpoint;
    private CreateFlow createFlow;
    private TaskOutcomes outcomes;

    public KlingProducer(KlingEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    /** What every exchange's steps share is settled here, once, rather than per exchange. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ProducerSetup setup = setup();
        createFlow = createFlow(setup);
        outcomes = new TaskOutcomes(setup);
        setup.callbackUrl().lookUpOnceStarted(endpoint.getCamelContext());
    }

    private ProducerSetup setup() {
        KlingComponent component = endpoint.getComponent();
        if (!(component.getEndpointPropertyConfigurer() instanceof PropertyConfigurerGetter options)) {
            throw new IllegalStateException("The generated kling endpoint configurer is missing from the classpath");
        }
        KlingFeature feature = endpoint.getKlingFeature();
        KlingConfiguration configuration = endpoint.getConfiguration();
        DerivedCallbackUrl callbackUrl = feature.schema().fieldNames().contains("callback_url")
                ? new DerivedCallbackUrl(() -> CallbackUrls.forProducer(endpoint.getCamelContext(), feature, configuration))
                : DerivedCallbackUrl.none();
        return new ProducerSetup(feature, configuration, endpoint.getEndpointKey(), endpoint::getClient,
                component::getScheduler, component.getTemporaryResultFiles(),
                option -> options.getOptionValue(endpoint, option, false), waitPolicy(configuration, feature), callbackUrl);
    }

    private static CreateFlow createFlow(ProducerSetup setup) {
        SingleTaskCreation single = new SingleTaskCreation(setup);
        return switch (setup.feature()) {
            case LIP_SYNC -> new LipSyncCreation(setup, single);
            case VIDEO_EXTEND -> new VideoExtendCreation(setup, single);
            default -> single;
        };
    }

    /** How waitForCompletion polls: from pollInterval, growing to maxPollInterval, up to waitTimeout or the default. */
    private static WaitPolicy waitPolicy(KlingConfiguration configuration, KlingFeature feature) {
        Duration timeout = configuration.getWaitTimeout() > 0
                ? Duration.ofMillis(configuration.getWaitTimeout())
                : feature.resultKind() == ResultKind.IMAGE ? DEFAULT_IMAGE_WAIT : DEFAULT_VIDEO_WAIT;
        return new WaitPolicy(Duration.ofMillis(configuration.getPollInterval()), 1.5,
                Duration.ofMillis(configuration.getMaxPollInterval()), timeout);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> outcome;
        try {
            outcome = switch (operation(exchange)) {
                case create -> createFlow.create(exchange);
                case get -> get(exchange);
                case list -> list(exchange);
            };
        } catch (Exception e) {
            // Bad input is refused before anything is sent, on the caller's thread.
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        outcome.whenComplete((ignored, failure) -> handBack(exchange, callback, failure));
        return false;
    }

    /**
     * Continues the route on the worker pool (on the thread that read Kling's answer, once it is done with it), or right
     * here once the pool refuses work (the context is stopping).
     */
    private void handBack(Exchange exchange, AsyncCallback callback, Throwable failure) {
        Runnable done = () -> {
            if (failure != null) {
                Throwable cause = TransportErrors.unwrap(failure);
                if (cause instanceof KlingWaitTimeoutException timeout && timeout.lastSeen() != null) {
                    KlingTaskMessages.populate(exchange.getMessage(), timeout.lastSeen());
                }
                exchange.setException(cause);
            }
            callback.done(false);
        };
        try {
            endpoint.getComponent().getWorkerPool().continueExchange(done);
        } catch (RejectedExecutionException stopping) {
            done.run();
        }
    }

    private KlingOperation operation(Exchange exchange) {
        return HeaderValues.read(exchange.getMessage(), KlingConstants.OPERATION, KlingOperation.class,
                endpoint.getConfiguration().getOperation(), "operation");
    }

    private CompletableFuture<KlingTask> get(Exchange exchange) {
        Message in = exchange.getMessage();
        String taskId = in.getHeader(KlingConstants.TASK_ID, String.class);
        String externalTaskId = in.getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class);
        TaskReads reads = new TaskReads(client(), feature());
        CompletableFuture<KlingTask> read;
        if (in.getBody() instanceof KlingTask task && (taskId == null || taskId.equals(task.taskId()))) {
            read = client().get(feature(), task); // a task from an earlier call knows its design
        } else if (taskId != null) {
            read = reads.byId(taskId, design(in));
        } else if (externalTaskId != null) {
            read = reads.byExternalId(externalTaskId, design(in));
        } else if (in.getBody() instanceof String body && !body.isBlank()) {
            read = reads.byId(body.trim(), design(in));
        } else {
            throw new IllegalArgumentException("Operation get needs the header " + KlingConstants.TASK_ID + " or "
                                               + KlingConstants.EXTERNAL_TASK_ID + ", or a task id as the String body");
        }
        return outcomes.finish(read, exchange);
    }

    private DesignStandard design(Message in) {
        return TaskReads.design(in, feature(), endpoint.getConfiguration().getModelName());
    }

    private CompletableFuture<List<KlingTask>> list(Exchange exchange) {
        Message in = exchange.getMessage();
        int pageNum = HeaderValues.read(in, KlingConstants.PAGE_NUM, Integer.class, 1, null);
        int pageSize = HeaderValues.read(in, KlingConstants.PAGE_SIZE, Integer.class, endpoint.getConfiguration().getPageSize(),
                "pageSize");
        return client().list(feature(), pageNum, pageSize).thenApply(tasks -> {
            exchange.getMessage().setBody(tasks);
            return tasks;
        });
    }

    private KlingClient client() {
        return endpoint.getClient();
    }

    private KlingFeature feature() {
        return endpoint.getKlingFeature();
    }

    @Override
    public String toString() {
        return "KlingProducer[" + URISupport.sanitizeUri(endpoint.getEndpointUri()) + "]";
    }
}
