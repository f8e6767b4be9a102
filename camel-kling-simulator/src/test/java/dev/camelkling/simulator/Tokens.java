package dev.camelkling.simulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** Signs Kling JWTs with java-jwt, an implementation independent of the simulator's verifier. */
final class Tokens {
    private Tokens() {
    }

    static String valid(String accessKey, String secretKey) {
        Instant now = Instant.now();
        return sign(accessKey, secretKey, now.minusSeconds(5), now.plusSeconds(1800));
    }

    static String sign(String accessKey, String secretKey, Instant notBefore, Instant expiresAt) {
        return JWT.create()
                .withHeader(Map.of("alg", "HS256", "typ", "JWT"))
                .withIssuer(accessKey)
                .withNotBefore(Date.from(notBefore))
                .withExpiresAt(Date.from(expiresAt))
                .sign(Algorithm.HMAC256(secretKey));
    }
}
