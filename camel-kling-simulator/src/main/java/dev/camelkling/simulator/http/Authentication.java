package dev.camelkling.simulator.http;

/**
 * Checks the credential of a request to an authenticated route. The HTTP layer only needs the account a request
 * belongs to; which credentials exist and how they are verified is the business of the implementation.
 */
@FunctionalInterface
public interface Authentication {
    /**
     * @param authorization the {@code Authorization} header, {@code null} when absent
     * @return the id of the account the credential opens
     * @throws ApiException with a 401 code when the credential is missing, malformed or not accepted
     */
    String accountId(String authorization);
}
