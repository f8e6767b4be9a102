package dev.camelkling.karaf.example;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedService;

/**
 * A route bundle as a Karaf user would write it without Blueprint: Camel comes from the container, camel-kling from
 * its own bundle, the settings from etc/{@value #PID}.cfg through Configuration Admin.
 */
public final class ExampleActivator implements BundleActivator {

    static final String PID = "dev.camelkling.example";

    private final ExampleCamel camel = new ExampleCamel();
    private ServiceRegistration<ManagedService> registration;

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_PID, PID);
        registration = context.registerService(ManagedService.class, camel, properties);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        camel.stop();
    }
}
