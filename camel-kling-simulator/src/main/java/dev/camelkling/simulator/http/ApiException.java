package dev.camelkling.simulator.http;

/** A Kling business error; it ends request handling and becomes an error envelope. */
public final class ApiException extends RuntimeException {
    private final ErrorCode errorCode;

    public ApiException(ErrorCode errorCode) {
        this(errorCode, errorCode.defaultMessage());
    }

    public ApiException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, message);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
