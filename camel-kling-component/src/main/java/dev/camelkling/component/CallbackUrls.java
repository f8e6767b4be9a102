package dev.camelkling.component;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.camelkling.client.request.KlingFeature;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.util.ObjectHelper;

/**
 * Where the callback consumer listens, and the callback URL a producer derives from it: {@code callbackBaseUrl} (the
 * application's public base URL) + the rest configuration's context path + the consumer's {@code callbackPath}.
 */
final class CallbackUrls {

    static final String DEFAULT_PATH_PREFIX = "/kling/callback/";

    private CallbackUrls() {
    }

    /** The consumer's path as given, or the default {@code /kling/callback/<feature>}; always with a leading slash. */
    static String callbackPath(String configured, KlingFeature feature) {
        String path = configured;
        if (ObjectHelper.isEmpty(path)) {
            return DEFAULT_PATH_PREFIX + feature.uriName();
        }
        path = path.strip();
        return path.startsWith("/") ? path : "/" + path;
    }

    /**
     * The path the HTTP server answers on: REST consumer factories put the rest configuration's context path in front
     * of the path they are given.
     */
    static String servedPath(CamelContext context, String callbackPath) {
        RestConfiguration rest = context.getRestConfiguration();
        String contextPath = rest == null ? null : rest.getContextPath();
        String path = callbackPath;
        if (ObjectHelper.isEmpty(contextPath) || contextPath.strip().equals("/")) {
            return path;
        }
        contextPath = contextPath.strip();
        contextPath = contextPath.startsWith("/") ? contextPath : "/" + contextPath;
        contextPath = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
        return contextPath + path;
    }

    /** {@code base + servedPath}, without a doubled or missing slash; {@code null} if the base is unknown. */
    static String publicUrl(String baseUrl, CamelContext context, String callbackPath) {
        if (ObjectHelper.isEmpty(baseUrl)) {
            return null;
        }
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + servedPath(context, callbackPath);
    }

    /** The consumer's URL on the producer's {@code callbackBaseUrl}, else on the consumer's; {@code null} if neither is set. */
    private static String publicUrl(CamelContext context, KlingConfiguration producer, CallbackReceiver consumer) {
        String base = ObjectHelper.isNotEmpty(producer.getCallbackBaseUrl())
                ? producer.getCallbackBaseUrl() : consumer.configuration().getCallbackBaseUrl();
        return publicUrl(base, context, consumer.callbackPath());
    }

    /**
     * The URL of the callback consumer the producer names in {@code callbackReceiver} (a route id).
     *
     * @throws IllegalStateException when that route is not a callback consumer of the feature and account, or no base
     *                               URL is known
     */
    private static String ofReceiver(CamelContext context, KlingFeature feature, KlingConfiguration producer) {
        String routeId = producer.getCallbackReceiver().strip();
        Route route = context.getRoute(routeId);
        if (route == null || !(route.getConsumer() instanceof CallbackReceiver consumer) || consumer.feature() != feature
            || !sameAccount(producer, consumer.configuration())) {
            throw new IllegalStateException("callbackReceiver " + routeId + " must be the route id of a kling callback"
                                            + " consumer (consumerMode=callback) of " + feature.uriName()
                                            + " on the producer's Kling account, and is not");
        }
        String url = publicUrl(context, producer, consumer);
        if (url == null) {
            throw new IllegalStateException("callbackReceiver " + routeId + ": its public URL is unknown; set"
                                            + " callbackBaseUrl (on the producer, that consumer or the component) or callbackUrl");
        }
        return url;
    }

    /** The consumer re-reads announced tasks: it must read where the producer creates them. */
    private static boolean sameAccount(KlingConfiguration producer, KlingConfiguration consumer) {
        return Objects.equals(producer.getBaseUrl(), consumer.getBaseUrl())
               && Objects.equals(producer.getAccessKey(), consumer.getAccessKey())
               && Objects.equals(producer.getApiKey(), consumer.getApiKey());
    }

    /**
     * The {@code callback_url} a producer without one should send: the URL of the callback consumer of the same feature
     * and Kling account (base URL and credentials) in its CamelContext, on the producer's {@code callbackBaseUrl}, else on the consumer's;
     * the one its {@code callbackReceiver} names, if it names one.
     *
     * @return {@code null} when there is no such consumer, or no base URL is known
     * @throws IllegalStateException when several callback consumers of the feature give different URLs, or the
     *                               {@code callbackReceiver} is not one
     */
    static String forProducer(CamelContext context, KlingFeature feature, KlingConfiguration producer) {
        if (ObjectHelper.isNotEmpty(producer.getCallbackReceiver())) {
            return ofReceiver(context, feature, producer);
        }
        Set<String> urls = new TreeSet<>();
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof CallbackReceiver consumer && consumer.feature() == feature
                && sameAccount(producer, consumer.configuration())) {
                String url = publicUrl(context, producer, consumer);
                if (url != null) {
                    urls.add(url);
                }
            }
        }
        if (urls.size() > 1) {
            throw new IllegalStateException("Several kling callback consumers serve " + feature.uriName() + " callbacks ("
                                            + String.join(", ", urls) + "): set callbackUrl on the producer");
        }
        return urls.isEmpty() ? null : urls.iterator().next();
    }
}
