package dev.camelkling.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Runs a create through a client whose server counts requests, and checks the local rejection. */
final class ValidationAssertions {

    private ValidationAssertions() {
    }

    static KlingValidationException rejectedLocally(KlingClient client, StubKlingServer server, KlingRequest request,
            String expectedField, String expectedRule) throws Exception {
        int before = server.requestCount();
        CompletableFuture<KlingTask> result = client.create(request);
        Throwable failure = null;
        try {
            result.get(10, TimeUnit.SECONDS);
            fail("expected " + request + " to be rejected");
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        assertThat(failure).isInstanceOf(KlingValidationException.class);
        KlingValidationException validation = (KlingValidationException) failure;
        assertThat(validation.field()).isEqualTo(expectedField);
        assertThat(validation.rule()).contains(expectedRule);
        assertThat(validation.getMessage())
                .isEqualTo(request.feature().uriName() + " request invalid: " + expectedField + " " + validation.rule());
        assertThat(server.requestCount()).as("HTTP requests made for an invalid request").isEqualTo(before);
        return validation;
    }

    static KlingClient clientFor(StubKlingServer server) {
        return KlingClient.create(KlingClientConfig.builder().baseUrl(server.baseUrl()).accessKey("ak", "sk").build());
    }
}
