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
    void demoTurnsEveryBundledInputIntoAnMp4AgainstTheEmbeddedSimulator(@TempDir Path work) throws Exception {
        int exitCode = KlingDemo.run(work, Map.of(), SimulatorTiming.FAST);

        assertThat(exitCode).isZero();
        for (String input : KlingDemo.BUNDLED_INPUTS) {
            Path video = work.resolve("videos").resolve(input.substring(0, input.lastIndexOf('.')) + ".mp4");
            assertThat(video).isRegularFile();
            assertThat(Mp4Check.looksLikeMp4(video)).as("%s starts with an ftyp box", video).isTrue();
            assertThat(Files.size(video)).isGreaterThan(1_000);
        }
    }
}
