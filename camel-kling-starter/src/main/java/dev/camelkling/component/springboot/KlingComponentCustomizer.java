package dev.camelkling.component.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.camelkling.component.KlingComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.context.ApplicationContext;

/**
 * Copies the properties that were set onto the kling component through its generated configurer. Unset properties
 * are null and are not copied, so the component's own defaults stay in force.
 */
class KlingComponentCustomizer implements ComponentCustomizer {

    private final CamelContext camelContext;
    private final ApplicationContext applicationContext;
    private final KlingComponentConfiguration configuration;

    KlingComponentCustomizer(CamelContext camelContext, ApplicationContext applicationContext,
                             KlingComponentConfiguration configuration) {
        this.camelContext = camelContext;
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Override
    public void configure(String name, Component target) {
        // fail (instead of ignoring) a property the component has no option for: such a property would be silently lost
        CamelPropertiesHelper.setCamelProperties(camelContext, target, componentOptions(), true);
    }

    /**
     * The set properties by option name; the shared configuration object first, so that the flattened options set
     * next refine it instead of being replaced by it (a HashMap order would decide otherwise).
     */
    Map<String, Object> componentOptions() {
        Map<String, Object> set = new TreeMap<>(CamelPropertiesHelper.getNonNullProperties(camelContext, configuration));
        set.remove("enabled");     // the starter's own switches, not component options
        set.remove("customizer");
        Map<String, Object> ordered = new LinkedHashMap<>();
        Object shared = set.remove("configuration");
        if (shared != null) {
            ordered.put("configuration", shared);
        }
        ordered.putAll(set);
        return ordered;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                "camel.component.kling.customizer") && target instanceof KlingComponent;
    }
}
