package dev.camelkling.client.error;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Kling business error codes (reference §3) with the HTTP status they come with and whether a retry can help. */
public enum KlingErrorCode {
    AUTHENTICATION_FAILED(1000, 401, "Authentication failed", false),
    AUTHORIZATION_MISSING(1001, 401, "Authorization header missing or empty", false),
    AUTHORIZATION_INVALID(1002, 401, "Authorization header invalid", false),
    TOKEN_NOT_YET_VALID(1003, 401, "Token not yet valid (nbf in the future)", false),
    TOKEN_EXPIRED(1004, 401, "Token expired", false),
    ACCOUNT_EXCEPTION(1100, 429, "Account exception", false),
    ACCOUNT_IN_ARREARS(1101, 429, "Account in arrears", false),
    RESOURCE_PACK_EXHAUSTED(1102, 429, "Resource pack used up or expired", false),
    NO_PERMISSION(1103, 403, "No permission for this API or model", false),
    INVALID_REQUEST_PARAMETERS(1200, 400, "Invalid request parameters", false),
    INVALID_PARAMETER(1201, 400, "Invalid parameter", false),
    REQUEST_METHOD_INVALID(1202, 404, "Request method invalid", false),
    RESOURCE_NOT_FOUND(1203, 404, "Requested resource does not exist", false),
    PLATFORM_POLICY(1300, 400, "Platform policy triggered", false),
    CONTENT_SAFETY(1301, 400, "Content-safety policy triggered", false),
    RATE_LIMITED(1302, 429, "Requests too fast", true),
    CONCURRENCY_LIMIT(1303, 429, "Concurrency over the resource-pack limit", true),
    IP_WHITELIST(1304, 429, "IP whitelist policy", false),
    INTERNAL_ERROR(5000, 500, "Internal server error", true),
    SERVICE_UNAVAILABLE(5001, 503, "Temporarily unavailable", true),
    INTERNAL_TIMEOUT(5002, 504, "Internal timeout", true),
    /** A code this client does not know, or an HTTP error without a Kling body. */
    UNKNOWN(-1, 0, "Unknown error", false);

    private static final Map<Integer, KlingErrorCode> BY_CODE = Arrays.stream(values())
            .filter(c -> c != UNKNOWN)
            .collect(Collectors.toUnmodifiableMap(KlingErrorCode::code, Function.identity()));

    private final int code;
    private final int httpStatus;
    private final String meaning;
    private final boolean retryable;

    KlingErrorCode(int code, int httpStatus, String meaning, boolean retryable) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.meaning = meaning;
        this.retryable = retryable;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * Whether the error is transient: the same request may succeed later without any change (after a backoff). For a
     * create, 5000–5002 are nonetheless not retryable, because the task may exist
     * ({@link KlingApiException#isRetryable()} says what applies to the operation at hand).
     */
    public boolean isRetryable() {
        return retryable;
    }

    /** 1003/1004: the request was refused for the token's time window, so one retry with a freshly signed token is worth it. */
    public boolean isFixedByResigning() {
        return this == TOKEN_NOT_YET_VALID || this == TOKEN_EXPIRED;
    }

    public static KlingErrorCode fromCode(int code) {
        return BY_CODE.getOrDefault(code, UNKNOWN);
    }
}
