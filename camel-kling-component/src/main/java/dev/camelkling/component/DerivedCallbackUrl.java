package dev.camelkling.component;

import java.util.function.Supplier;

import org.apache.camel.CamelContext;

/**
 * The {@code callback_url} a producer sends when the exchange names none ({@link CallbackUrls#forProducer}), looked up
 * once per producer: when the producer starts in a running CamelContext, else once the CamelContext has started its
 * routes (or at a create that comes first). Routes added or removed afterwards do not change it; a restarted producer
 * looks again. A lookup that failed (several consumers) fails every create that would have sent the URL.
 */
final class DerivedCallbackUrl {

    private static final DerivedCallbackUrl NONE = new DerivedCallbackUrl(() -> null);

    private final Supplier<String> lookup;
    private volatile Outcome outcome;

    DerivedCallbackUrl(Supplier<String> lookup) {
        this.lookup = lookup;
    }

    /** For features whose requests take no callback URL. */
    static DerivedCallbackUrl none() {
        return NONE;
    }

    /** Looks the URL up now when the context runs, else once it has started all its routes. */
    void lookUpOnceStarted(CamelContext context) throws Exception {
        if (this != NONE) {
            context.addStartupListener((started, alreadyStarted) -> outcome());
        }
    }

    /** The URL, or {@code null} when there is no callback consumer to send callbacks to. */
    String get() {
        return outcome().get();
    }

    private Outcome outcome() {
        Outcome known = outcome;
        if (known == null) {
            synchronized (this) {
                if (outcome == null) {
                    try {
                        outcome = new Outcome(lookup.get(), null);
                    } catch (IllegalStateException e) {
                        outcome = new Outcome(null, e);
                    }
                }
                known = outcome;
            }
        }
        return known;
    }

    private record Outcome(String url, IllegalStateException failure) {
        String get() {
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return url;
        }
    }
}
