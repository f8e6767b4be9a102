package dev.camelkling.client;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A model name no table knows passes local validation with one DEBUG line per name, not one per request (the test
 * logging configuration has dev.camelkling at DEBUG; slf4j-simple writes to the current System.err).
 */
class UnknownModelLogTest {

    @Test
    void anUnknownModelIsLoggedOnceAndPasses() {
        String model = "kling-v9-log-" + System.nanoTime();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 3; i++) {
                assertThatCode(KlingRequest.of(KlingFeature.TEXT2VIDEO, Map.of("prompt", "a fox", "model_name", model))::validate)
                        .doesNotThrowAnyException();
            }
        } finally {
            System.setErr(original);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        String line = "model \"" + model + "\" is not in camel-kling's table; Kling's rules for it are not checked locally";
        assertThat(log).contains("DEBUG", line);
        assertThat(log.split(java.util.regex.Pattern.quote(line), -1)).as("logged once").hasSize(2);
    }
}
