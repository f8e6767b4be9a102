package dev.camelkling.client;

import dev.camelkling.client.callback.StandardWebhookVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import dev.camelkling.client.callback.StandardWebhookVerifier.InvalidWebhookException;
import dev.camelkling.client.callback.StandardWebhookVerifier.InvalidWebhookException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardWebhookVerifierTest {

    // The vendor's test vector (kling-api.md §5.2)
    private static final String SECRET = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=";
    private static final String ID = "9876543210";
    private static final String TIMESTAMP = "1781080794";
    private static final byte[] BODY = ("{\"id\":\"1234567890\",\"status\":\"succeeded\",\"message\":\"\","
                                        + "\"create_time\":1781080778802,\"update_time\":1781080794151}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr7NJ4=";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));

    private static final String OTHER_SECRET
            = "whsec_" + Base64.getEncoder().encodeToString("another-secret-another-secret-32".getBytes(StandardCharsets.UTF_8));

    private static Map<String, String> headers(String id, String timestamp, String signature) {
        Map<String, String> headers = new HashMap<>();
        if (id != null) {
            headers.put("webhook-id", id);
        }
        if (timestamp != null) {
            headers.put("webhook-timestamp", timestamp);
        }
        if (signature != null) {
            headers.put("webhook-signature", signature);
        }
        return headers;
    }

    @Test
    void vendorTestVectorVerifiesWithTheToleranceDisabled() {
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(SECRET);

        verifier.verify(headers(ID, TIMESTAMP, SIGNATURE), BODY, Instant.now(), null);
        StandardWebhookVerifier.verify(SECRET, headers(ID, TIMESTAMP, SIGNATURE), BODY, Instant.now(), null);
        assertThat(verifier.sign(ID, Long.parseLong(TIMESTAMP), BODY)).isEqualTo(SIGNATURE);
        assertThat(verifier.isValid(headers(ID, TIMESTAMP, SIGNATURE), BODY, SIGNED_AT, StandardWebhookVerifier.DEFAULT_TOLERANCE))
                .isTrue();
    }

    @Test
    void theKeyIsTheBase64DecodedSecretWithOrWithoutPrefix() {
        String bare = SECRET.substring("whsec_".length());
        new StandardWebhookVerifier(bare).verify(ID, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT, Duration.ofMinutes(5));
        assertThat(new String(Base64.getDecoder().decode(bare), StandardCharsets.US_ASCII))
                .isEqualTo("testsecrettestsecrettestsecret12");
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, String> headers = Map.of("Webhook-Id", ID, "WEBHOOK-TIMESTAMP", TIMESTAMP, "Webhook-Signature", SIGNATURE);
        new StandardWebhookVerifier(SECRET).verify(headers, BODY, SIGNED_AT, Duration.ofMinutes(5));
    }

    @Test
    void aWrongSignatureIsRefused() {
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(SECRET);
        String wrong = "v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr8NJ4=";

        assertThatThrownBy(() -> verifier.verify(headers(ID, TIMESTAMP, wrong), BODY, SIGNED_AT, null))
                .isInstanceOfSatisfying(InvalidWebhookException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH))
                .hasMessageNotContaining(SECRET.substring(6));
        assertThat(new StandardWebhookVerifier(OTHER_SECRET).isValid(headers(ID, TIMESTAMP, SIGNATURE), BODY, SIGNED_AT, null))
                .as("another secret").isFalse();
        assertThat(verifier.isValid(headers(ID, TIMESTAMP, "v1,not base64!"), BODY, SIGNED_AT, null)).isFalse();
        assertThat(verifier.isValid(headers(ID, TIMESTAMP, "v2," + SIGNATURE.substring(3)), BODY, SIGNED_AT, null))
                .as("another scheme version").isFalse();
    }

    @Test
    void anyChangeToTheSignedContentIsRefused() {
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(SECRET);
        byte[] changedBody = new String(BODY, StandardCharsets.UTF_8).replace("succeeded", "failed")
                .getBytes(StandardCharsets.UTF_8);
        byte[] reserialized = new String(BODY, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.isValid(headers(ID, TIMESTAMP, SIGNATURE), changedBody, SIGNED_AT, null)).isFalse();
        assertThat(verifier.isValid(headers(ID, TIMESTAMP, SIGNATURE), reserialized, SIGNED_AT, null)).isFalse();
        assertThat(verifier.isValid(headers("9876543211", TIMESTAMP, SIGNATURE), BODY, SIGNED_AT, null)).isFalse();
        assertThat(verifier.isValid(headers(ID, "1781080795", SIGNATURE), BODY, SIGNED_AT, null)).isFalse();
    }

    @Test
    void duringARotationAnyOfSeveralEntriesMayMatch() {
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(SECRET);
        String byOldSecret = new StandardWebhookVerifier(OTHER_SECRET).sign(ID, Long.parseLong(TIMESTAMP), BODY);

        verifier.verify(headers(ID, TIMESTAMP, byOldSecret + " " + SIGNATURE), BODY, SIGNED_AT, null);
        verifier.verify(headers(ID, TIMESTAMP, SIGNATURE + " " + byOldSecret), BODY, SIGNED_AT, null);
        verifier.verify(headers(ID, TIMESTAMP, "v1a,somethingelse  " + SIGNATURE), BODY, SIGNED_AT, null);
        // and the old secret still verifies the same header, so the receiver can switch secrets at any time
        new StandardWebhookVerifier(OTHER_SECRET).verify(headers(ID, TIMESTAMP, SIGNATURE + " " + byOldSecret), BODY,
                SIGNED_AT, null);
        assertThat(verifier.isValid(headers(ID, TIMESTAMP, byOldSecret + " " + byOldSecret), BODY, SIGNED_AT, null))
                .isFalse();
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsRefused() {
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(SECRET);
        Duration tolerance = StandardWebhookVerifier.DEFAULT_TOLERANCE;
        Map<String, String> headers = headers(ID, TIMESTAMP, SIGNATURE);

        verifier.verify(headers, BODY, SIGNED_AT.plusSeconds(300), tolerance);
        verifier.verify(headers, BODY, SIGNED_AT.minusSeconds(300), tolerance);
        assertThatThrownBy(() -> verifier.verify(headers, BODY, SIGNED_AT.plusSeconds(301), tolerance))
                .isInstanceOfSatisfying(InvalidWebhookException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_OUT_OF_TOLERANCE));
        assertThatThrownBy(() -> verifier.verify(headers, BODY, SIGNED_AT.minusSeconds(301), tolerance))
                .as("from the future").isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> verifier.verify(headers(ID, "yesterday", SIGNATURE), BODY, SIGNED_AT, tolerance))
                .isInstanceOfSatisfying(InvalidWebhookException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER));
    }

    @Test
    void missingHeadersAreRefused() {
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(SECRET);

        for (Map<String, String> headers : java.util.List.of(headers(null, TIMESTAMP, SIGNATURE),
                headers(ID, null, SIGNATURE), headers(ID, TIMESTAMP, null), headers(ID, TIMESTAMP, " "), Map.<String, String> of())) {
            assertThatThrownBy(() -> verifier.verify(headers, BODY, SIGNED_AT, null))
                    .isInstanceOfSatisfying(InvalidWebhookException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER));
        }
    }

    @Test
    void signingRoundTripsWithTheCurrentTime() {
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(OTHER_SECRET);
        Instant now = Instant.now();
        Map<String, String> headers = verifier.signatureHeaders("msg_1", now, BODY);

        verifier.verify(headers, BODY, now.plusSeconds(10), StandardWebhookVerifier.DEFAULT_TOLERANCE);
    }

    @Test
    void anUnusableSecretIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> new StandardWebhookVerifier("whsec_not*base64")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not*base64");
        assertThatThrownBy(() -> new StandardWebhookVerifier("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandardWebhookVerifier("whsec_")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new StandardWebhookVerifier(SECRET).toString()).doesNotContain(SECRET.substring(6));
    }
}
