package dev.camelkling.simulator.http;

/** Turns a request into a response; the router and every pipeline stage below a filter is one. */
@FunctionalInterface
public interface RequestHandler {
    SimResponse handle(SimRequest request);
}
