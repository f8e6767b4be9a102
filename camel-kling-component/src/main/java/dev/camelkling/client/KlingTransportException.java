package dev.camelkling.client;

/** No HTTP response was received: connect failure, TLS failure, timeout or a dropped connection. */
public class KlingTransportException extends KlingException {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReachedServer;

    public KlingTransportException(String message, Throwable cause, boolean mayHaveReachedServer) {
        super(message, cause);
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    /**
     * {@code false} when the failure certainly happened before the request was sent (connect or TLS handshake
     * failed), so even a create may be repeated blindly; {@code true} when the server may have received and
     * acted on it (timeout or reset after sending), so a create must be reconciled by {@code external_task_id}.
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
