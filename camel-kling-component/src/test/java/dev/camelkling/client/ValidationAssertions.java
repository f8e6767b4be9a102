package dev.camelkling.client;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.request.KlingRequest;

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
        Throwable failure = failureOf(client.create(request));
        assertThat(failure).isInstanceOf(KlingValidationException.class);
        KlingValidationException validation = (KlingValidationException) failure;
        assertThat(validation.field()).isEqualTo(expectedField);
        assertThat(validation.rule()).contains(expectedRule);
        assertThat(validation.getMessage())
                .isEqualTo(request.feature().uriName() + " request invalid: " + expectedField + " " + validation.rule());
        assertThat(server.requestCount()).as("HTTP requests made for an invalid request").isEqualTo(before);
        return validation;
    }

    /** The exception a future failed with, within 10 s. */
    static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        return fail("expected the future to fail");
    }

    static KlingClient clientFor(StubKlingServer server) {
        return KlingClient.create(KlingClientConfig.builder().baseUrl(server.baseUrl()).accessKey("ak", "sk").build());
    }
}
