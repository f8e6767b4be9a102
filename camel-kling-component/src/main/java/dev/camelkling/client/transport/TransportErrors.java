package dev.camelkling.client.transport;

import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.error.KlingTransportException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Classifies failures without a response by whether the request may have reached the server: DNS, connect and
 * TLS handshake failures happen before anything is sent; timeouts and resets may come after the server acted.
 */
public final class TransportErrors {

    private TransportErrors() {
    }

    /**
     * The failure a future reports, without the wrappers that chaining futures adds around it: the one unwrap of the
     * client and the Camel layer.
     */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Our own exceptions pass through; JDK transport failures become {@link KlingTransportException}, retryable when
     * nothing was sent or when the operation is {@code idempotent} (a read).
     */
    static Throwable classify(String operation, boolean idempotent, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof KlingException) {
            return cause;
        }
        boolean beforeSending = isBeforeSending(cause);
        String what = beforeSending ? "could not connect" : "no response";
        return new KlingTransportException("Kling " + what + " on " + operation + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause, !beforeSending, beforeSending || idempotent);
    }

    private static boolean isBeforeSending(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof SSLHandshakeException) {
                return true;
            }
            if (t instanceof HttpTimeoutException) {
                return false;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        // Anything else may have happened after the request left: the safe assumption for a create.
        return false;
    }
}
