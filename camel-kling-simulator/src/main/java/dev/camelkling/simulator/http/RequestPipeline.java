package dev.camelkling.simulator.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the registered filters, outermost first, and then the terminal handler (the router). An
 * {@link ApiException} thrown by a filter becomes its error envelope (HTTP status and code of its
 * {@link ErrorCode}), exactly as when a handler throws it.
 */
public final class RequestPipeline implements RequestHandler {
    private final List<RequestFilter> filters = new CopyOnWriteArrayList<>();
    private final RequestHandler terminal;

    public RequestPipeline(RequestHandler terminal) {
        this.terminal = terminal;
    }

    public void addFilter(RequestFilter filter) {
        filters.add(filter);
    }

    public void removeFilter(RequestFilter filter) {
        filters.remove(filter);
    }

    @Override
    public SimResponse handle(SimRequest request) {
        return proceed(request, List.copyOf(filters), 0);
    }

    private SimResponse proceed(SimRequest request, List<RequestFilter> chain, int index) {
        if (index >= chain.size()) {
            return terminal.handle(request);
        }
        try {
            return chain.get(index).filter(request, next -> proceed(next, chain, index + 1));
        } catch (ApiException e) {
            // A filter refusing the request answers like a handler would: its own code, status and message.
            // Mapped here, per filter, so that outer filters see an ordinary error response.
            return Envelope.error(e);
        }
    }
}
