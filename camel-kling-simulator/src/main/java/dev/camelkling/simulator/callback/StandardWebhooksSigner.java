package dev.camelkling.simulator.callback;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs callbacks as the real service does once a webhook secret exists (Standard Webhooks, §5.2):
 * {@code webhook-id} (unique per message), {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, where
 * {@code key} is the Base64-decoded secret without its {@code whsec_} prefix and {@code body} the exact
 * bytes sent.
 */
public final class StandardWebhooksSigner implements CallbackSigner {
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    static final String SECRET_PREFIX = "whsec_";

    private final byte[] key;
    private final Clock clock;

    /** @param secret {@code whsec_<base64 key>} (the prefix is optional), as shown in the Kling console */
    public StandardWebhooksSigner(String secret) {
        this(secret, Clock.systemUTC());
    }

    /** @param clock the source of {@code webhook-timestamp}; receivers compare it with their real clock */
    public StandardWebhooksSigner(String secret, Clock clock) {
        this.key = decodeSecret(secret);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The HMAC key of a {@code whsec_...} secret; rejects an empty or non-Base64 secret. */
    public static byte[] decodeSecret(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("webhook secret must not be null");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret must be whsec_ followed by Base64: " + e.getMessage());
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("webhook secret must not be empty");
        }
        return key;
    }

    @Override
    public Map<String, String> headers(byte[] body) {
        return headers(newMessageId(), body);
    }

    @Override
    public Map<String, String> headers(String messageId, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID_HEADER, messageId);
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(SIGNATURE_HEADER, sign(messageId, timestamp, body));
        return headers;
    }

    /** {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}. */
    public String sign(String messageId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A fresh message id, {@code msg_} plus a random UUID without dashes. */
    public static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }
}
