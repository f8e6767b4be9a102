package dev.camelkling.client.auth;

import java.time.Clock;

/** A static API key from the Kling console, sent as is. */
public final class ApiKeyCredentials implements KlingCredentials {

    private final String header;

    ApiKeyCredentials(String apiKey) {
        this.header = "Bearer " + Secrets.requireNonBlank(apiKey, "apiKey");
    }

    @Override
    public String authorizationHeader(Clock clock) {
        return header;
    }

    @Override
    public boolean renewAfterRejection(String rejectedHeader) {
        return false;
    }

    @Override
    public String maskedId() {
        return Secrets.maskKeepingEnd(header.substring("Bearer ".length()));
    }

    @Override
    public String accountIdentity() {
        return header;
    }

    @Override
    public String toString() {
        return "KlingCredentials[apiKey=****]";
    }
}
