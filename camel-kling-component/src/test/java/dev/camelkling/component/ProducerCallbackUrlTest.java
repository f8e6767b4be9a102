package dev.camelkling.component;

import dev.camelkling.client.error.KlingApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer looks up the callback URL it sends once: when it starts in a running CamelContext, or, starting with the
 * context, once the context has started all its routes. It keeps it while it runs.
 */
class ProducerCallbackUrlTest extends CallbackTestSupport {

    private static final String CREATE_PATH = "/v1/videos/text2video";
    private static final String FIRST_URL = "https://app.example.com/kling/callback/first";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the producer's route comes before the consumer's
                from("direct:generate").routeId("generate").to("kling:text2video");
                from("kling:text2video?consumerMode=callback&callbackPath=/kling/callback/first"
                     + "&callbackBaseUrl=https://app.example.com").routeId("first").to("mock:first");
            }
        };
    }

    @Test
    void aConsumerDeclaredAfterTheProducersRouteIsFound() throws Exception {
        try (RefusedCreates creates = RefusedCreates.on(simulator(), CREATE_PATH)) {
            template.request("direct:generate", e -> e.getMessage().setBody("Tell me when you are done"));

            assertThat(creates.count()).isEqualTo(1);
            assertThat(creates.callbackUrl(0)).isEqualTo(FIRST_URL);
        }
    }

    @Test
    void aCallbackRouteAddedLaterChangesNothingForAStartedProducer() throws Exception {
        try (RefusedCreates creates = RefusedCreates.on(simulator(), CREATE_PATH)) {
            template.request("direct:generate", e -> e.getMessage().setBody("Before the second consumer"));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kling:text2video?consumerMode=callback&callbackPath=/kling/later&callbackBaseUrl=https://app.example.com")
                            .routeId("later").to("mock:later");
                }
            });
            Exchange sameProducer = template.request("direct:generate", e -> e.getMessage().setBody("After it"));
            assertThat(sameProducer.getException()).isInstanceOf(KlingApiException.class); // refused by the recorder

            // a producer started now sees both consumers and cannot choose: it fails before sending anything
            Exchange newProducer = template.request("kling:text2video?negativePrompt=blur",
                    e -> e.getMessage().setBody("Which consumer?"));
            assertThat(newProducer.getException()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("/kling/later").hasMessageContaining("/kling/callback/first")
                    .hasMessageContaining("callbackUrl");

            assertThat(creates.count()).isEqualTo(2);
            assertThat(creates.callbackUrl(0)).isEqualTo(FIRST_URL);
            assertThat(creates.callbackUrl(1)).isEqualTo(FIRST_URL);
        }
    }
}
