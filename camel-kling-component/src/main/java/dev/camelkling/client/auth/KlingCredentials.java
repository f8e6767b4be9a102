package dev.camelkling.client.auth;

import java.time.Clock;

/**
 * How the client authenticates: an access key / secret key pair (signed into short-lived JWTs) or a static API
 * key. {@code toString()} never reveals either.
 */
public sealed interface KlingCredentials permits AccessKeyCredentials, ApiKeyCredentials {

    static KlingCredentials accessKey(String accessKey, String secretKey) {
        return new AccessKeyCredentials(accessKey, secretKey);
    }

    static KlingCredentials apiKey(String apiKey) {
        return new ApiKeyCredentials(apiKey);
    }

    /** The full {@code Authorization} header value, {@code "Bearer <credential>"}, valid at {@code clock}'s now. */
    String authorizationHeader(Clock clock);

    /**
     * Called when the server rejected {@code rejectedHeader} for its time window (1003/1004).
     *
     * @return whether the next {@link #authorizationHeader} will differ, i.e. whether a retry can help
     */
    boolean renewAfterRejection(String rejectedHeader);

    /**
     * Which account these credentials reach, masked so it can be shown (health checks, consoles): enough to tell
     * accounts apart, never enough to authenticate.
     */
    String maskedId();

    /** What tells these credentials apart from others (the key pair, or the API key); for equality only, never shown. */
    String accountIdentity();
}
