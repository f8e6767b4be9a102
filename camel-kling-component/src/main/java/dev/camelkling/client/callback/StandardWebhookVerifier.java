package dev.camelkling.client.callback;

import dev.camelkling.client.error.KlingException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the signature Kling puts on callbacks once a webhook secret ({@code whsec_…}) exists in its console: the
 * Standard Webhooks scheme. The signed content is {@code webhook-id + "." + webhook-timestamp + "." + body} over the
 * exact bytes received, signed with HMAC-SHA256 under the Base64-decoded secret; {@code webhook-signature} holds one or
 * more space-separated {@code v1,<base64>} entries (several during a secret rotation), any of which may match. The
 * comparison is constant-time, and a timestamp further than the tolerance from now is refused, so that a captured
 * callback cannot be replayed later.
 * <p>
 * Thread-safe; create one per secret and reuse it.
 */
public final class StandardWebhookVerifier {

    /** The tolerance Standard Webhooks and Kling recommend: five minutes either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";

    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param secret the webhook secret, {@code whsec_<base64>}; the bare Base64 part is accepted too
     * @throws IllegalArgumentException if the secret is empty or not Base64
     */
    public StandardWebhookVerifier(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The webhook secret is empty");
        }
        String encoded = secret.strip();
        if (encoded.startsWith(SECRET_PREFIX)) {
            encoded = encoded.substring(SECRET_PREFIX.length());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // the message of the decoder could quote the secret; this one does not
            throw new IllegalArgumentException("The webhook secret is not whsec_ followed by Base64");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("The webhook secret is empty");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /**
     * Verifies a callback with a one-off verifier; see {@link #verify(Map, byte[], Instant, Duration)}.
     *
     * @throws IllegalArgumentException if the secret is not usable
     */
    public static void verify(String secret, Map<String, String> headers, byte[] body, Instant now, Duration tolerance) {
        new StandardWebhookVerifier(secret).verify(headers, body, now, tolerance);
    }

    /**
     * Verifies a callback from its request headers, looked up case-insensitively.
     *
     * @param headers   the request headers; only {@code webhook-id}, {@code webhook-timestamp} and
     *                  {@code webhook-signature} are read
     * @param body      the exact bytes received
     * @param now       the current time
     * @param tolerance how far {@code webhook-timestamp} may be from {@code now}; {@code null} disables the check (for
     *                  fixed test vectors only)
     * @throws InvalidWebhookException if a header is missing or malformed, no signature entry matches, or the timestamp
     *                                 is outside the tolerance
     */
    public void verify(Map<String, String> headers, byte[] body, Instant now, Duration tolerance) {
        Objects.requireNonNull(headers, "headers");
        verify(header(headers, HEADER_ID), header(headers, HEADER_TIMESTAMP), header(headers, HEADER_SIGNATURE), body,
                now, tolerance);
    }

    /**
     * Verifies a callback from the three header values.
     *
     * @throws InvalidWebhookException as {@link #verify(Map, byte[], Instant, Duration)}
     */
    public void verify(String id, String timestamp, String signature, byte[] body, Instant now, Duration tolerance) {
        Objects.requireNonNull(body, "body");
        requirePresent(id, HEADER_ID);
        requirePresent(timestamp, HEADER_TIMESTAMP);
        requirePresent(signature, HEADER_SIGNATURE);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new InvalidWebhookException(InvalidWebhookException.Reason.MALFORMED_HEADER,
                    HEADER_TIMESTAMP + " is not a Unix time in seconds");
        }
        if (tolerance != null) {
            Objects.requireNonNull(now, "now");
            long skew = Math.abs(now.getEpochSecond() - seconds);
            if (skew > tolerance.toSeconds()) {
                throw new InvalidWebhookException(InvalidWebhookException.Reason.TIMESTAMP_OUT_OF_TOLERANCE,
                        HEADER_TIMESTAMP + " is " + skew + " s away from now, more than the tolerance of "
                        + tolerance.toSeconds() + " s");
            }
        }
        byte[] expected = (VERSION + "," + Base64.getEncoder().encodeToString(mac(id, timestamp.strip(), body)))
                .getBytes(StandardCharsets.US_ASCII);
        boolean anyV1 = false;
        boolean matched = false;
        for (String entry : signature.strip().split(" +")) {
            if (!entry.startsWith(VERSION + ",")) {
                continue; // another scheme version: not ours to judge
            }
            anyV1 = true;
            // no early exit: every entry is compared, each in constant time
            matched |= MessageDigest.isEqual(expected, entry.getBytes(StandardCharsets.US_ASCII));
        }
        if (!matched) {
            throw new InvalidWebhookException(InvalidWebhookException.Reason.SIGNATURE_MISMATCH,
                    anyV1 ? "No " + HEADER_SIGNATURE + " entry matches the body"
                            : HEADER_SIGNATURE + " has no v1 entry");
        }
    }

    /** Like {@link #verify(Map, byte[], Instant, Duration)}, answering {@code false} instead of throwing. */
    public boolean isValid(Map<String, String> headers, byte[] body, Instant now, Duration tolerance) {
        try {
            verify(headers, body, now, tolerance);
            return true;
        } catch (InvalidWebhookException e) {
            return false;
        }
    }

    /**
     * The {@code webhook-signature} value this secret gives a message: {@code v1,<base64>}. The sending side of the
     * scheme, for simulators and tests.
     */
    public String sign(String id, long timestamp, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(mac(id, Long.toString(timestamp), body));
    }

    /** The three headers a sender adds to a message signed now. */
    public Map<String, String> signatureHeaders(String id, Instant now, byte[] body) {
        long timestamp = now.getEpochSecond();
        return Map.of(HEADER_ID, id, HEADER_TIMESTAMP, Long.toString(timestamp), HEADER_SIGNATURE,
                sign(id, timestamp, body));
    }

    private byte[] mac(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String header(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void requirePresent(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new InvalidWebhookException(InvalidWebhookException.Reason.MISSING_HEADER, header + " is missing");
        }
    }

    @Override
    public String toString() {
        return "StandardWebhookVerifier[secret=xxxxxx]";
    }

    /**
     * A callback that failed verification. The message names the reason, never the secret or the expected signature.
     */
    public static final class InvalidWebhookException extends KlingException {

        private static final long serialVersionUID = 1L;

        /** Why a callback was refused. */
        public enum Reason {
            MISSING_HEADER,
            MALFORMED_HEADER,
            TIMESTAMP_OUT_OF_TOLERANCE,
            SIGNATURE_MISMATCH
        }

        private final Reason reason;

        public InvalidWebhookException(Reason reason, String message) {
            super(message);
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        public Reason reason() {
            return reason;
        }
    }
}
