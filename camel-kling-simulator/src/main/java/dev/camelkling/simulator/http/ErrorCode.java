package dev.camelkling.simulator.http;

/** Kling business codes (kling-api.md §3) with the HTTP status each one travels with. */
public enum ErrorCode {
    AUTHENTICATION_FAILED(401, 1000, "Authentication failed"),
    AUTHORIZATION_MISSING(401, 1001, "Authorization is empty"),
    AUTHORIZATION_INVALID(401, 1002, "Authorization is invalid"),
    TOKEN_NOT_YET_VALID(401, 1003, "Authorization is not yet valid"),
    TOKEN_EXPIRED(401, 1004, "Authorization has expired"),
    ACCOUNT_EXCEPTION(429, 1100, "Account exception"),
    ACCOUNT_IN_ARREARS(429, 1101, "Account in arrears"),
    RESOURCE_PACK_EXHAUSTED(429, 1102, "Resource pack exhausted or expired"),
    NO_PERMISSION(403, 1103, "No permission to access this resource"),
    INVALID_REQUEST(400, 1200, "Invalid request parameters"),
    INVALID_PARAMETER(400, 1201, "Invalid parameter"),
    METHOD_INVALID(404, 1202, "Request method is invalid"),
    RESOURCE_NOT_FOUND(404, 1203, "Requested resource does not exist"),
    PLATFORM_POLICY(400, 1300, "Platform policy triggered"),
    CONTENT_SAFETY(400, 1301, "Content security policy triggered"),
    RATE_LIMITED(429, 1302, "Requests too fast"),
    CONCURRENCY_LIMIT(429, 1303, "parallel task over resource pack limit"),
    IP_WHITELIST(429, 1304, "IP whitelist policy triggered"),
    INTERNAL_ERROR(500, 5000, "Internal server error"),
    UNAVAILABLE(503, 5001, "Service temporarily unavailable"),
    INTERNAL_TIMEOUT(504, 5002, "Internal server timeout");

    private final int httpStatus;
    private final int code;
    private final String defaultMessage;

    ErrorCode(int httpStatus, int code, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
