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
    /** Kling's wording is not published (kling-api-2026.md §1 only says it tells the user to create an API key). */
    static final String JWT_ON_NEW_DESIGN = "This API only accepts an API key: create an API key in the Kling console"
            + " and send it as 'Authorization: Bearer <API key>' (JWT access/secret key tokens are not supported here)";

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

    /**
     * The rule of the 2026 new design (kling-api-2026.md §1): API keys only; a JWT is 401/1002 with a message telling
     * the caller to create an API key.
     */
    public Authentication apiKeyOnly() {
        return authorization -> {
            String credential = bearerCredential(authorization);
            if (looksLikeJwt(credential)) {
                throw new ApiException(ErrorCode.AUTHORIZATION_INVALID, JWT_ON_NEW_DESIGN);
            }
            return apiKeyAccount(credential).id();
        };
    }

    public Account authenticate(String authorization) {
        String credential = bearerCredential(authorization);
        if (looksLikeJwt(credential)) {
            return jwtVerifier.verify(credential);
        }
        return apiKeyAccount(credential);
    }

    private Account apiKeyAccount(String credential) {
        return registry.apiKeyAccount(credential)
                .orElseThrow(() -> new ApiException(ErrorCode.AUTHENTICATION_FAILED, "API key is unknown"));
    }

    /** Missing/empty → 1001; not {@code Bearer <credential>} → 1002. */
    private static String bearerCredential(String authorization) {
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
        return credential;
    }

    private static boolean looksLikeJwt(String credential) {
        return credential.chars().filter(c -> c == '.').count() == 2;
    }
}
