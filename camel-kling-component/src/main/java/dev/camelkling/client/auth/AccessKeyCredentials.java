package dev.camelkling.client.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Access key / secret key, signed into an HS256 JWT with exactly {@code iss}, {@code exp} and {@code nbf}, as the
 * vendor samples do. The token is cached and re-signed once less than {@link #RENEW_BEFORE} of its life remains.
 * The cache is a single atomic reference: concurrent callers may occasionally both sign at renewal time, which is
 * harmless and keeps the hot path free of locks.
 */
public final class AccessKeyCredentials implements KlingCredentials {

    static final Duration LIFETIME = Duration.ofSeconds(1800);
    static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofSeconds(5);
    static final Duration RENEW_BEFORE = Duration.ofSeconds(300);

    private static final Map<String, Object> HEADER = Map.of("alg", "HS256", "typ", "JWT");

    private final String accessKey;
    /** Kept only to tell pairs apart (a wrong secret must not hide behind the right one); never shown. */
    private final String secretKey;
    private final Algorithm algorithm;
    private final AtomicReference<SignedToken> cached = new AtomicReference<>();

    AccessKeyCredentials(String accessKey, String secretKey) {
        this.accessKey = Secrets.requireNonBlank(accessKey, "accessKey");
        this.secretKey = Secrets.requireNonBlank(secretKey, "secretKey");
        this.algorithm = Algorithm.HMAC256(this.secretKey);
    }

    @Override
    public String authorizationHeader(Clock clock) {
        Instant now = clock.instant();
        SignedToken token = cached.get();
        if (token == null || !token.usableAt(now)) {
            token = sign(now);
            cached.set(token);
        }
        return token.header();
    }

    @Override
    public boolean renewAfterRejection(String rejectedHeader) {
        // Only drop the token that was rejected: another thread may already have cached a fresh one.
        SignedToken token = cached.get();
        if (token != null && token.header().equals(rejectedHeader)) {
            cached.compareAndSet(token, null);
        }
        return true;
    }

    /** The access key is the JWT's issuer, not the secret; still, only its first characters are shown. */
    @Override
    public String maskedId() {
        return Secrets.maskKeepingStart(accessKey);
    }

    /** Both keys: the same access key with another secret key is a different (probably broken) configuration. */
    @Override
    public String accountIdentity() {
        return accessKey + '\n' + secretKey;
    }

    private SignedToken sign(Instant now) {
        Instant notBefore = now.minus(CLOCK_SKEW_ALLOWANCE);
        Instant expiresAt = now.plus(LIFETIME);
        String jwt = JWT.create()
                .withHeader(HEADER)
                .withIssuer(accessKey)
                .withExpiresAt(Date.from(expiresAt))
                .withNotBefore(Date.from(notBefore))
                .sign(algorithm);
        return new SignedToken("Bearer " + jwt, notBefore, expiresAt);
    }

    @Override
    public String toString() {
        return "KlingCredentials[accessKey=****, secretKey=****]";
    }

    private record SignedToken(String header, Instant notBefore, Instant expiresAt) {

        boolean usableAt(Instant now) {
            // A clock that moved backwards past nbf would make the server answer 1003, so re-sign then too.
            return !now.isBefore(notBefore) && now.isBefore(expiresAt.minus(RENEW_BEFORE));
        }

        @Override
        public String toString() {
            return "SignedToken[****]";
        }
    }
}
