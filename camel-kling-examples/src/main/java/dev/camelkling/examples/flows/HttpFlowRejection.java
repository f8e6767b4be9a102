package dev.camelkling.examples.flows;

/**
 * A request the HTTP flow answers itself, with an HTTP status and a JSON error naming the part of the request at
 * fault (a JSON field, a path segment, a header), before or instead of calling Kling.
 */
public class HttpFlowRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String field;

    /**
     * @param status  the HTTP status to answer with
     * @param error   a stable, machine-readable error code for clients, e.g. {@code invalid_job}
     * @param field   the part of the request at fault, or {@code null} when none is
     * @param message what is wrong, naming that part and the rule it breaks
     */
    public HttpFlowRejection(int status, String error, String field, String message) {
        super(message, null, false, false); // an answer, not a bug: no stack trace to fill
        this.status = status;
        this.error = error;
        this.field = field;
    }

    static HttpFlowRejection invalid(String field, String rule) {
        return new HttpFlowRejection(400, "invalid_job", field, field + " " + rule);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }
}
