package dev.camelkling.karaf.example;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ManagedService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelkling.component.KlingComponent;

/**
 * The example's CamelContext, (re)started whenever its configuration changes. Configuration Admin delivers the
 * properties with Karaf's interpolation applied ({@code $[env:NAME]}, {@code $[secret:file]}), which is why this is a
 * ManagedService rather than a reader of the .cfg file.
 */
final class ExampleCamel implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleCamel.class);
    /** What Camel found, written next to the images: which bundle the component and its configurers came from. */
    static final String WIRING_FILE = "camel-kling-wiring.properties";

    private CamelContext camel;

    @Override
    public synchronized void updated(Dictionary<String, ?> configuration) {
        stop();
        if (configuration == null) {
            LOG.info("No configuration {} yet (etc/{}.cfg): Camel not started", ExampleActivator.PID, ExampleActivator.PID);
            return;
        }
        try {
            camel = start(configuration);
        } catch (Exception e) {
            LOG.error("Could not start the Kling example route", e);
            stop();
        }
    }

    private static CamelContext start(Dictionary<String, ?> configuration) throws Exception {
        Properties properties = new Properties();
        for (String key : Collections.list(configuration.keys())) {
            properties.put(key, String.valueOf(configuration.get(key)));
        }
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("kling-karaf-example");
        // Camel looks its components up in META-INF/services/org/apache/camel/component/<scheme> through its class
        // resolver. camel-karaf's activator registers those files from every bundle for you; without camel-karaf,
        // Camel must be shown a class loader that sees camel-kling's bundle. Nothing is registered by hand: the
        // component, its configurers and URI factory are found from camel-kling's own bundle.
        camel.setApplicationContextClassLoader(KlingComponent.class.getClassLoader());
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new KlingImageRoute());
        camel.start();
        writeWiring(camel, Path.of(properties.getProperty("output.directory")));
        return camel;
    }

    private static void writeWiring(CamelContext camel, Path directory) throws IOException {
        Component kling = camel.getComponent("kling");
        Properties wiring = new Properties();
        wiring.setProperty("component.class", kling.getClass().getName());
        wiring.setProperty("component.bundle", bundleOf(kling.getClass()));
        wiring.setProperty("component.configurer", className(kling.getComponentPropertyConfigurer()));
        wiring.setProperty("endpoint.configurer", className(kling.getEndpointPropertyConfigurer()));
        wiring.setProperty("camel.bundle", bundleOf(CamelContext.class));
        wiring.setProperty("camel.version", camel.getVersion());
        Files.createDirectories(directory);
        try (OutputStream out = Files.newOutputStream(directory.resolve(WIRING_FILE))) {
            wiring.store(out, "what Camel resolved for the kling component");
        }
    }

    private static String bundleOf(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        return bundle == null ? "(not from a bundle)" : bundle.getSymbolicName();
    }

    private static String className(Object o) {
        return o == null ? "(none: reflection)" : o.getClass().getName();
    }

    synchronized void stop() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }
}
