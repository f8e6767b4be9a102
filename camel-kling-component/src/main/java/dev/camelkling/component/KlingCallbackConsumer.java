package dev.camelkling.component;

import dev.camelkling.client.callback.CallbackBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.callback.StandardWebhookVerifier;
import dev.camelkling.client.callback.StandardWebhookVerifier.InvalidWebhookException;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the callbacks Kling POSTs to a task's {@code callback_url} and emits each task once, when it has reached a
 * final state, exactly as the polling {@link KlingConsumer} would.
 * <p>
 * The path is served by the application's HTTP server through a {@link RestConsumerFactory} (platform-http unless
 * another is named), so the component needs no HTTP server of its own. For every POST:
 * <ol>
 * <li>the body is capped ({@value #MAX_PAYLOAD_BYTES} bytes, else 413);</li>
 * <li>with a {@code webhookSecret}, the Standard Webhooks signature over the exact bytes is verified (else 401);</li>
 * <li>the body must be a task object with a {@code task_id} (else 400); the answer is then 200, at once;</li>
 * <li>off the HTTP thread, a callback that announces a final status makes the consumer re-read the task from the API
 * (announcements of submitted or processing need no read: there is nothing to emit yet). Only the API's answer counts:
 * a forged or stale body changes nothing. When the API does not show the announced final status yet, the task is read
 * again after 1 s and 4 s more, in case the API lags the callback; so a forged announcement costs at most three reads.
 * A task the API reports
 * final (with a wanted status) is emitted on a fresh exchange and committed in the endpoint's idempotent repository
 * when the exchange completes; a failed exchange leaves it to be emitted by a later callback (or by a polling consumer
 * sharing the repository).</li>
 * </ol>
 * Callbacks for a task whose exchange is still running, or whose read is in progress, coalesce into one more read
 * afterwards; callbacks for a task already emitted are dropped without a read. A graceful shutdown suspends the
 * consumer (callbacks are then answered 503) and waits for the tasks being read or routed.
 */
public class KlingCallbackConsumer extends DefaultConsumer implements ShutdownAware, Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(KlingCallbackConsumer.class);

    /** A task object is a few kilobytes; anything near this is not a Kling callback. */
    static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

    /**
     * When a callback announces a final status that the API does not show yet, the task is read again after these
     * delays (ms), in case the API lags the callback; a forged announcement costs at most this many reads.
     */
    static final long[] CONFIRM_DELAYS_MILLIS = { 0, 1_000, 4_000 };

    private static final String[] FORWARDED_HEADERS = {
            StandardWebhookVerifier.HEADER_ID, StandardWebhookVerifier.HEADER_TIMESTAMP,
            StandardWebhookVerifier.HEADER_SIGNATURE };

    private final KlingEndpoint endpoint;
    private final EmissionFilter filter;
    /** Tasks being read or routed; the value records whether another callback came meanwhile. */
    private final ConcurrentHashMap<String, Slot> active = new ConcurrentHashMap<>();

    /** Every POST on the path, and those answered with an error (400, 401, 413, 503): for the dev console. */
    private final AtomicLong callbacksReceived = new AtomicLong();
    private final AtomicLong callbacksRejected = new AtomicLong();

    private StandardWebhookVerifier verifier;
    private Consumer httpConsumer;
    private String servedPath;

    public KlingCallbackConsumer(KlingEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.filter = new EmissionFilter(endpoint);
        if (endpoint.getPartitionCount() != 1) {
            throw new IllegalArgumentException("partitionCount applies to the polling consumer only: callbacks reach"
                                               + " whichever instance the HTTP request reaches");
        }
    }

    @Override
    public KlingEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String secret = endpoint.getWebhookSecret();
        if (ObjectHelper.isNotEmpty(secret)) {
            try {
                verifier = new StandardWebhookVerifier(secret);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("webhookSecret: " + e.getMessage());
            }
        }
        CamelContext context = endpoint.getCamelContext();
        RestConsumerFactory factory = resolveRestConsumerFactory(context);
        RestConfiguration restConfiguration = context.getRestConfiguration();
        String path = CallbackUrls.callbackPath(endpoint);
        servedPath = CallbackUrls.servedPath(context, endpoint);
        // consumes is left open: Kling sends application/json; charset=utf-8, and the body is parsed here anyway
        httpConsumer = factory.createConsumer(context, this::onRequest, "POST", path, null, null, null, restConfiguration,
                Map.of());
        ServiceHelper.startService(httpConsumer);
        String url = CallbackUrls.publicUrl(endpoint.getCallbackBaseUrl(), context, endpoint);
        LOG.info("Kling {} callbacks are received on POST {}{}{}", endpoint.getFeature(), servedPath,
                url != null ? " (public URL " + url + ")" : "",
                verifier != null ? ", signature required" : ", unsigned (set webhookSecret to require signatures)");
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        // drop waiting confirmations; reads and exchanges in flight finish on their own
        for (String taskId : active.keySet()) {
            active.computeIfPresent(taskId, (id, slot) -> slot.retry != null && slot.retry.cancel(false) ? null : slot);
        }
        super.doStop();
    }

    /**
     * Suspended (as a graceful shutdown does first), callbacks are answered 503 and no new read starts, while reads in
     * flight still emit their task; the HTTP path stays registered until the consumer stops.
     */
    @Override
    protected void doSuspend() throws Exception {
        for (String taskId : active.keySet()) {
            active.computeIfPresent(taskId, (id, slot) -> slot.retry != null && slot.retry.cancel(false) ? null : slot);
        }
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
        int pending = 0;
        for (Slot slot : active.values()) {
            if (slot.retry == null) {
                pending++;
            }
        }
        return pending;
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        // nothing to prepare: the HTTP consumer is stopped with this consumer
    }

    /** The path the HTTP server answers on, context path included; {@code null} before start. */
    String getServedPath() {
        return servedPath;
    }

    // ---- the HTTP side: runs on the server's thread, never waits for Kling or for the route ----

    private void onRequest(Exchange http) {
        callbacksReceived.incrementAndGet();
        Message request = http.getMessage();
        if (!accepting()) {
            respond(http, 503, "Not accepting callbacks");
            return;
        }
        byte[] payload;
        try {
            payload = readPayload(request);
        } catch (PayloadTooLargeException e) {
            LOG.debug("Refused a Kling callback on {}: {}", servedPath, e.getMessage());
            respond(http, 413, "Payload too large");
            return;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not read a Kling callback on {}: {}", servedPath, e.getMessage());
            respond(http, 400, "Unreadable body");
            return;
        }
        if (verifier != null) {
            try {
                verifier.verify(signatureHeaders(request), payload, Instant.now(), StandardWebhookVerifier.DEFAULT_TOLERANCE);
            } catch (InvalidWebhookException e) {
                // the reason stays in the log: whoever reaches the port gets the same answer
                LOG.debug("Refused a Kling callback on {}: {}", servedPath, e.getMessage());
                respond(http, 401, "Invalid signature");
                return;
            }
        }
        KlingTask claim;
        try {
            claim = CallbackBody.task(new String(payload, StandardCharsets.UTF_8));
        } catch (KlingException | IllegalArgumentException | NullPointerException e) {
            LOG.debug("Refused a Kling callback on {}: {}", servedPath, e.getMessage());
            respond(http, 400, "Not a Kling task object");
            return;
        }
        respond(http, 200, "");
        dispatch(() -> announced(claim));
    }

    private static Map<String, String> signatureHeaders(Message request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : FORWARDED_HEADERS) {
            String value = request.getHeader(name, String.class);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static byte[] readPayload(Message request) throws IOException {
        Long declared = request.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > MAX_PAYLOAD_BYTES) {
            throw new PayloadTooLargeException();
        }
        Object body = request.getBody();
        byte[] payload;
        if (body == null) {
            payload = new byte[0];
        } else if (body instanceof byte[] bytes) {
            payload = bytes;
        } else if (body instanceof InputStream || body instanceof String) {
            InputStream stream = request.getBody(InputStream.class);
            try (InputStream in = stream) {
                payload = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
            }
        } else {
            // platform-http on Vert.x hands over a Buffer already in memory
            payload = request.getBody(byte[].class);
            if (payload == null) {
                throw new IOException("body of type " + body.getClass().getName() + " cannot be read as bytes");
            }
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new PayloadTooLargeException();
        }
        return payload;
    }

    private static final class PayloadTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        PayloadTooLargeException() {
            super("the body is larger than " + MAX_PAYLOAD_BYTES + " bytes");
        }
    }

    long getCallbacksReceived() {
        return callbacksReceived.get();
    }

    long getCallbacksRejected() {
        return callbacksRejected.get();
    }

    /** Replaces the whole response: request headers must not be echoed back (platform-http copies them). */
    private void respond(Exchange http, int status, String body) {
        if (status != 200) {
            callbacksRejected.incrementAndGet();
        }
        Message message = http.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody(body);
    }

    // ---- the task side: on the component's worker threads ----

    private void dispatch(Runnable work) {
        try {
            endpoint.getComponent().getWorker().execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("Kling callback dropped while stopping");
        }
    }

    private void announced(KlingTask claim) {
        String taskId = claim.taskId();
        // the body is only a hint: a non-final announcement has nothing to emit, a final one is confirmed by a read
        if (!claim.isFinal()) {
            LOG.trace("Callback: task {} is {}", taskId, claim.status().wireValue());
            return;
        }
        if (isEmitted(taskId)) {
            LOG.trace("Callback: task {} was emitted already", taskId);
            return;
        }
        boolean[] start = { false };
        active.compute(taskId, (id, slot) -> {
            if (slot == null) {
                start[0] = true;
                return new Slot();
            }
            if (slot.retry != null && slot.retry.cancel(false)) {
                // waiting to read again after an announcement the API did not confirm yet: read now instead
                slot.retry = null;
                start[0] = true;
                return slot;
            }
            slot.again = true;
            return slot;
        });
        if (start[0]) {
            confirm(taskId, 0);
        }
    }

    private boolean isEmitted(String taskId) {
        try {
            return endpoint.getIdempotentRepository().contains(taskId);
        } catch (RuntimeException e) {
            LOG.warn("Could not ask the idempotent repository about Kling task {}: {}", taskId, e.getMessage());
            return false;
        }
    }

    /** Neither stopping nor suspended (a graceful shutdown suspends first, then waits for the pending tasks). */
    private boolean accepting() {
        return isRunAllowed() && !isSuspendingOrSuspended();
    }

    /** Reads the task from the API: the only source trusted. */
    private void confirm(String taskId, int attempt) {
        if (!accepting() || isEmitted(taskId)) {
            finished(taskId);
            return;
        }
        try {
            endpoint.getClient().get(endpoint.getKlingFeature(), taskId)
                    .whenCompleteAsync((task, failure) -> read(taskId, attempt, task, failure),
                            endpoint.getComponent().getWorker());
        } catch (RuntimeException e) {
            LOG.warn("Could not read Kling task {} announced by a callback: {}", taskId, e.getMessage());
            finished(taskId);
        }
    }

    private void read(String taskId, int attempt, KlingTask task, Throwable failure) {
        try {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof KlingApiException api && api.httpStatus() == 404) {
                    LOG.debug("Ignored a callback for {} task {}, which Kling does not know", endpoint.getFeature(), taskId);
                } else {
                    LOG.warn("Could not read Kling task {} announced by a callback; only the polling fallback can emit it now: {}",
                            taskId, cause.getMessage());
                }
                finished(taskId);
                return;
            }
            if (!task.taskId().equals(taskId)) {
                LOG.warn("Kling answered task {} when asked for {}; ignored", task.taskId(), taskId);
                finished(taskId);
                return;
            }
            if (!task.isFinal()) {
                int next = attempt + 1;
                if (next < CONFIRM_DELAYS_MILLIS.length && accepting()) {
                    LOG.debug("A callback announced task {} as final, Kling reports {}; reading again", taskId,
                            task.status().wireValue());
                    retryLater(taskId, next);
                } else {
                    LOG.warn("A callback announced task {} as final, Kling still reports {}; left to the polling fallback", taskId,
                            task.status().wireValue());
                    finished(taskId);
                }
                return;
            }
            if (!filter.hasWantedStatus(task) || !filter.isOurs(task) || isEmitted(taskId)) {
                finished(taskId);
                return;
            }
            emit(task);
        } catch (RuntimeException e) {
            LOG.warn("Error handling a callback for Kling task {}: {}", taskId, e.getMessage(), e);
            finished(taskId);
        }
    }

    private void retryLater(String taskId, int attempt) {
        active.computeIfPresent(taskId, (id, slot) -> {
            slot.retry = endpoint.getComponent().getScheduler().schedule(() -> dispatch(() -> retryDue(taskId, attempt)),
                    CONFIRM_DELAYS_MILLIS[attempt], TimeUnit.MILLISECONDS);
            return slot;
        });
    }

    private void retryDue(String taskId, int attempt) {
        boolean[] due = { false };
        active.computeIfPresent(taskId, (id, slot) -> {
            if (slot.retry != null) {
                slot.retry = null;
                due[0] = true;
            }
            return slot;
        });
        if (due[0]) {
            confirm(taskId, attempt);
        }
    }

    private void emit(KlingTask task) {
        // a fresh exchange: nothing of the HTTP request (headers, body) reaches the route
        Exchange exchange = createExchange(true);
        KlingTaskMessages.populate(exchange.getMessage(), task);
        exchange.getExchangeExtension().addOnCompletion(new EmittedMarker(task.taskId()));
        getAsyncProcessor().process(exchange, doneSync -> {
            // the outcome is handled by EmittedMarker
        });
    }

    /**
     * Ends the work on a task; when callbacks came meanwhile, reads it once more (a no-op read-free check if it was
     * emitted in between).
     */
    private void finished(String taskId) {
        boolean[] again = { false };
        active.computeIfPresent(taskId, (id, slot) -> {
            if (slot.again) {
                slot.again = false;
                again[0] = true;
                return slot;
            }
            return null;
        });
        if (again[0]) {
            dispatch(() -> confirm(taskId, 0));
        }
    }

    /** Commits a task as emitted when its exchange completes, and leaves it to a later callback when it fails. */
    private final class EmittedMarker implements Synchronization {
        private final String taskId;

        EmittedMarker(String taskId) {
            this.taskId = taskId;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                IdempotentRepository repository = endpoint.getIdempotentRepository();
                repository.add(taskId);
            } finally {
                finished(taskId);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            try {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing Kling task " + taskId, exchange,
                            exchange.getException());
                }
            } finally {
                finished(taskId);
            }
        }
    }

    /** Fields written only inside compute, under the map's per-key lock. */
    private static final class Slot {
        /** Another callback came while the task was being read or routed. */
        boolean again;
        /** A confirming read is scheduled. Volatile for {@link #getPendingExchangesSize()}, which reads it unlocked. */
        volatile ScheduledFuture<?> retry;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    // ---- which HTTP server serves the path ----

    /**
     * The configured {@code callbackComponent}, the rest configuration's component, platform-http when it is on the
     * classpath, or the only RestConsumerFactory there is.
     */
    private RestConsumerFactory resolveRestConsumerFactory(CamelContext context) {
        String configured = endpoint.getCallbackComponent();
        if (ObjectHelper.isNotEmpty(configured)) {
            return named(context, configured, "callbackComponent");
        }
        RestConfiguration rest = context.getRestConfiguration();
        if (rest != null && ObjectHelper.isNotEmpty(rest.getComponent())) {
            return named(context, rest.getComponent(), "the rest configuration's component");
        }
        if (component(context, "platform-http") instanceof RestConsumerFactory factory) {
            return factory;
        }
        Set<RestConsumerFactory> found = new LinkedHashSet<>();
        for (String name : context.getComponentNames()) {
            if (context.getComponent(name, false) instanceof RestConsumerFactory factory) {
                found.add(factory);
            }
        }
        found.addAll(context.getRegistry().findByType(RestConsumerFactory.class));
        if (found.size() == 1) {
            return found.iterator().next();
        }
        throw new IllegalStateException(found.isEmpty()
                ? "consumerMode=callback needs an HTTP server to receive Kling's callbacks on, and no RestConsumerFactory"
                  + " was found: add camel-platform-http-main (or camel-platform-http with an engine such as"
                  + " camel-platform-http-vertx, or another REST consumer component such as servlet or undertow)"
                : "consumerMode=callback found " + found.size() + " RestConsumerFactory components; name the one to serve"
                  + " Kling's callbacks with callbackComponent");
    }

    private static RestConsumerFactory named(CamelContext context, String name, String source) {
        if (context.getRegistry().lookupByName(name) instanceof RestConsumerFactory factory) {
            return factory;
        }
        if (component(context, name) instanceof RestConsumerFactory factory) {
            return factory;
        }
        throw new IllegalStateException("consumerMode=callback: " + name + " (" + source + ") is neither a bean nor a"
                                        + " component that is a RestConsumerFactory, so it cannot serve Kling's callbacks;"
                                        + " is its component on the classpath?");
    }

    /** The component of that name, created from the classpath if needed; {@code null} if there is none. */
    private static Object component(CamelContext context, String name) {
        try {
            return context.getComponent(name, true);
        } catch (RuntimeException e) {
            LOG.debug("No component {}: {}", name, e.getMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return "KlingCallbackConsumer[" + URISupport.sanitizeUri(endpoint.getEndpointUri()) + "]";
    }
}
