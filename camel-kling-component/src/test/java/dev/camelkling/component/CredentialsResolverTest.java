package dev.camelkling.component;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsResolverTest {

    private static final Map<String, String> ENV = Map.of(
            "KLING_ACCESS_KEY", "env-ak", "KLING_SECRET_KEY", "env-sk", "KLING_API_KEY", "env-api");

    private final CredentialsResolver resolver = new CredentialsResolver(ENV::get);

    @Test
    void environmentFillsInWhenNothingIsConfigured() {
        KlingConfiguration c = new KlingConfiguration();
        resolver.applyFallback(c);
        assertThat(c.getAccessKey()).isEqualTo("env-ak");
        assertThat(c.getSecretKey()).isEqualTo("env-sk");
    }

    @Test
    void environmentNeverOverridesOrMixesWithExplicitConfiguration() {
        KlingConfiguration c = new KlingConfiguration();
        c.setApiKey("explicit-api");
        resolver.applyFallback(c);
        assertThat(c.getApiKey()).isEqualTo("explicit-api");
        assertThat(c.getAccessKey()).isNull();
        assertThat(c.getSecretKey()).isNull();
    }

    @Test
    void apiKeyFromEnvironmentWhenNoKeyPair() {
        KlingConfiguration c = new KlingConfiguration();
        new CredentialsResolver(Map.of("KLING_API_KEY", "env-api")::get).applyFallback(c);
        assertThat(c.getApiKey()).isEqualTo("env-api");
    }

    @Test
    void missingOrHalfCredentialsAreNamed() {
        KlingConfiguration none = new KlingConfiguration();
        assertThatThrownBy(() -> CredentialsResolver.credentials(none)).hasMessageContaining("accessKey and secretKey, or apiKey");
        KlingConfiguration half = new KlingConfiguration();
        half.setAccessKey("ak");
        assertThatThrownBy(() -> CredentialsResolver.credentials(half)).hasMessageContaining("secretKey is missing");
    }
}
