package dev.camelkling.simulator.http;

import java.util.Map;

/** Handles one method on one route; throws {@link ApiException} for Kling errors. */
@FunctionalInterface
public interface RouteHandler {

    SimResponse handle(Call call);

    /**
     * @param accountId the authenticated caller's account, or {@code null} on routes without authentication
     * @param variables path variables captured by the route's {@link PathPattern}
     */
    record Call(SimRequest request, String accountId, Map<String, String> variables) {
        public String variable(String name) {
            return variables.get(name);
        }
    }
}
