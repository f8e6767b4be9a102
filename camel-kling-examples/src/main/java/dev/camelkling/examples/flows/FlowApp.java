package dev.camelkling.examples.flows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/**
 * Runs one flow in Camel Main, with its routes in the Java DSL or in the YAML DSL (the same routes, written twice, so
 * a user can copy either), pointed at a {@link KlingBackend}. Standalone runs block in {@link #run()}; tests
 * {@link #start()} and {@link #close()} it, as a restart would.
 */
public final class FlowApp implements AutoCloseable {

    /** Which of a flow's two route definitions to load. */
    public enum Dsl {
        JAVA, YAML;

        /** {@code -Dflow.dsl=yaml} picks the YAML routes for a standalone run; Java otherwise. */
        public static Dsl fromSystemProperty() {
            return "yaml".equalsIgnoreCase(System.getProperty("flow.dsl", "java")) ? YAML : JAVA;
        }
    }

    private final Main main = new Main();
    private final Map<String, String> properties = new LinkedHashMap<>();

    /**
     * @param javaRoutes   the flow in the Java DSL
     * @param yamlResource the same flow in the YAML DSL, a classpath resource such as {@code flows/file-flow.yaml}
     */
    public FlowApp(Dsl dsl, RoutesBuilder javaRoutes, String yamlResource, KlingBackend backend) {
        if (dsl == Dsl.JAVA) {
            main.configure().addRoutesBuilder(javaRoutes);
        } else {
            main.configure().withRoutesIncludePattern("classpath:" + yamlResource);
        }
        properties.putAll(backend.properties());
    }

    /** A flow setting ({@code {{name}}} in the routes); overrides application.properties, like a -D option. */
    public FlowApp property(String name, Object value) {
        properties.put(name, String.valueOf(value));
        return this;
    }

    /** Puts a bean in the registry under the name the routes refer to ({@code #name}). */
    public FlowApp bind(String name, Object bean) {
        main.bind(name, bean);
        return this;
    }

    public FlowApp start() throws Exception {
        applyProperties();
        main.start();
        return this;
    }

    /** Runs until the JVM is stopped (Ctrl+C), or the limits set through properties are reached. */
    public void run() throws Exception {
        applyProperties();
        main.run();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Stops the flow gracefully: exchanges in flight complete first, as on a normal shutdown. */
    @Override
    public void close() {
        main.stop();
    }

    private void applyProperties() {
        properties.forEach(main::addOverrideProperty);
    }
}
