package dev.camelkling.karaf.feature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The artifacts Maven resolved for this module ({@code dependency:list} with absolute file names, written before the
 * tests run): reactor modules of this build and what came from the local repository. "Resolvable" in these checks
 * means "Maven resolved it for this build", so the feature cannot name something the build never had.
 */
record ResolvedArtifacts(List<Artifact> artifacts) {

    record Artifact(String groupId, String artifactId, String type, String classifier, String version, Path file) {

        boolean matches(MavenCoordinates coordinates) {
            return groupId.equals(coordinates.groupId()) && artifactId.equals(coordinates.artifactId())
                    && version.equals(coordinates.version()) && type.equals(coordinates.type())
                    && classifier.equals(coordinates.classifier());
        }
    }

    // g:a:type[:classifier]:version:scope:/path [-- module name]
    private static final Pattern LINE = Pattern.compile(
            "^\\s*([^:\\s]+):([^:\\s]+):([^:\\s]+)(?::([^:\\s]+))?:([^:\\s]+):(compile|provided|runtime|test|system|import):(.+?)(?:\\s+--\\s+module\\s.*)?$");

    static ResolvedArtifacts fromSystemProperty() throws IOException {
        Path listing = Path.of(System.getProperty("resolved.artifacts", "target/resolved-artifacts.txt"));
        List<Artifact> artifacts = Files.readAllLines(listing).stream()
                .map(LINE::matcher)
                .filter(Matcher::matches)
                .map(m -> new Artifact(m.group(1), m.group(2), m.group(3), m.group(4) == null ? "" : m.group(4),
                        m.group(5), Path.of(m.group(7).trim())))
                .toList();
        if (artifacts.isEmpty()) {
            throw new IllegalStateException("no artifacts listed in " + listing);
        }
        return new ResolvedArtifacts(artifacts);
    }

    Optional<Artifact> find(MavenCoordinates coordinates) {
        return artifacts.stream().filter(a -> a.matches(coordinates)).findFirst();
    }

    Artifact require(String groupId, String artifactId) {
        return artifacts.stream()
                .filter(a -> a.groupId().equals(groupId) && a.artifactId().equals(artifactId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(groupId + ":" + artifactId + " was not resolved"));
    }
}
