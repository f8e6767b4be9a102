package dev.camelkling.client;

/** Root of every error the Kling client reports. Messages never carry credentials. */
public class KlingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KlingException(String message) {
        super(message);
    }

    public KlingException(String message, Throwable cause) {
        super(message, cause);
    }
}
