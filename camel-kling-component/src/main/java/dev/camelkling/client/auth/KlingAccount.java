package dev.camelkling.client.auth;

import java.util.Objects;

/**
 * One Kling account at one API host, as health checks and consoles name it: the base URL and the masked key. Two
 * clients with equal accounts authenticate alike (same key pair or API key) and reach the same quota and resource packs.
 * Two accounts may show the same masked key (the same access key with another secret key). {@code toString()} shows
 * the masked key only.
 */
public final class KlingAccount {

    private final String baseUrl;
    private final String maskedId;
    /** Compared, never shown. */
    private final String identity;

    public KlingAccount(String baseUrl, KlingCredentials credentials) {
        this.baseUrl = baseUrl;
        this.maskedId = credentials.maskedId();
        this.identity = credentials.accountIdentity();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The access key or API key, masked. */
    public String maskedId() {
        return maskedId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KlingAccount that && baseUrl.equals(that.baseUrl) && identity.equals(that.identity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, identity);
    }

    @Override
    public String toString() {
        return maskedId + "@" + baseUrl;
    }
}
