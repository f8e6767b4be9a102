package dev.camelkling.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainOptionsTest {

    @Test
    void elementsAreAddedToTheDefaultLibrary() {
        KlingSimulatorMain.Options options = KlingSimulatorMain.Options.parse(new String[]{"--elements", "9007199254740993, 42"});
        try (KlingSimulator sim = options.builder.build()) {
            assertThat(sim.elements()).contains(9_007_199_254_740_993L, 42L, 829836802793406551L);
        }
    }

    @Test
    void elementsMustBeIntegers() {
        assertThatThrownBy(() -> KlingSimulatorMain.Options.parse(new String[]{"--elements", "1,x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--elements");
    }
}
