package dev.camelkling.client.error;

/**
 * No HTTP response was received: connect failure, TLS failure, timeout or a dropped connection.
 *
 * <p>{@link #isRetryable()}: a failure that certainly happened before the request was sent (connect or TLS handshake
 * failed) is retryable for any operation. A failure after sending (timeout, reset) is retryable for a read, which may
 * be repeated, but not for a create: the task may exist ({@link #mayHaveReachedServer()}), so look it up by
 * {@code external_task_id} before creating again.
 */
public class KlingTransportException extends KlingException {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReachedServer;
    private final boolean retryable;

    /** An error whose retryability follows from where it happened alone: retryable only when it did not reach the server. */
    public KlingTransportException(String message, Throwable cause, boolean mayHaveReachedServer) {
        this(message, cause, mayHaveReachedServer, !mayHaveReachedServer);
    }

    /**
     * @param retryable whether repeating is safe: {@code true} for a failure before sending, or for an idempotent
     *                  operation (a read); {@code false} for a create that may have reached the server
     */
    public KlingTransportException(String message, Throwable cause, boolean mayHaveReachedServer, boolean retryable) {
        super(message, cause);
        this.mayHaveReachedServer = mayHaveReachedServer;
        this.retryable = retryable;
    }

    /**
     * {@code false} when the failure certainly happened before the request was sent (connect or TLS handshake
     * failed), so even a create may be repeated blindly; {@code true} when the server may have received and
     * acted on it (timeout or reset after sending), so a create must be reconciled by {@code external_task_id}.
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }

    /**
     * {@code true} when the request certainly did not reach the server (connect failure), or when it was a read;
     * {@code false} for a create that may have reached it (timeout or reset after sending).
     */
    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
