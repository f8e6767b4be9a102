package dev.camelkling.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.http.ErrorCode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

/**
 * Verifies the client-signed Kling JWT without any JWT library, so a bug in a shared library cannot
 * hide on both sides of the wire. Checks run in the order that leaks least: shape (1002), issuer and
 * signature (1000), then the time window (1003, 1004) with no leeway.
 */
public final class Hs256JwtVerifier {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private final CredentialRegistry registry;
    private final Clock clock;

    public Hs256JwtVerifier(CredentialRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public Account verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw invalid("token must have three dot-separated parts");
        }
        JsonNode header = decodeJsonObject(parts[0], "header");
        JsonNode claims = decodeJsonObject(parts[1], "payload");
        byte[] signature = decodeBase64Url(parts[2], "signature");

        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual()) {
            throw invalid("token header has no alg");
        }
        if (!"HS256".equals(alg.asText())) {
            // A well-formed token we refuse to trust (e.g. alg "none"): an authentication failure.
            throw new ApiException(ErrorCode.AUTHENTICATION_FAILED, "token algorithm must be HS256");
        }
        JsonNode iss = claims.get("iss");
        if (iss != null && !iss.isNull() && !iss.isTextual()) {
            throw invalid("token claim iss must be a string");
        }
        long nbfMillis = numericDateMillis(claims, "nbf", false);
        long expMillis = numericDateMillis(claims, "exp", true);

        CredentialRegistry.SigningKey key = registry.signingKey(iss == null || iss.isNull() ? "" : iss.asText())
                .orElseThrow(() -> new ApiException(ErrorCode.AUTHENTICATION_FAILED, "access key (iss) is unknown"));
        byte[] expected = hmacSha256(key.secret(), (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new ApiException(ErrorCode.AUTHENTICATION_FAILED, "token signature is invalid");
        }
        long now = clock.millis();
        if (nbfMillis != Long.MIN_VALUE && nbfMillis > now) {
            throw new ApiException(ErrorCode.TOKEN_NOT_YET_VALID, "token is not yet valid (nbf is in the future)");
        }
        if (expMillis <= now) {
            throw new ApiException(ErrorCode.TOKEN_EXPIRED, "token has expired (exp has passed)");
        }
        return key.account();
    }

    private static JsonNode decodeJsonObject(String part, String what) {
        byte[] json = decodeBase64Url(part, what);
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw invalid("token " + what + " is not a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw invalid("token " + what + " is not valid JSON");
        }
    }

    private static byte[] decodeBase64Url(String part, String what) {
        try {
            return URL_DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw invalid("token " + what + " is not base64url");
        }
    }

    /** @return the claim in epoch ms, or {@link Long#MIN_VALUE} when an optional claim is absent */
    private static long numericDateMillis(JsonNode claims, String name, boolean required) {
        JsonNode value = claims.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid("token claim " + name + " is missing");
            }
            return Long.MIN_VALUE;
        }
        if (!value.isNumber()) {
            throw invalid("token claim " + name + " must be a NumericDate (seconds)");
        }
        return (long) Math.floor(value.asDouble() * 1000.0);
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // An empty secret is legal for HMAC but not for SecretKeySpec; one zero byte is equivalent.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.AUTHORIZATION_INVALID, message);
    }
}
