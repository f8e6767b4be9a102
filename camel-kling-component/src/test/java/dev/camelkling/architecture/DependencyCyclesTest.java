package dev.camelkling.architecture;

import dev.camelkling.simulator.structure.DependencyCycles;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * Keeps the structure docs/architecture.md describes: no package of camel-kling depends on itself through another, and
 * no knot of more than {@value #MAX_CLASS_CYCLE} classes (a Camel endpoint and its producer and consumer do refer to
 * each other, so small cycles are allowed). The simulator runs the same check on itself.
 */
class DependencyCyclesTest {

    static final int MAX_CLASS_CYCLE = 10;

    @Test
    void camelKlingHasNoPackageCycleAndNoLargeClassCycle() {
        DependencyCycles.of(Path.of("target", "classes"), "dev.camelkling").assertNone(MAX_CLASS_CYCLE);
    }
}
