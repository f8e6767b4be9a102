package dev.camelkling.simulator;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class KlingSimulatorExtensionTest {
    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.accessKey("ext-ak").secretKey("ext-sk").apiKey("ext-api"));

    static KlingSimulator firstSeen;

    @Test
    void exposesTheRunningSimulatorAndItsKeys() {
        assertThat(SIM.accessKey()).isEqualTo("ext-ak");
        assertThat(SIM.secretKey()).isEqualTo("ext-sk");
        assertThat(SIM.apiKey()).isEqualTo("ext-api");
        assertThat(SIM.baseUrl()).isEqualTo(SIM.simulator().baseUrl());
        assertThat(KlingHttp.withAuthorization(SIM.simulator(), "Bearer ext-api").get("/v1/videos/image2video").status()).isEqualTo(200);
        rememberOrCompare();
    }

    @Test
    void staticRegistrationSharesOneSimulatorAcrossTests() {
        rememberOrCompare();
    }

    private static synchronized void rememberOrCompare() {
        if (firstSeen == null) {
            firstSeen = SIM.simulator();
        } else {
            assertThat(SIM.simulator()).isSameAs(firstSeen);
        }
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassesSeeTheSameSimulator() {
            assertThat(SIM.simulator().baseUrl()).isNotBlank();
            rememberOrCompare();
        }
    }

    @Nested
    class PerTestRegistration {
        @RegisterExtension
        KlingSimulatorExtension perTest = KlingSimulatorExtension.create();

        @Test
        void instanceRegistrationStartsAFreshSimulatorWithDefaults() {
            assertThat(perTest.simulator()).isNotSameAs(SIM.simulator());
            assertThat(perTest.accessKey()).isEqualTo(KlingSimulator.DEFAULT_ACCESS_KEY);
            assertThat(perTest.secretKey()).isEqualTo(KlingSimulator.DEFAULT_SECRET_KEY);
            assertThat(perTest.apiKey()).isNull();
            assertThat(KlingHttp.withJwt(perTest.simulator()).get("/v1/videos/text2video").status()).isEqualTo(200);
        }
    }
}
