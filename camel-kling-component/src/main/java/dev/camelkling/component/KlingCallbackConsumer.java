package dev.camelkling.component;

import java.util.Map;

import dev.camelkling.client.request.KlingFeature;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the callbacks Kling POSTs to a task's {@code callback_url} and emits each task once, when it has reached a
 * final state, exactly as the polling {@link KlingConsumer} would. Three parts: {@link CallbackServer} picks the
 * application's HTTP server (platform-http unless another is named), {@link CallbackIntake} answers each POST there
 * (size cap, signature, parsing), and {@link TaskConfirmations} re-reads each announced task from the API and emits it
 * once it is final; a task is committed in the endpoint's idempotent repository when its exchange completes, and a
 * failed exchange leaves it to be emitted by a later callback (or by a polling consumer sharing the repository).
 * <p>
 * A graceful shutdown suspends the consumer (callbacks are then answered 503) and waits for the tasks being read or
 * routed.
 */
public class KlingCallbackConsumer extends DefaultConsumer implements ShutdownAware, Suspendable, CallbackReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(KlingCallbackConsumer.class);

    private final KlingEndpoint endpoint;
    private final TaskConfirmations confirmations;
    private CallbackIntake intake;
    private Consumer httpConsumer;
    private String servedPath;

    public KlingCallbackConsumer(KlingEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        if (endpoint.getPartitionCount() != 1) {
            throw new IllegalArgumentException("partitionCount applies to the polling consumer only: callbacks reach"
                                               + " whichever instance the HTTP request reaches");
        }
        KlingComponent component = endpoint.getComponent();
        this.confirmations = new TaskConfirmations(this, endpoint.getKlingFeature(),
                new ConfirmingRead(endpoint.getKlingFeature(), endpoint::accountClients),
                component::getWorkerPool, component::getScheduler,
                new EmissionFilter(endpoint.getStatuses(), endpoint.getExternalTaskIdPrefix()),
                new EmittedTasks(endpoint::getIdempotentRepository, this));
    }

    @Override
    public KlingEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public KlingFeature feature() {
        return endpoint.getKlingFeature();
    }

    @Override
    public KlingConfiguration configuration() {
        return endpoint.getConfiguration();
    }

    @Override
    public String callbackPath() {
        return CallbackUrls.callbackPath(endpoint.getCallbackPath(), endpoint.getKlingFeature());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CamelContext context = endpoint.getCamelContext();
        String path = callbackPath();
        String served = CallbackUrls.servedPath(context, path);
        intake = new CallbackIntake(endpoint.getWebhookSecret(), confirmations::accepting, confirmations::announced, served);
        RestConsumerFactory factory = CallbackServer.resolve(context, endpoint.getCallbackComponent());
        servedPath = served;
        // consumes is left open: Kling sends application/json; charset=utf-8, and the body is parsed here anyway
        httpConsumer = factory.createConsumer(context, intake, "POST", path, null, null, null, context.getRestConfiguration(),
                Map.of());
        ServiceHelper.startService(httpConsumer);
        String url = CallbackUrls.publicUrl(endpoint.getCallbackBaseUrl(), context, path);
        LOG.info("Kling {} callbacks are received on POST {}{}{}", endpoint.getFeature(), servedPath,
                url != null ? " (public URL " + url + ")" : "",
                intake.requiresSignature() ? ", signature required" : ", unsigned (set webhookSecret to require signatures)");
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        confirmations.dropWaiting();
        super.doStop();
    }

    /**
     * Suspended (as a graceful shutdown does first), callbacks are answered 503 and no new read starts, while reads in
     * flight still emit their task; the HTTP path stays registered until the consumer stops.
     */
    @Override
    protected void doSuspend() throws Exception {
        confirmations.dropWaiting();
        super.doSuspend();
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    /**
     * Tasks being read or routed: a graceful shutdown waits for them, so that a callback already answered 200 is not
     * lost between the read and the commit. Confirmations waiting for their next read do not count; stopping drops
     * them.
     */
    @Override
    public int getPendingExchangesSize() {
        return confirmations.inProgress();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        // nothing to prepare: the HTTP consumer is stopped with this consumer
    }

    /** The path the HTTP server answers on, context path included; {@code null} before start. */
    String getServedPath() {
        return servedPath;
    }

    long getCallbacksReceived() {
        return intake == null ? 0 : intake.getCallbacksReceived();
    }

    long getCallbacksRejected() {
        return intake == null ? 0 : intake.getCallbacksRejected();
    }

    @Override
    public String toString() {
        return "KlingCallbackConsumer[" + URISupport.sanitizeUri(endpoint.getEndpointUri()) + "]";
    }
}
