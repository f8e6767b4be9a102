package dev.camelkling.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.camelkling.client.error.KlingApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KlingAuthenticationTest extends KlingTestSupport {

    private static final String WRONG_SECRET = "wrong-secret-Zq81xTT";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wrong-secret").routeId("wrong-secret")
                        .log("Creating a task for ${body}")
                        .to("kling:text2video?accessKey=" + SIM.accessKey() + "&secretKey=" + WRONG_SECRET
                            + "&waitForCompletion=true");
            }
        };
    }

    @Test
    void wrongSecretFailsWithTheKlingCodeAndNeverShowsTheSecret() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Exchange out;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            out = template.request("direct:wrong-secret", e -> e.getMessage().setBody("A fox"));
            context.getRoute("wrong-secret").getEndpoint().toString();
            context.getEndpoints().forEach(ep -> System.err.println("endpoint " + ep));
        } finally {
            System.setErr(original);
        }

        assertThat(out.getException()).isInstanceOf(KlingApiException.class);
        KlingApiException failure = (KlingApiException) out.getException();
        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.code()).isEqualTo(1000);
        assertThat(failure.isRetryable()).isFalse();
        assertThat(simulator().createdTaskCount()).isZero();

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("endpoint kling://text2video"); // the capture worked
        assertThat(logs).doesNotContain(WRONG_SECRET).doesNotContain(SIM.secretKey());
        assertThat(String.valueOf(failure.getMessage())).doesNotContain(WRONG_SECRET);
        assertThat(out.getMessage().getHeaders().toString()).doesNotContain(WRONG_SECRET);
    }

    @Test
    void unknownApiKeyIsRejected() {
        Exchange out = template.request("kling:text2video?apiKey=not-a-known-key", e -> e.getMessage().setBody("A fox"));

        assertThat(out.getException()).isInstanceOf(KlingApiException.class);
        assertThat(((KlingApiException) out.getException()).httpStatus()).isEqualTo(401);
        assertThat(out.getException().getMessage()).doesNotContain("not-a-known-key");
    }
}
