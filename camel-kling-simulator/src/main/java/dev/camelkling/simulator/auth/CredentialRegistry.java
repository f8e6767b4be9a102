package dev.camelkling.simulator.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which access keys (with their secret keys) and API keys exist, and whose account each one opens. */
public final class CredentialRegistry {

    /** An access key's secret and account. */
    public record SigningKey(byte[] secret, Account account) {
    }

    private final Map<String, SigningKey> accessKeys = new ConcurrentHashMap<>();
    private final Map<String, Account> apiKeys = new ConcurrentHashMap<>();

    public void addAccessKey(String accessKey, String secretKey, Account account) {
        accessKeys.put(accessKey, new SigningKey(secretKey.getBytes(java.nio.charset.StandardCharsets.UTF_8), account));
    }

    public void addApiKey(String apiKey, Account account) {
        apiKeys.put(apiKey, account);
    }

    public Optional<SigningKey> signingKey(String accessKey) {
        return Optional.ofNullable(accessKeys.get(accessKey));
    }

    public Optional<Account> apiKeyAccount(String apiKey) {
        return Optional.ofNullable(apiKeys.get(apiKey));
    }
}
