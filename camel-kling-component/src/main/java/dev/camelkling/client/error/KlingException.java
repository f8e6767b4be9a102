package dev.camelkling.client.error;

/**
 * Root of every error the Kling client reports. Messages never carry credentials.
 *
 * <p>{@link #isRetryable()} can be asked of any Kling exception: it says whether repeating the same call later, unchanged,
 * is both safe and may succeed. It is {@code false} unless a subclass knows better: a validation error, a failed task or
 * a wait that timed out do not get better by repeating the call.
 */
public class KlingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KlingException(String message) {
        super(message);
    }

    public KlingException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether repeating the same call later (after a backoff) is safe and may succeed. The answer depends on the
     * operation: a read may always be repeated, a create only when it certainly created nothing. Never {@code true} for
     * an error that leaves a create ambiguous (see {@link KlingApiException#mayHaveTakenEffect()} and
     * {@link KlingTransportException#mayHaveReachedServer()}): reconcile by {@code external_task_id} instead.
     *
     * @return {@code false} here; overridden by {@link KlingApiException} and {@link KlingTransportException}
     */
    public boolean isRetryable() {
        return false;
    }
}
