package dev.camelkling.simulator.fault;

import dev.camelkling.simulator.http.SimRequest;

import java.util.Locale;

/**
 * Which requests a fault rule or script entry applies to: an HTTP method (or any) and a path, either
 * as a prefix or exact. Creates are {@code POST} on a product path; get-one is {@code GET} on
 * {@code <product path>/} (prefix); lists and {@code ?external_task_id=} lookups are {@code GET} on the
 * exact product path.
 *
 * @param method upper-case method, or {@code null} for any
 * @param path   the raw request path to compare with; {@code ""} with {@code prefix} = every path
 * @param prefix whether {@code path} is a prefix (else the path must be equal)
 */
public record FaultMatch(String method, String path, boolean prefix) {

    public FaultMatch {
        method = method == null || method.isBlank() || method.equals("*") ? null : method.trim().toUpperCase(Locale.ROOT);
        path = path == null ? "" : path;
    }

    /** Every request (except the admin path, which is never faulted). */
    public static FaultMatch any() {
        return new FaultMatch(null, "", true);
    }

    /** {@code POST /v1/...}: every create (and identify-face). */
    public static FaultMatch creates() {
        return new FaultMatch("POST", "/v1/", true);
    }

    /** {@code GET /v1/...}: get-one, lists and external-id lookups. */
    public static FaultMatch queries() {
        return new FaultMatch("GET", "/v1/", true);
    }

    /** A method ({@code null} = any) and a path prefix. */
    public static FaultMatch prefix(String method, String pathPrefix) {
        return new FaultMatch(method, pathPrefix, true);
    }

    /** A method ({@code null} = any) and an exact path. */
    public static FaultMatch exact(String method, String path) {
        return new FaultMatch(method, path, false);
    }

    public boolean matches(SimRequest request) {
        return matches(request.method(), request.path());
    }

    public boolean matches(String requestMethod, String requestPath) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        return prefix ? requestPath.startsWith(path) : requestPath.equals(path);
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + (prefix ? path + "*" : path);
    }
}
