package dev.camelkling.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the validation tests: a client pointed at a request-counting stub server, so that a test can prove an
 * invalid request made no HTTP call ({@link ValidationAssertions#rejectedLocally}).
 */
abstract class LocalValidationSupport {

    static StubKlingServer server;
    static KlingClient client;

    @BeforeAll
    static void startStub() throws Exception {
        server = new StubKlingServer();
        client = ValidationAssertions.clientFor(server);
    }

    @AfterAll
    static void stopStub() {
        client.close();
        server.close();
    }
}
