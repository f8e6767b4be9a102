package dev.camelkling.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A path pattern with a handler per HTTP method, and whether the Kling authentication applies. */
public final class Route {
    private final PathPattern pattern;
    private final boolean authenticated;
    private final Map<String, RouteHandler> handlers = new LinkedHashMap<>();

    private Route(String template, boolean authenticated) {
        this.pattern = new PathPattern(template);
        this.authenticated = authenticated;
    }

    public static Route api(String template) {
        return new Route(template, true);
    }

    public static Route open(String template) {
        return new Route(template, false);
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

    public RouteHandler handler(String method) {
        RouteHandler handler = handlers.get(method);
        if (handler == null && "HEAD".equals(method) && !authenticated) {
            // media downloads answer HEAD like GET; the writer drops the body
            handler = handlers.get("GET");
        }
        return handler;
    }
}
