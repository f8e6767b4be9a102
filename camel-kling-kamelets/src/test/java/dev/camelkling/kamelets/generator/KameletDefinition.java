package dev.camelkling.kamelets.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kamelet of the catalog: its definition (the JSON schema of its properties) and its template, a route between
 * {@code kamelet:source}/{@code kamelet:sink} and one kling endpoint.
 *
 * @param type        source, action or sink
 * @param klingUri    the kling endpoint, e.g. {@code kling:text2video} or {@code kling:{{feature}}}
 * @param parameters  the kling endpoint's parameters: the properties' placeholders and fixed settings, in order
 * @param stepsBefore YAML steps run before the kling endpoint (action and sink only), indented as template steps
 * @param dependencies what the template needs at run time, in the Kamelet form (camel:core, mvn:...)
 */
record KameletDefinition(String name, String type, String title, String description, List<String> required,
        List<KameletProperty> properties, String klingUri, Map<String, Object> parameters, String stepsBefore,
        List<String> dependencies) {

    KameletDefinition {
        required = List.copyOf(required);
        dependencies = List.copyOf(dependencies);
        properties = List.copyOf(properties);
        parameters = new LinkedHashMap<>(parameters);
    }

    String fileName() {
        return name + ".kamelet.yaml";
    }
}
