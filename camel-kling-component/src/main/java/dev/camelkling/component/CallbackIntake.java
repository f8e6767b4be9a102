package dev.camelkling.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.camelkling.client.callback.CallbackBody;
import dev.camelkling.client.callback.StandardWebhookVerifier;
import dev.camelkling.client.callback.StandardWebhookVerifier.InvalidWebhookException;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the callback consumer, on the server's thread, never waiting for Kling or for the route. For every
 * POST:
 * <ol>
 * <li>the body is capped ({@value #MAX_PAYLOAD_BYTES} bytes, else 413);</li>
 * <li>with a {@code webhookSecret}, the Standard Webhooks signature over the exact bytes is verified (else 401);</li>
 * <li>the body must be a task object with a {@code task_id} (else 400); the answer is then 200, at once, and the task
 * the body announces is handed on (to {@link TaskConfirmations}, which trusts only the API's answer).</li>
 * </ol>
 * While the consumer does not accept callbacks (suspended or stopping), every POST is answered 503.
 */
final class CallbackIntake implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackIntake.class);

    /** A task object is a few kilobytes; anything near this is not a Kling callback. */
    static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

    private static final String[] FORWARDED_HEADERS = {
            StandardWebhookVerifier.HEADER_ID, StandardWebhookVerifier.HEADER_TIMESTAMP,
            StandardWebhookVerifier.HEADER_SIGNATURE };

    private final StandardWebhookVerifier verifier;
    private final BooleanSupplier accepting;
    private final Consumer<KlingTask> announced;
    private final String servedPath;

    /** Every POST on the path, and those answered with an error (400, 401, 413, 503): for the dev console. */
    private final AtomicLong callbacksReceived = new AtomicLong();
    private final AtomicLong callbacksRejected = new AtomicLong();

    /**
     * @param webhookSecret the Standard Webhooks secret ({@code whsec_...}) signatures must be made with; none: unsigned
     * @param announced     takes each task a well-formed callback announces, without blocking
     * @param servedPath    for the log lines only
     */
    CallbackIntake(String webhookSecret, BooleanSupplier accepting, Consumer<KlingTask> announced, String servedPath) {
        this.verifier = ObjectHelper.isEmpty(webhookSecret) ? null : verifier(webhookSecret);
        this.accepting = accepting;
        this.announced = announced;
        this.servedPath = servedPath;
    }

    private static StandardWebhookVerifier verifier(String secret) {
        try {
            return new StandardWebhookVerifier(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhookSecret: " + e.getMessage());
        }
    }

    boolean requiresSignature() {
        return verifier != null;
    }

    long getCallbacksReceived() {
        return callbacksReceived.get();
    }

    long getCallbacksRejected() {
        return callbacksRejected.get();
    }

    @Override
    public void process(Exchange http) {
        callbacksReceived.incrementAndGet();
        Message request = http.getMessage();
        if (!accepting.getAsBoolean()) {
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
        announced.accept(claim);
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
}
