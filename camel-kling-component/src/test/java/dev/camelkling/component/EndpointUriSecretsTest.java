package dev.camelkling.component;

import java.util.ArrayList;
import java.util.List;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An endpoint's URI carries no secret, wherever Camel shows it; endpoints that differ only in a secret stay different
 * endpoints, each authenticating with its own.
 */
class EndpointUriSecretsTest extends KlingTestSupport {

    private static final String API_KEY_IN_URI = "api-in-uri-Hq27";
    private static final String WEBHOOK_SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("webhook-secret-key-0123456789ab".getBytes());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?accessKey=" + SIM.accessKey() + "&secretKey=" + SIM.secretKey())
                        .routeId("consumer").autoStartup(false).to("mock:done");
                from("direct:api").routeId("producer").to("kling:text2video?apiKey=" + API_KEY_IN_URI);
            }
        };
    }

    @Test
    void noSecretInTheUrisCamelShows() {
        Endpoint webhook = context.getEndpoint("kling:text2video?consumerMode=callback&webhookSecret=" + WEBHOOK_SECRET
                                               + "&secretKey=RAW(sk-raw&still-secret)&accessKey=" + SIM.accessKey());
        List<String> shown = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            shown.add(endpoint.getEndpointUri());
            shown.add(endpoint.getEndpointKey());
            shown.add(endpoint.toString());
        }
        shown.add(context.getRoute("consumer").getEndpoint().getEndpointUri());
        shown.add(webhook.getEndpointUri());

        assertThat(shown).anySatisfy(uri -> assertThat(uri).contains("apiKey=xxxxxx")); // the capture worked
        assertThat(shown).allSatisfy(uri -> assertThat(uri).doesNotContain(SIM.secretKey()).doesNotContain(API_KEY_IN_URI)
                .doesNotContain(WEBHOOK_SECRET).doesNotContain("sk-raw").doesNotContain("still-secret"));
    }

    @Test
    void endpointsThatDifferOnlyInTheSecretKeyEachUseTheirOwn() {
        String right = "kling:text2video?accessKey=" + SIM.accessKey() + "&secretKey=" + SIM.secretKey();
        String wrong = "kling:text2video?accessKey=" + SIM.accessKey() + "&secretKey=wrong-secret-Zq81xTT";

        Exchange refused = template.request(wrong, e -> e.getMessage().setBody("A fox"));
        Exchange created = template.request(right, e -> e.getMessage().setBody("A fox"));
        Exchange refusedAgain = template.request(wrong, e -> e.getMessage().setBody("A fox"));

        assertThat(refused.getException()).isInstanceOf(KlingApiException.class);
        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getBody()).isInstanceOf(KlingTask.class);
        assertThat(refusedAgain.getException()).isInstanceOf(KlingApiException.class);
        assertThat(context.getEndpoint(right)).isNotSameAs(context.getEndpoint(wrong));
        assertThat(context.getEndpoint(right).getEndpointKey()).isNotEqualTo(context.getEndpoint(wrong).getEndpointKey());
    }
}
