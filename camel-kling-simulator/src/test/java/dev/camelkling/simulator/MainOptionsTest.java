package dev.camelkling.simulator;

import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultConfig;
import dev.camelkling.simulator.fault.FaultMatch;
import dev.camelkling.simulator.fault.FaultRule;
import dev.camelkling.simulator.fault.ScriptedFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    void videoCharacterElementsAreAddedToTheLibrary() {
        KlingSimulatorMain.Options options = KlingSimulatorMain.Options.parse(new String[]{"--video-character-elements", "7,8"});
        try (KlingSimulator sim = options.builder.build()) {
            assertThat(sim.videoCharacterElements()).containsExactlyInAnyOrder(7L, 8L);
        }
    }

    @Test
    void elementsMustBeIntegers() {
        assertThatThrownBy(() -> KlingSimulatorMain.Options.parse(new String[]{"--elements", "1,x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--elements");
    }

    @Test
    void faultInjectionSignedCallbacksAndLargeResultsCanBeSwitchedOn(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("faults.json");
        Files.writeString(json, "{\"seed\": 1, \"script\": [{\"method\": \"POST\", \"pathPrefix\": \"/v1/\", \"nth\": 2, \"fault\": \"reset/after\"}]}");
        KlingSimulatorMain.Options options = KlingSimulatorMain.Options.parse(new String[]{
                "--admin", "--webhook-secret", "whsec_dGVzdA==", "--duplicate-callbacks", "--reorder-callbacks",
                "--large-result-mb", "3", "--faults-json", json.toString(),
                "--fault-rate", "0.2", "--faults", "1302,5000/after,slow/after/2s", "--fault-match", "*:/v1/videos/", "--fault-seed", "42"});
        try (KlingSimulator sim = options.builder.build()) {
            assertThat(sim.isAdminEnabled()).isTrue();
            assertThat(sim.webhookSecret()).isEqualTo("whsec_dGVzdA==");
            assertThat(sim.duplicateCallbacks()).isTrue();
            assertThat(sim.reorderCallbacks()).isTrue();
            assertThat(sim.largeResultBytes()).isEqualTo(3L * 1024 * 1024);
            FaultConfig config = sim.faults().config();
            assertThat(config.seed()).isEqualTo(42L);
            assertThat(config.script()).containsExactly(new ScriptedFault(FaultMatch.prefix("POST", "/v1/"), 2, Fault.parse("reset/after")));
            assertThat(config.rules()).containsExactly(new FaultRule(FaultMatch.prefix(null, "/v1/videos/"), 0.2,
                    List.of(Fault.parse("1302"), Fault.parse("5000/after"), Fault.parse("slow/after/2s"))));
        }
    }

    @Test
    void theFaultRateDefaultsToAllFaultsOnCreates() {
        KlingSimulatorMain.Options options = KlingSimulatorMain.Options.parse(new String[]{"--fault-rate", "0.5"});
        try (KlingSimulator sim = options.builder.build()) {
            assertThat(sim.isAdminEnabled()).isFalse();
            assertThat(sim.faults().config().rules()).containsExactly(new FaultRule(FaultMatch.creates(), 0.5, Fault.all()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--fault-rate 1.5", "--fault-rate x", "--faults 1302", "--fault-rate 0.1 --faults boom",
            "--fault-rate 0.1 --fault-match /v1/", "--fault-seed x", "--faults-json /no/such/file.json",
            "--webhook-secret whsec_!!", "--large-result-mb -1"})
    void badFaultOptionsAreRejected(String args) {
        assertThatThrownBy(() -> KlingSimulatorMain.Options.parse(args.split(" "))).isInstanceOf(IllegalArgumentException.class);
    }
}
