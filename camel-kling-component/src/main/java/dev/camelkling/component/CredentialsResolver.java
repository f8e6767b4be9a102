package dev.camelkling.component;

import java.util.function.UnaryOperator;

import dev.camelkling.client.auth.KlingCredentials;

/**
 * Picks the credentials an endpoint uses. The environment (KLING_ACCESS_KEY/KLING_SECRET_KEY or KLING_API_KEY) is only
 * a fallback: as soon as any credential is configured explicitly, the environment is ignored, so it can never override
 * or be mixed with explicit configuration.
 */
final class CredentialsResolver {

    static final String ENV_ACCESS_KEY = "KLING_ACCESS_KEY";
    static final String ENV_SECRET_KEY = "KLING_SECRET_KEY";
    static final String ENV_API_KEY = "KLING_API_KEY";

    private final UnaryOperator<String> environment;

    CredentialsResolver(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    static CredentialsResolver fromEnvironment() {
        return new CredentialsResolver(System::getenv);
    }

    void applyFallback(KlingConfiguration configuration) {
        if (hasAny(configuration.getAccessKey(), configuration.getSecretKey(), configuration.getApiKey())) {
            return;
        }
        String apiKey = environment.apply(ENV_API_KEY);
        String accessKey = environment.apply(ENV_ACCESS_KEY);
        String secretKey = environment.apply(ENV_SECRET_KEY);
        if (hasText(accessKey) && hasText(secretKey)) {
            configuration.setAccessKey(accessKey);
            configuration.setSecretKey(secretKey);
        } else if (hasText(apiKey)) {
            configuration.setApiKey(apiKey);
        }
    }

    void requireCredentials(KlingConfiguration configuration) {
        credentials(configuration);
    }

    static KlingCredentials credentials(KlingConfiguration configuration) {
        if (hasText(configuration.getApiKey())) {
            return KlingCredentials.apiKey(configuration.getApiKey());
        }
        boolean access = hasText(configuration.getAccessKey());
        boolean secret = hasText(configuration.getSecretKey());
        if (access && secret) {
            return KlingCredentials.accessKey(configuration.getAccessKey(), configuration.getSecretKey());
        }
        if (access || secret) {
            throw new IllegalArgumentException("Kling credentials incomplete: " + (access ? "secretKey" : "accessKey")
                                               + " is missing (accessKey and secretKey go together)");
        }
        throw new IllegalArgumentException("Kling credentials missing: set accessKey and secretKey, or apiKey"
                                           + " (or the environment variables " + ENV_ACCESS_KEY + "/" + ENV_SECRET_KEY
                                           + " or " + ENV_API_KEY + ")");
    }

    private static boolean hasAny(String... values) {
        for (String v : values) {
            if (hasText(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
