package dev.camelkling.simulator.auth;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.http.Authentication;
import dev.camelkling.simulator.http.ErrorCode;

/**
 * Maps an {@code Authorization} header to an account, with the codes of kling-api.md §7:
 * missing/empty → 1001; not {@code Bearer <credential>} → 1002; a JWT (three dot-separated parts) is
 * verified by {@link Hs256JwtVerifier}; any other credential is an API key, and an unknown API key is
 * 1000 (well-formed but not recognised, like an unknown issuer).
 */
public final class Authenticator implements Authentication {
    private static final String BEARER = "Bearer ";

    private final CredentialRegistry registry;
    private final Hs256JwtVerifier jwtVerifier;

    public Authenticator(CredentialRegistry registry, Hs256JwtVerifier jwtVerifier) {
        this.registry = registry;
        this.jwtVerifier = jwtVerifier;
    }

    @Override
    public String accountId(String authorization) {
        return authenticate(authorization).id();
    }

    public Account authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ApiException(ErrorCode.AUTHORIZATION_MISSING, "Authorization header is missing or empty");
        }
        if (!authorization.startsWith(BEARER)) {
            throw new ApiException(ErrorCode.AUTHORIZATION_INVALID, "Authorization header must be 'Bearer <token>'");
        }
        String credential = authorization.substring(BEARER.length());
        if (credential.isEmpty() || credential.chars().anyMatch(Character::isWhitespace)) {
            throw new ApiException(ErrorCode.AUTHORIZATION_INVALID, "Authorization header must be 'Bearer <token>'");
        }
        if (looksLikeJwt(credential)) {
            return jwtVerifier.verify(credential);
        }
        return registry.apiKeyAccount(credential)
                .orElseThrow(() -> new ApiException(ErrorCode.AUTHENTICATION_FAILED, "API key is unknown"));
    }

    private static boolean looksLikeJwt(String credential) {
        return credential.chars().filter(c -> c == '.').count() == 2;
    }
}
