package dev.camelkling.karaf.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A bundle as Maven resolved it: the packaged jar (after {@code package}) or, in a reactor run that stops earlier, the
 * module's output directory, where bnd writes the same manifest.
 */
final class BundleContent {

    private final Path location;
    private final Manifest manifest;
    private final Set<String> entries;

    private BundleContent(Path location, Manifest manifest, Set<String> entries) {
        this.location = location;
        this.manifest = manifest;
        this.entries = entries;
    }

    static BundleContent of(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            Path manifestFile = location.resolve("META-INF/MANIFEST.MF");
            Manifest manifest = new Manifest();
            if (Files.exists(manifestFile)) {
                try (InputStream in = Files.newInputStream(manifestFile)) {
                    manifest = new Manifest(in);
                }
            }
            try (Stream<Path> files = Files.walk(location)) {
                Set<String> entries = files.filter(Files::isRegularFile)
                        .map(f -> location.relativize(f).toString().replace('\\', '/'))
                        .collect(Collectors.toCollection(TreeSet::new));
                return new BundleContent(location, manifest, entries);
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            Manifest manifest = jar.getManifest() == null ? new Manifest() : jar.getManifest();
            Set<String> entries = jar.stream().filter(e -> !e.isDirectory()).map(e -> e.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            return new BundleContent(location, manifest, entries);
        }
    }

    Path location() {
        return location;
    }

    String header(String name) {
        return manifest.getMainAttributes().getValue(new Attributes.Name(name));
    }

    List<OsgiHeader.Clause> clauses(String header) {
        return OsgiHeader.parse(header(header));
    }

    Set<String> entries() {
        return entries;
    }

    /** Packages that hold at least one class, from the entry names. */
    Set<String> classPackages() {
        return entries.stream()
                .filter(e -> e.endsWith(".class") && !e.startsWith("META-INF/") && e.contains("/"))
                .map(e -> e.substring(0, e.lastIndexOf('/')).replace('/', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    String text(String entry) {
        try {
            if (Files.isDirectory(location)) {
                return Files.readString(location.resolve(entry), StandardCharsets.UTF_8);
            }
            try (JarFile jar = new JarFile(location.toFile());
                 InputStream in = jar.getInputStream(jar.getEntry(entry))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
