package dev.camelkling.kamelets;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * One Camel Main application, as {@code camel run} or a Camel K integration runs it: routes and Pipes loaded from
 * YAML files, Kamelets from the classpath ({@code classpath:kamelets}), settings as application properties.
 */
final class CamelMainRun implements AutoCloseable {

    private final Main main;

    private CamelMainRun(Main main) {
        this.main = main;
    }

    static CamelMainRun start(Map<String, String> properties, Path... routeFiles) throws Exception {
        Main main = new Main();
        StringBuilder pattern = new StringBuilder();
        for (Path file : routeFiles) {
            pattern.append(pattern.length() == 0 ? "" : ",").append("file:").append(file.toAbsolutePath());
        }
        main.configure().withRoutesIncludePattern(pattern.toString());
        // application.properties of the test classpath must not win over the per-test values
        properties.forEach(main::addOverrideProperty);
        main.start();
        return new CamelMainRun(main);
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    ProducerTemplate template() throws Exception {
        return main.getCamelTemplate();
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
