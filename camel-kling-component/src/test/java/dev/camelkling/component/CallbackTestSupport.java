package dev.camelkling.component;

import org.apache.camel.CamelContext;
import org.apache.camel.test.AvailablePortFinder;

/** Tests with callback consumers: the context has the application's HTTP server ({@link LoopbackHttpServer}) on {@link #port}. */
abstract class CallbackTestSupport extends KlingTestSupport {

    final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LoopbackHttpServer.addTo(context, port);
        return context;
    }
}
