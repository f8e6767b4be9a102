package dev.camelkling.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A path pattern with a handler per HTTP method, and whether the Kling authentication applies. */
public final class Route {
    private final PathPattern pattern;
    private final boolean authenticated;
    /** This route's own credential rule, or {@code null} for the router's. */
    private final Authentication authentication;
    private final Map<String, RouteHandler> handlers = new LinkedHashMap<>();

    private Route(String template, boolean authenticated, Authentication authentication) {
        this.pattern = new PathPattern(template);
        this.authenticated = authenticated;
        this.authentication = authentication;
    }

    /** Authenticated with the router's {@link Authentication}. */
    public static Route api(String template) {
        return new Route(template, true, null);
    }

    /** Authenticated with a rule of its own (e.g. API keys only). */
    public static Route api(String template, Authentication authentication) {
        return new Route(template, true, authentication);
    }

    public static Route open(String template) {
        return new Route(template, false, null);
    }

    public Route on(String method, RouteHandler handler) {
        handlers.put(method, handler);
        return this;
    }

    public PathPattern pattern() {
        return pattern;
    }

    public boolean authenticated() {
        return authenticated;
    }

    /** The route's own credential rule, or {@code defaultRule}. */
    public Authentication authentication(Authentication defaultRule) {
        return authentication == null ? defaultRule : authentication;
    }

    public RouteHandler handler(String method) {
        RouteHandler handler = handlers.get(method);
        if (handler == null && "HEAD".equals(method) && !authenticated) {
            // media downloads answer HEAD like GET; the writer drops the body
            handler = handlers.get("GET");
        }
        return handler;
    }
}
