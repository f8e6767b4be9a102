package dev.camelkling.component;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.TrustManagerFactory;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.simulator.KlingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component talks HTTPS to a server whose certificate only a custom trust store accepts. */
class KlingTlsTest extends CamelTestSupport {

    private static KlingSimulator tlsSimulator;

    @BeforeAll
    static void startTlsSimulator() {
        tlsSimulator = KlingSimulator.builder().tls(true).build().start();
    }

    @AfterAll
    static void stopTlsSimulator() {
        tlsSimulator.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        KlingComponent kling = new KlingComponent(new CredentialsResolver(name -> null));
        kling.getConfiguration().setBaseUrl(tlsSimulator.baseUrl());
        kling.getConfiguration().setAccessKey(tlsSimulator.accessKey());
        kling.getConfiguration().setSecretKey(tlsSimulator.secretKey());
        kling.getConfiguration().setPollInterval(50);
        context.addComponent("kling", kling);
        context.getRegistry().bind("simulatorTrust", trustOnly(tlsSimulator.certificatePem()));
        return context;
    }

    static SSLContextParameters trustOnly(String pem) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
        trustStore.load(null, null);
        trustStore.setCertificateEntry("kling-simulator", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(tmf.getTrustManagers()[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    @Test
    void customTrustReachesTheTlsSimulator() {
        KlingTask task = template.requestBody("kling:text2video?sslContextParameters=#simulatorTrust&waitForCompletion=true",
                "Over TLS", KlingTask.class);

        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
    }

    @Test
    void defaultTrustRefusesTheSelfSignedCertificate() {
        int tasksBefore = tlsSimulator.createdTaskCount();
        Exchange out = template.request("kling:text2video?maxReadAttempts=1", e -> e.getMessage().setBody("Over TLS"));

        assertThat(out.getException()).isNotNull();
        assertThat(out.getException()).hasStackTraceContaining("SSLHandshakeException");
        assertThat(tlsSimulator.createdTaskCount()).isEqualTo(tasksBefore);
    }
}
