package dev.camelkling.component.springboot;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.assertj.core.api.Assertions.assertThat;

class KlingSecretsSanitizingFunctionTest {

    private final KlingSecretsSanitizingFunction function = new KlingSecretsSanitizingFunction();

    @Test
    void masksTheKeysInEverySpelling() {
        for (String key : new String[] { "camel.component.kling.secret-key", "camel.component.kling.secretKey",
                "camel.component.kling.access-key", "camel.component.kling.api-key", "CAMEL_COMPONENT_KLING_APIKEY",
                "camel.component.kling.configuration.secret-key", "KLING_SECRET_KEY", "KLING_ACCESS_KEY", "KLING_API_KEY" }) {
            assertThat(function.apply(new SanitizableData(null, key, "s3cr3t")).getValue()).as(key)
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
        }
    }

    @Test
    void leavesOtherValuesAsTheyAre() {
        for (String key : new String[] { "camel.component.kling.base-url", "camel.component.kling.model-name",
                "camel.component.kafka.ssl-key-password", "kling.access", "server.port" }) {
            assertThat(function.apply(new SanitizableData(null, key, "value")).getValue()).as(key).isEqualTo("value");
        }
        assertThat(function.apply(new SanitizableData(null, "camel.component.kling.secret-key", null)).getValue()).isNull();
    }
}
