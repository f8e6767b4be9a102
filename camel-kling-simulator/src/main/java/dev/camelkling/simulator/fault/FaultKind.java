package dev.camelkling.simulator.fault;

import dev.camelkling.simulator.http.ErrorCode;

import java.util.Locale;

/**
 * What an injected fault does. Each kind is applied {@link FaultTiming#BEFORE before} the handler runs
 * (nothing is created) or {@link FaultTiming#AFTER after} it (a create has made its task; the answer is
 * the fault).
 */
public enum FaultKind {
    /** 429/1302 requests too fast. */
    RATE_LIMIT_1302("1302", ErrorCode.RATE_LIMITED),
    /** 429/1303 concurrency over the resource-pack limit. */
    CONCURRENCY_1303("1303", ErrorCode.CONCURRENCY_LIMIT),
    /** 429/1102 resource pack used up (not retryable). */
    RESOURCE_PACK_1102("1102", ErrorCode.RESOURCE_PACK_EXHAUSTED),
    /** 500/5000 internal server error. */
    INTERNAL_ERROR_5000("5000", ErrorCode.INTERNAL_ERROR),
    /** 503/5001 temporarily unavailable. */
    UNAVAILABLE_5001("5001", ErrorCode.UNAVAILABLE),
    /** 504/5002 internal timeout. */
    TIMEOUT_5002("5002", ErrorCode.INTERNAL_TIMEOUT),
    /** The connection is closed without any response (the client sees an I/O error). */
    CONNECTION_RESET("reset", null),
    /**
     * The answer comes late, after the fault's delay: after = the real answer (the task was created);
     * before = 504/5002 and nothing was created.
     */
    SLOW_RESPONSE("slow", null),
    /** HTTP 200 with a body that is not valid JSON (a truncated envelope). */
    MALFORMED_JSON("malformed", null);

    private final String wireName;
    private final ErrorCode errorCode;

    FaultKind(String wireName, ErrorCode errorCode) {
        this.wireName = wireName;
        this.errorCode = errorCode;
    }

    /** The name used in fault strings, JSON and counters: {@code 1302}, ..., {@code reset}, {@code slow}, {@code malformed}. */
    public String wireName() {
        return wireName;
    }

    /** The Kling error this kind answers with, or {@code null} for reset, slow and malformed. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The timing used when none is given: after for {@link #SLOW_RESPONSE} and {@link #MALFORMED_JSON}, else before. */
    public FaultTiming defaultTiming() {
        return this == SLOW_RESPONSE || this == MALFORMED_JSON ? FaultTiming.AFTER : FaultTiming.BEFORE;
    }

    /**
     * Parses a kind: its wire name ({@code 5000}, {@code reset}), the HTTP status plus code
     * ({@code 500/5000}) or the enum name ({@code INTERNAL_ERROR_5000}), case-insensitively.
     */
    public static FaultKind parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash > 0) {
            FaultKind kind = parse(t.substring(slash + 1));
            String status = t.substring(0, slash);
            if (kind.errorCode == null || !status.equals(Integer.toString(kind.errorCode.httpStatus()))) {
                throw new IllegalArgumentException("unknown fault kind " + text);
            }
            return kind;
        }
        for (FaultKind kind : values()) {
            if (kind.wireName.equalsIgnoreCase(t) || kind.name().equals(t.toUpperCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind " + text
                + " (one of 1302, 1303, 1102, 5000, 5001, 5002, reset, slow, malformed)");
    }
}
