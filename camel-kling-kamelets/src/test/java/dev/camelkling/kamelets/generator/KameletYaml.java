package dev.camelkling.kamelets.generator;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@link KameletDefinition} as a Kamelet resource in the shape apache/camel-kamelets uses. The component's
 * version is written as {@code ${project.version}}, which the module's resource filtering replaces at build time.
 */
public final class KameletYaml {

    static final String VERSION = "${project.version}";
    static final String CREDENTIALS_DESCRIPTOR = "urn:camel:group:credentials";

    private KameletYaml() {
    }

    public static String write(KameletDefinition kamelet) {
        StringBuilder out = new StringBuilder();
        out.append("# Generated from the kling component's metadata (kling.json) by ")
                .append("camel-kling-kamelets/src/test/java/dev/camelkling/kamelets/generator.\n")
                .append("# Do not edit: regenerate with mvn -pl camel-kling-kamelets test -Dtest=GeneratedKameletsTest")
                .append(" -Dkling.kamelets.update=true\n");
        out.append("apiVersion: camel.apache.org/v1\n");
        out.append("kind: Kamelet\n");
        out.append("metadata:\n");
        out.append("  name: ").append(kamelet.name()).append('\n');
        out.append("  annotations:\n");
        out.append("    camel.apache.org/kamelet.support.level: \"Preview\"\n");
        out.append("    camel.apache.org/catalog.version: ").append(quoted(VERSION)).append('\n');
        out.append("    camel.apache.org/provider: \"camel-kling\"\n");
        out.append("    camel.apache.org/kamelet.group: \"Kling AI\"\n");
        out.append("    camel.apache.org/kamelet.namespace: \"AI\"\n");
        out.append("  labels:\n");
        out.append("    camel.apache.org/kamelet.type: ").append(quoted(kamelet.type())).append('\n');
        out.append("spec:\n");
        out.append("  definition:\n");
        out.append("    title: ").append(quoted(kamelet.title())).append('\n');
        out.append("    description: ").append(quoted(kamelet.description())).append('\n');
        if (!kamelet.required().isEmpty()) {
            out.append("    required:\n");
            kamelet.required().forEach(name -> out.append("      - ").append(name).append('\n'));
        }
        out.append("    type: object\n");
        out.append("    properties:\n");
        kamelet.properties().forEach(property -> writeProperty(out, property));
        out.append("  dependencies:\n");
        kamelet.dependencies().forEach(dependency -> out.append("    - ").append(quoted(dependency)).append('\n'));
        out.append("  template:\n");
        if (kamelet.type().equals("source")) {
            out.append("    from:\n");
            out.append("      uri: ").append(quoted(kamelet.klingUri())).append('\n');
            writeParameters(out, kamelet.parameters(), "      ");
            out.append("      steps:\n");
            out.append("        - to: \"kamelet:sink\"\n");
        } else {
            out.append("    from:\n");
            out.append("      uri: \"kamelet:source\"\n");
            out.append("      steps:\n");
            if (kamelet.stepsBefore() != null) {
                kamelet.stepsBefore().lines().forEach(line -> out.append("        ").append(line).append('\n'));
            }
            out.append("        - to:\n");
            out.append("            uri: ").append(quoted(kamelet.klingUri())).append('\n');
            writeParameters(out, kamelet.parameters(), "            ");
        }
        return out.toString();
    }

    private static void writeProperty(StringBuilder out, KameletProperty property) {
        String indent = "        ";
        out.append("      ").append(property.name()).append(":\n");
        out.append(indent).append("title: ").append(quoted(property.title())).append('\n');
        out.append(indent).append("description: ").append(quoted(property.description())).append('\n');
        out.append(indent).append("type: ").append(property.type()).append('\n');
        if (property.secret()) {
            out.append(indent).append("format: password\n");
            out.append(indent).append("x-descriptors:\n");
            out.append(indent).append("  - ").append(CREDENTIALS_DESCRIPTOR).append('\n');
        }
        if (!property.enumValues().isEmpty()) {
            out.append(indent).append("enum: [")
                    .append(property.enumValues().stream().map(KameletYaml::scalar).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        if (property.defaultValue() != null) {
            out.append(indent).append("default: ").append(scalar(property.defaultValue())).append('\n');
        }
        if (property.minimum() != null) {
            out.append(indent).append("minimum: ").append(property.minimum()).append('\n');
        }
        if (property.maximum() != null) {
            out.append(indent).append("maximum: ").append(property.maximum()).append('\n');
        }
        if (property.maxLength() != null) {
            out.append(indent).append("maxLength: ").append(property.maxLength()).append('\n');
        }
    }

    private static void writeParameters(StringBuilder out, Map<String, Object> parameters, String indent) {
        out.append(indent).append("parameters:\n");
        parameters.forEach((name, value) -> out.append(indent).append("  ").append(name).append(": ").append(scalar(value)).append('\n'));
    }

    private static String scalar(Object value) {
        return value instanceof String text ? quoted(text) : String.valueOf(value);
    }

    /** A YAML double-quoted scalar (JSON string escaping is valid YAML). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
