package dev.camelkling.component;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which HTTP server serves the callback path: the component needs none of its own, it registers the path with a
 * {@link RestConsumerFactory} of the application.
 */
final class CallbackServer {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackServer.class);

    private CallbackServer() {
    }

    /**
     * The configured {@code callbackComponent}, the rest configuration's component, platform-http when it is on the
     * classpath, or the only RestConsumerFactory there is.
     */
    static RestConsumerFactory resolve(CamelContext context, String callbackComponent) {
        if (ObjectHelper.isNotEmpty(callbackComponent)) {
            return named(context, callbackComponent, "callbackComponent");
        }
        RestConfiguration rest = context.getRestConfiguration();
        if (rest != null && ObjectHelper.isNotEmpty(rest.getComponent())) {
            return named(context, rest.getComponent(), "the rest configuration's component");
        }
        if (component(context, "platform-http") instanceof RestConsumerFactory factory) {
            return factory;
        }
        Set<RestConsumerFactory> found = new LinkedHashSet<>();
        for (String name : context.getComponentNames()) {
            if (context.getComponent(name, false) instanceof RestConsumerFactory factory) {
                found.add(factory);
            }
        }
        found.addAll(context.getRegistry().findByType(RestConsumerFactory.class));
        if (found.size() == 1) {
            return found.iterator().next();
        }
        throw new IllegalStateException(found.isEmpty()
                ? "consumerMode=callback needs an HTTP server to receive Kling's callbacks on, and no RestConsumerFactory"
                  + " was found: add camel-platform-http-main (or camel-platform-http with an engine such as"
                  + " camel-platform-http-vertx, or another REST consumer component such as servlet or undertow)"
                : "consumerMode=callback found " + found.size() + " RestConsumerFactory components; name the one to serve"
                  + " Kling's callbacks with callbackComponent");
    }

    private static RestConsumerFactory named(CamelContext context, String name, String source) {
        if (context.getRegistry().lookupByName(name) instanceof RestConsumerFactory factory) {
            return factory;
        }
        if (component(context, name) instanceof RestConsumerFactory factory) {
            return factory;
        }
        throw new IllegalStateException("consumerMode=callback: " + name + " (" + source + ") is neither a bean nor a"
                                        + " component that is a RestConsumerFactory, so it cannot serve Kling's callbacks;"
                                        + " is its component on the classpath?");
    }

    /** The component of that name, created from the classpath if needed; {@code null} if there is none. */
    private static Object component(CamelContext context, String name) {
        try {
            return context.getComponent(name, true);
        } catch (RuntimeException e) {
            LOG.debug("No component {}: {}", name, e.getMessage());
            return null;
        }
    }
}
