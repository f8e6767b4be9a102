package dev.camelkling.architecture;

import dev.camelkling.simulator.KlingSimulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the structure that docs/architecture.md describes: no package depends on itself through another, and no knot
 * of classes larger than {@link #MAX_CLASS_CYCLE} (a Camel endpoint and its producer and consumer do refer to each
 * other, so small cycles are allowed). Runs on the compiled classes of camel-kling and of the simulator.
 */
class DependencyCyclesTest {

    static final int MAX_CLASS_CYCLE = 10;

    static Stream<Arguments> artifacts() throws URISyntaxException {
        return Stream.of(
                Arguments.of("camel-kling", Path.of("target", "classes"), "dev.camelkling."),
                Arguments.of("camel-kling-simulator",
                        Path.of(KlingSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                        "dev.camelkling.simulator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("artifacts")
    void noPackageCycle(String artifact, Path classes, String prefix) {
        DependencyCycles graph = DependencyCycles.of(classes, prefix);
        assertThat(graph.classCount()).as("classes read from %s", classes).isGreaterThan(20);
        List<Set<String>> cycles = graph.packageCycles();
        assertThat(cycles).as(() -> cycles.stream().map(c -> c + " through:" + graph.edgesWithin(c))
                .collect(Collectors.joining("\n", "package cycles in " + artifact + ":\n", ""))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("artifacts")
    void noLargeClassCycle(String artifact, Path classes, String prefix) {
        List<Set<String>> cycles = DependencyCycles.of(classes, prefix).classCycles();
        assertThat(cycles).as("class cycles in %s: %s", artifact, cycles)
                .allSatisfy(cycle -> assertThat(cycle.size()).isLessThanOrEqualTo(MAX_CLASS_CYCLE));
    }
}
