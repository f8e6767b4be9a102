package dev.camelkling.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.camelkling.simulator.SimulatorTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KlingDemoTest {

    @Test
    void demoTurnsEveryBundledInputIntoRealMediaAgainstTheEmbeddedSimulator(@TempDir Path work) throws Exception {
        int exitCode = KlingDemo.run(work, Map.of(), SimulatorTiming.FAST);

        assertThat(exitCode).isZero();
        for (String name : KlingDemo.EXPECTED_OUTPUTS) {
            Path result = work.resolve("results").resolve(name);
            assertThat(result).isRegularFile();
            assertThat(MediaCheck.isRealMedia(result)).as("%s is a real MP4 or PNG", result).isTrue();
            assertThat(Files.size(result)).isGreaterThan(1_000);
        }
    }
}
