package dev.camelkling.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.camelkling.examples.flows.KlingBackend;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.main.Main;

/**
 * Runs the README demo: copies the bundled prompts into an inbox, turns them into videos through {@link DemoRoutes},
 * and exits 0 when every input has become a playable MP4.
 * <p>
 * Against the embedded Kling simulator by default; against the real Kling API when KLING_ACCESS_KEY and
 * KLING_SECRET_KEY, or KLING_API_KEY, are set (KLING_BASE_URL picks another region).
 */
public final class KlingDemo {

    static final List<String> BUNDLED_INPUTS = List.of(
            "01-fox-in-snow.txt", "02-paper-boat.txt", "03-city-night.txt", "04-mountain-sunset.png",
            "showcase.txt", "poster.txt", "hello-from-camel.wav");
    /** One exchange per route input: the four single videos, the showcase chain and the poster. */
    static final int EXCHANGES = 6;
    static final List<String> EXPECTED_OUTPUTS = List.of(
            "01-fox-in-snow.mp4", "02-paper-boat.mp4", "03-city-night.mp4", "04-mountain-sunset.mp4",
            "showcase-1-text2video.mp4", "showcase-2-video-extend.mp4", "showcase-3-lip-sync.mp4", "poster.png");

    private KlingDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "kling-demo-output").toAbsolutePath();
        System.exit(run(work, System.getenv(), SimulatorTiming.REALISTIC));
    }

    static int run(Path work, Map<String, String> env, SimulatorTiming simulatorTiming) throws Exception {
        Path inbox = work.resolve("prompts");
        Path outbox = work.resolve("results");
        copyBundledInputs(inbox);
        Files.createDirectories(outbox);

        try (KlingBackend backend = KlingBackend.fromEnvironment(env, simulatorTiming)) {
            System.out.println("Using " + backend.describe());
            Main main = new Main();
            backend.properties().forEach(main::addOverrideProperty);
            main.configure().addRoutesBuilder(new DemoRoutes(inbox, outbox));
            main.configure().withDurationMaxMessages(EXCHANGES);
            // a safety net only: the demo ends when every input has been handled
            boolean realApi = backend.simulator().isEmpty();
            main.configure().withDurationMaxSeconds(realApi ? 3600 : simulatorTiming == SimulatorTiming.FAST ? 60 : 300);
            main.run();
        }
        return report(outbox);
    }

    private static int report(Path outbox) throws IOException {
        int written = 0;
        for (String name : EXPECTED_OUTPUTS) {
            Path file = outbox.resolve(name);
            boolean ok = Files.isRegularFile(file) && MediaCheck.isRealMedia(file);
            System.out.printf("%-30s %s%n", name, ok ? Files.size(file) + " bytes" : "MISSING");
            written += ok ? 1 : 0;
        }
        System.out.printf("%d of %d results written to %s%n", written, EXPECTED_OUTPUTS.size(), outbox);
        return written == EXPECTED_OUTPUTS.size() ? 0 : 1;
    }

    private static void copyBundledInputs(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        for (String name : BUNDLED_INPUTS) {
            try (InputStream in = KlingDemo.class.getResourceAsStream("/demo/prompts/" + name)) {
                if (in == null) {
                    throw new IOException("Bundled demo input missing: " + name);
                }
                Files.copy(in, inbox.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> stale = Files.list(inbox)) {
            for (Path p : stale.filter(p -> !BUNDLED_INPUTS.contains(p.getFileName().toString())).toList()) {
                Files.delete(p);
            }
        }
    }
}
