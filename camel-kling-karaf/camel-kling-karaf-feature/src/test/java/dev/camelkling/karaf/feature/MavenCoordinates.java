package dev.camelkling.karaf.feature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Karaf bundle location {@code [wrap:]mvn:group/artifact/version[/type[/classifier]][$instructions]}: the Maven
 * coordinates, and for {@code wrap:} the bnd instructions pax-url-wrap applies.
 */
record MavenCoordinates(String groupId, String artifactId, String version, String type, String classifier,
        boolean wrapped, Map<String, String> wrapInstructions) {

    static MavenCoordinates parse(String location) {
        String rest = location.trim();
        boolean wrapped = rest.startsWith("wrap:");
        if (wrapped) {
            rest = rest.substring("wrap:".length());
        }
        Map<String, String> instructions = new LinkedHashMap<>();
        int dollar = rest.indexOf('$');
        if (dollar >= 0) {
            for (String pair : rest.substring(dollar + 1).split("&")) {
                int eq = pair.indexOf('=');
                instructions.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            rest = rest.substring(0, dollar);
        }
        if (!rest.startsWith("mvn:")) {
            throw new IllegalArgumentException("not a Maven location: " + location);
        }
        String[] parts = rest.substring("mvn:".length()).split("/");
        if (parts.length < 3 || parts.length > 5) {
            throw new IllegalArgumentException("expected mvn:group/artifact/version[/type[/classifier]]: " + location);
        }
        return new MavenCoordinates(parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : "jar",
                parts.length > 4 ? parts[4] : "", wrapped, instructions);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + type + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + version;
    }
}
