package dev.camelkling.quarkus.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import dev.camelkling.simulator.KlingSimulator;

/** What {@link KlingSimulatorResource} set up for one application start, handed to the test. */
public record PosterFixture(KlingSimulator simulator, Path inbox, Path outbox, Path logFile) {

    /** Puts a prompt file into the application's inbox, whole: written under another name, then moved. */
    public void dropPrompt(String name, String prompt) throws IOException {
        Files.createDirectories(inbox);
        Path partial = Files.writeString(inbox.resolve(name + ".partial"), prompt);
        Files.move(partial, inbox.resolve(name + ".txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The posters the application wrote for a prompt file: {@code <name>-<task id>.png}. */
    public List<Path> postersOf(String promptName) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.getFileName().toString().matches(promptName + "-\\d+\\.png")).toList();
        }
    }
}
