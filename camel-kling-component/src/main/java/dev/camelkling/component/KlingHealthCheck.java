package dev.camelkling.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.camelkling.client.auth.KlingAccount;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.KlingFeature;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one Kling account: can the application authenticate and read? One cheap authenticated read (the first
 * task of a feature's list, page size 1) answers it. The outcome is reused for the cache time, so that probes every few
 * seconds do not each cost an API call. DOWN carries Kling's code and message (1002: wrong secret, 1102: no resource
 * pack, ...) and the HTTP status; the account is named by its masked key only.
 */
final class KlingHealthCheck extends AbstractHealthCheck {

    static final String ACCOUNT = "kling.account";
    static final String BASE_URL = "kling.base.url";
    static final String CODE = "kling.code";
    static final String MESSAGE = "kling.message";
    static final String HTTP_STATUS = "http.status";
    static final String CHECKED_AT = "kling.checked.at";

    /** One read's outcome, kept for the cache time. */
    record Outcome(HealthCheck.State state, String message, Map<String, Object> details, Instant at) {
    }

    private final KlingAccount account;
    private final KlingFeature feature;
    private final Supplier<KlingClient> client;
    private final Duration cacheTime;
    private final Duration readTimeout;
    private final Clock clock;
    private volatile Outcome last;

    KlingHealthCheck(String id, KlingAccount account, KlingFeature feature, Supplier<KlingClient> client,
                     Duration cacheTime, Duration readTimeout, Clock clock) {
        super("camel", id);
        this.account = account;
        this.feature = feature;
        this.client = client;
        this.cacheTime = cacheTime;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return false; // an account without credit does not make the application dead; it is just not ready
    }

    KlingAccount getAccount() {
        return account;
    }

    /** The last outcome, {@code null} before the first check. */
    Outcome lastOutcome() {
        return last;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Outcome outcome = last;
        if (outcome == null || !clock.instant().isBefore(outcome.at().plus(cacheTime))) {
            outcome = read();
            last = outcome;
        }
        builder.state(outcome.state()).message(outcome.message()).details(outcome.details());
    }

    private Outcome read() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(ACCOUNT, account.maskedId());
        details.put(BASE_URL, account.baseUrl());
        Instant now = clock.instant();
        details.put(CHECKED_AT, now.toString());
        KlingClient current = client.get();
        if (current == null) {
            return new Outcome(State.UNKNOWN, "No endpoint of this account is started", details, now);
        }
        try {
            current.list(feature, 1, 1).get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(State.UP, null, details, now);
        } catch (ExecutionException e) {
            return down(e.getCause(), details, now);
        } catch (TimeoutException e) {
            return new Outcome(State.DOWN, "Kling did not answer within " + readTimeout.toMillis() + " ms", details, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(State.UNKNOWN, "Interrupted", details, now);
        }
    }

    /** Kling's code, message and HTTP status; a transport failure by its kind only (its text may hold a URL). */
    private static Outcome down(Throwable cause, Map<String, Object> details, Instant now) {
        if (cause instanceof KlingApiException api) {
            details.put(CODE, api.code());
            details.put(MESSAGE, api.klingMessage());
            details.put(HTTP_STATUS, api.httpStatus());
            return new Outcome(State.DOWN, "Kling answered " + api.code() + " (HTTP " + api.httpStatus() + "): "
                                           + api.klingMessage(), details, now);
        }
        return new Outcome(State.DOWN, "Kling could not be reached: " + cause.getClass().getSimpleName(), details, now);
    }
}
