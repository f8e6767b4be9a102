package dev.camelkling.simulator.http;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the simulator sees it, detached from the JDK exchange so that filters (fault
 * injection, logging) and handlers can be written and tested without a socket.
 *
 * @param method  upper-case HTTP method
 * @param path    the raw (undecoded) path
 * @param query   decoded query parameters, first value per name
 * @param headers header values, keys lower-case
 * @param body    the request body (empty when none)
 */
public record SimRequest(String method, String path, Map<String, String> query,
                         Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasHeader(String name) {
        return headers.containsKey(name.toLowerCase(java.util.Locale.ROOT));
    }
}
