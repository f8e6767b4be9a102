package dev.camelkling.kamelets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.camelkling.kamelets.generator.ComponentMetadata;
import dev.camelkling.kamelets.generator.KameletCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets in src/main/resources/kamelets are generated from the component's metadata and committed (as
 * apache/camel-kamelets commits its catalog). This test regenerates them and fails on any difference, so a change of
 * the component's options cannot leave the Kamelets behind; run it with {@code -Dkling.kamelets.update=true} to
 * rewrite them.
 */
class GeneratedKameletsTest {

    static final Path KAMELETS = Path.of("src", "main", "resources", "kamelets");

    @Test
    void committedKameletsEqualWhatTheComponentMetadataGenerates() throws IOException {
        Map<String, String> generated = new TreeMap<>(KameletCatalog.files(ComponentMetadata.load()));

        if (Boolean.getBoolean("kling.kamelets.update")) {
            Files.createDirectories(KAMELETS);
            try (Stream<Path> stale = Files.list(KAMELETS)) {
                for (Path file : stale.toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, String> kamelet : generated.entrySet()) {
                Files.writeString(KAMELETS.resolve(kamelet.getKey()), kamelet.getValue(), StandardCharsets.UTF_8);
            }
        }

        assertThat(committed()).as("src/main/resources/kamelets is stale: run mvn -pl camel-kling-kamelets test"
                                   + " -Dtest=GeneratedKameletsTest -Dkling.kamelets.update=true")
                .isEqualTo(generated);
    }

    private static Map<String, String> committed() throws IOException {
        try (Stream<Path> files = Files.list(KAMELETS)) {
            List<Path> list = files.toList();
            Map<String, String> committed = new TreeMap<>();
            for (Path file : list) {
                committed.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            return committed;
        }
    }
}
