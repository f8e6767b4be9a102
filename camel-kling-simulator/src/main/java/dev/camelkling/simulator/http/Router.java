package dev.camelkling.simulator.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds the route for a path and applies the order of checks the simulator promises: unknown path →
 * plain 404; known path, unknown method → 404/1202 (before authentication, as routing happens first);
 * then authentication (401/100x); then the handler.
 */
public final class Router implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Authentication authentication;

    public Router(Authentication authentication) {
        this.authentication = authentication;
    }

    public Router add(Route route) {
        routes.add(route);
        return this;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        for (Route route : routes) {
            Map<String, String> variables = route.pattern().match(request.path());
            if (variables != null) {
                return dispatch(route, variables, request);
            }
        }
        return SimResponse.plainNotFound();
    }

    private SimResponse dispatch(Route route, Map<String, String> variables, SimRequest request) {
        try {
            RouteHandler handler = route.handler(request.method());
            if (handler == null) {
                throw new ApiException(ErrorCode.METHOD_INVALID,
                        "request method " + request.method() + " is invalid for " + request.path());
            }
            String accountId = route.authenticated()
                    ? route.authentication(authentication).accountId(request.header("Authorization")) : null;
            return handler.handle(new RouteHandler.Call(request, accountId, variables));
        } catch (ApiException e) {
            return Envelope.error(e);
        } catch (RuntimeException e) {
            LOG.warn("internal error handling {} {}", request.method(), request.path(), e);
            return Envelope.error(ErrorCode.INTERNAL_ERROR, "internal error: " + e.getClass().getSimpleName());
        }
    }
}
