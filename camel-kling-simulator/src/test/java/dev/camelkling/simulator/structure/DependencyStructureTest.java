package dev.camelkling.simulator.structure;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Build check (issue 9): the simulator's packages depend on each other one way only, and no knot of more than
 * {@value #MAX_CLASS_CYCLE} classes depends on itself.
 */
class DependencyStructureTest {
    private static final int MAX_CLASS_CYCLE = 10;

    @Test
    void simulatorPackagesAreFreeOfCycles() {
        DependencyCycles.of(Path.of("target/classes"), "dev.camelkling.simulator").assertNone(MAX_CLASS_CYCLE);
    }

    @Test
    void aPackageCycleInRealClassFilesIsReportedWithItsPackagesAndReferences() {
        DependencyCycles fixture = DependencyCycles.of(Path.of("target/test-classes"),
                "dev.camelkling.simulator.structure.fixture");

        assertThat(fixture.packageCycles()).containsExactly(new java.util.TreeSet<>(List.of(
                "dev.camelkling.simulator.structure.fixture.a", "dev.camelkling.simulator.structure.fixture.b")));
        assertThatThrownBy(() -> fixture.assertNone(MAX_CLASS_CYCLE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("package cycle [dev.camelkling.simulator.structure.fixture.a, dev.camelkling.simulator.structure.fixture.b]")
                .hasMessageContaining("fixture.a.Caller -> dev.camelkling.simulator.structure.fixture.b.Callee");
    }

    @Test
    void aClassCycleCountsOnlyWhenLargerThanTheLimit() {
        // one package, so no package cycle: a ring of n classes, C0 -> C1 -> ... -> C(n-1) -> C0
        DependencyCycles ringOf10 = DependencyCycles.fromJdepsOutput(ring(10), "p");
        DependencyCycles ringOf11 = DependencyCycles.fromJdepsOutput(ring(11), "p");

        assertThat(ringOf10.packageCycles()).isEmpty();
        ringOf10.assertNone(MAX_CLASS_CYCLE);
        assertThat(ringOf11.classCyclesLargerThan(MAX_CLASS_CYCLE)).singleElement().satisfies(cycle -> assertThat(cycle).hasSize(11));
        assertThatThrownBy(() -> ringOf11.assertNone(MAX_CLASS_CYCLE))
                .hasMessageContaining("class cycle of 11 classes (more than 10) in packages [p.q]");
    }

    @Test
    void nestedClassesCountAsTheirTopLevelClassAndOutsideReferencesAreIgnored() {
        String jdeps = String.join("\n",
                "classes -> java.base",
                "   p.A$Inner   -> p.A            classes",
                "   p.A         -> p.A$Inner      classes",
                "   p.A         -> java.lang.Object  java.base",
                "   p.A         -> other.B        not found");

        DependencyCycles cycles = DependencyCycles.fromJdepsOutput(jdeps, "p");

        assertThat(cycles.classCyclesLargerThan(0)).isEmpty();
        assertThat(cycles.packageCycles()).isEmpty();
    }

    private static String ring(int size) {
        return IntStream.range(0, size)
                .mapToObj(i -> "   p.q.C" + i + "   ->   p.q.C" + ((i + 1) % size) + "   classes")
                .collect(Collectors.joining("\n"));
    }
}
