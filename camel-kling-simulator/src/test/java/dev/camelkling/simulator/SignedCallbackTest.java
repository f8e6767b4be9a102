package dev.camelkling.simulator;

import dev.camelkling.simulator.callback.StandardWebhooksSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Standard Webhooks signatures (§5.2), duplicated and reordered deliveries. */
class SignedCallbackTest {
    static final String T2V = "/v1/videos/text2video";
    /** The vendor's test vector (§5.2). */
    static final String VECTOR_SECRET = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=";
    static final String VECTOR_ID = "9876543210";
    static final String VECTOR_TIMESTAMP = "1781080794";
    static final String VECTOR_BODY = "{\"id\":\"1234567890\",\"status\":\"succeeded\",\"message\":\"\",\"create_time\":1781080778802,\"update_time\":1781080794151}";
    static final String VECTOR_SIGNATURE = "v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr7NJ4=";

    private CallbackReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theSignerReproducesTheVendorTestVector() {
        StandardWebhooksSigner signer = new StandardWebhooksSigner(VECTOR_SECRET);
        assertThat(signer.sign(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(VECTOR_SIGNATURE);
        assertThat(new String(StandardWebhooksSigner.decodeSecret(VECTOR_SECRET), StandardCharsets.US_ASCII))
                .isEqualTo("testsecrettestsecrettestsecret12");

        Clock fixed = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(VECTOR_TIMESTAMP)), ZoneOffset.UTC);
        Map<String, String> headers = new StandardWebhooksSigner(VECTOR_SECRET, fixed)
                .headers(VECTOR_ID, VECTOR_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(headers).containsExactlyInAnyOrderEntriesOf(Map.of(
                "webhook-id", VECTOR_ID, "webhook-timestamp", VECTOR_TIMESTAMP, "webhook-signature", VECTOR_SIGNATURE));
        // the independent check agrees on the vector too
        assertThat(expectedSignature(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void malformedSecretsAreRejectedAtBuildTime() {
        assertThatThrownBy(() -> KlingSimulator.builder().webhookSecret("whsec_not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KlingSimulator.builder().webhookSecret("whsec_")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCallbackIsSignedOverTheExactBytesSent() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString("a-32-byte-key-for-the-simulator!".getBytes(StandardCharsets.US_ASCII));
        try (KlingSimulator sim = KlingSimulator.builder().webhookSecret(secret).build().start()) {
            assertThat(sim.webhookSecret()).isEqualTo(secret);
            KlingHttp client = KlingHttp.withJwt(sim);
            client.create(T2V, body("prompt", "signed", "callback_url", receiver.url("/signed")));
            client.create(T2V, body("prompt", "signed too", "callback_url", receiver.url("/signed")));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 6);

            List<CallbackReceiver.Received> received = receiver.received();
            long now = Instant.now().getEpochSecond();
            for (CallbackReceiver.Received r : received) {
                String id = r.header("webhook-id");
                String timestamp = r.header("webhook-timestamp");
                String signature = r.header("webhook-signature");
                assertThat(id).isNotBlank();
                assertThat(Math.abs(now - Long.parseLong(timestamp))).isLessThanOrEqualTo(300);
                assertThat(signature).startsWith("v1,");
                String expected = expectedSignature(secret, id, timestamp, r.rawBody());
                assertThat(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII)))
                        .as("signature of %s", r.body()).isTrue();
                assertThat(expectedSignature(secret, id, timestamp, (r.body() + " ").getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signature);
            }
            assertThat(received.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet())).hasSize(6);
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.callbackDeliveries().size() == 6);
            assertThat(sim.callbackDeliveries()).allSatisfy(d -> assertThat(d.headers()).containsKeys(
                    "webhook-id", "webhook-timestamp", "webhook-signature"));
        }
    }

    @Test
    void withoutASecretNoSignatureHeadersAreSent() {
        try (KlingSimulator sim = KlingSimulator.builder().build().start()) {
            KlingHttp.withJwt(sim).create(T2V, body("prompt", "unsigned", "callback_url", receiver.url("/plain")));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);
            assertThat(receiver.received()).allSatisfy(r -> assertThat(r.headers()).doesNotContainKeys(
                    "webhook-id", "webhook-timestamp", "webhook-signature"));
            assertThat(sim.webhookSecret()).isNull();
        }
    }

    @Test
    void duplicatedDeliveriesRepeatEachMessageWithItsWebhookId() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        try (KlingSimulator sim = KlingSimulator.builder().webhookSecret(secret).duplicateCallbacks(true).build().start()) {
            KlingHttp.withJwt(sim).create(T2V, body("prompt", "twice", "callback_url", receiver.url("/dup")));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 6);
            List<CallbackReceiver.Received> received = receiver.received();
            assertThat(received).extracting(r -> read(r.body()).get("task_status").asText())
                    .containsExactly("submitted", "submitted", "processing", "processing", "succeed", "succeed");
            for (int i = 0; i < 6; i += 2) {
                assertThat(received.get(i + 1).header("webhook-id")).isEqualTo(received.get(i).header("webhook-id"));
                assertThat(received.get(i + 1).body()).isEqualTo(received.get(i).body());
            }
            assertThat(Set.of(received.get(0).header("webhook-id"), received.get(2).header("webhook-id"),
                    received.get(4).header("webhook-id"))).hasSize(3);
            assertThat(sim.duplicateCallbacks()).isTrue();
        }
    }

    @Test
    void reorderedDeliveriesSendTheFinalNotificationBeforeThePreviousOne() {
        try (KlingSimulator sim = KlingSimulator.builder().reorderCallbacks(true).build().start()) {
            KlingHttp.withJwt(sim).create(T2V, body("prompt", "out of order", "callback_url", receiver.url("/reorder")));
            KlingHttp.withJwt(sim).create(T2V, body("prompt", "[[fail]]", "callback_url", receiver.url("/reorder")));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 6);
            Map<String, List<String>> byTask = receiver.received().stream().map(r -> read(r.body()))
                    .collect(Collectors.groupingBy(t -> t.get("task_id").asText(), Collectors.mapping(t -> t.get("task_status").asText(),
                            Collectors.toList())));
            assertThat(byTask.values()).containsExactlyInAnyOrder(
                    List.of("submitted", "succeed", "processing"), List.of("submitted", "failed", "processing"));

            sim.reorderCallbacks(false);
            assertThat(sim.reorderCallbacks()).isFalse();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return KlingHttp.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** An implementation of §5.2 written for the test, independent of the simulator's signer. */
    private static String expectedSignature(String secret, String id, String timestamp, byte[] body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, content, 0, prefix.length);
            System.arraycopy(body, 0, content, prefix.length, body.length);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
