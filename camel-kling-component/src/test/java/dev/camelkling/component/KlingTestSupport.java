package dev.camelkling.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.KlingSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Component tests run against the Kling simulator over real HTTP on loopback; the kling component points at it. */
abstract class KlingTestSupport extends CamelTestSupport {

    static final String API_KEY = "test-api-key-7f3a";

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(API_KEY));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        KlingComponent kling = new KlingComponent(new CredentialsResolver(name -> null));
        kling.getConfiguration().setBaseUrl(SIM.baseUrl());
        kling.getConfiguration().setAccessKey(SIM.accessKey());
        kling.getConfiguration().setSecretKey(SIM.secretKey());
        kling.getConfiguration().setPollInterval(50);
        kling.getConfiguration().setMaxPollInterval(200);
        kling.getConfiguration().setWaitTimeout(30_000);
        context.addComponent("kling", kling);
        return context;
    }

    @BeforeEach
    void resetSimulator() {
        SIM.simulator().reset();
    }

    static KlingSimulator simulator() {
        return SIM.simulator();
    }

    static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static boolean isMp4(byte[] bytes) {
        return bytes.length > 8 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p';
    }
}
