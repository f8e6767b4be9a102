package dev.camelkling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLHandshakeException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsTest {
    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.tls(true).apiKey("tls-key"));

    @Test
    void baseUrlIsHttpsOnAHostInTheCertificate() throws Exception {
        KlingSimulator sim = SIM.simulator();
        assertThat(sim.baseUrl()).startsWith("https://localhost:");
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(sim.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(cert.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))).toList())
                .containsExactlyInAnyOrder("localhost", "127.0.0.1");
        cert.checkValidity();
    }

    @Test
    void clientTrustingTheSimulatorCertificateConnects() {
        KlingSimulator sim = SIM.simulator();
        HttpClient trusting = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
        KlingHttp client = new KlingHttp(trusting, sim.baseUrl(), "Bearer tls-key");
        String id = client.create("/v1/videos/text2video", body("prompt", "over TLS"));
        assertThat(client.awaitFinal("/v1/videos/text2video", id).get("task_status").asText()).isEqualTo("succeed");

        KlingHttp byIp = new KlingHttp(trusting, sim.baseUrl().replace("localhost", "127.0.0.1"), "Bearer tls-key");
        assertThat(byIp.get("/v1/videos/text2video").status()).isEqualTo(200);
    }

    @Test
    void clientWithDefaultTrustIsRejected() {
        HttpClient defaultTrust = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/v1/videos/text2video"))
                .header("Authorization", "Bearer tls-key").build();
        assertThatThrownBy(() -> defaultTrust.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainSimulatorHasNoCertificate() {
        try (KlingSimulator plain = KlingSimulator.builder().build().start()) {
            assertThat(plain.baseUrl()).startsWith("http://127.0.0.1:");
            assertThatThrownBy(plain::clientSslContext).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(plain::certificatePem).isInstanceOf(IllegalStateException.class);
        }
    }
}
