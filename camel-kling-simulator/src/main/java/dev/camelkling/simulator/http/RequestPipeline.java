package dev.camelkling.simulator.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs the registered filters, outermost first, and then the terminal handler (the router). */
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
        return chain.get(index).filter(request, next -> proceed(next, chain, index + 1));
    }
}
