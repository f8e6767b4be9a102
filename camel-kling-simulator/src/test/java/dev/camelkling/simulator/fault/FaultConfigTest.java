package dev.camelkling.simulator.fault;

import dev.camelkling.simulator.http.SimRequest;
import dev.camelkling.simulator.http.SimResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault strings, the JSON format and the draws of the injector, without HTTP. */
class FaultConfigTest {

    @ParameterizedTest
    @CsvSource({
            "1302, RATE_LIMIT_1302, BEFORE, 0, 1302/before",
            "429/1302, RATE_LIMIT_1302, BEFORE, 0, 1302/before",
            "429/1303/after, CONCURRENCY_1303, AFTER, 0, 1303/after",
            "1102/before, RESOURCE_PACK_1102, BEFORE, 0, 1102/before",
            "500/5000/after, INTERNAL_ERROR_5000, AFTER, 0, 5000/after",
            "5001/after/250ms, UNAVAILABLE_5001, AFTER, 250, 5001/after/250ms",
            "504/5002/2s/before, TIMEOUT_5002, BEFORE, 2000, 5002/before/2000ms",
            "reset, CONNECTION_RESET, BEFORE, 0, reset/before",
            "RESET/AFTER, CONNECTION_RESET, AFTER, 0, reset/after",
            "slow, SLOW_RESPONSE, AFTER, 5000, slow/after/5000ms",
            "slow/before/3s, SLOW_RESPONSE, BEFORE, 3000, slow/before/3000ms",
            "malformed, MALFORMED_JSON, AFTER, 0, malformed/after",
            "INTERNAL_ERROR_5000/after, INTERNAL_ERROR_5000, AFTER, 0, 5000/after"})
    void faultStringsParseToTheirCanonicalForm(String text, FaultKind kind, FaultTiming timing, long delayMs, String canonical) {
        Fault fault = Fault.parse(text);
        assertThat(fault.kind()).isEqualTo(kind);
        assertThat(fault.timing()).isEqualTo(timing);
        assertThat(fault.delay()).isEqualTo(Duration.ofMillis(delayMs));
        assertThat(fault).hasToString(canonical);
        assertThat(Fault.parse(canonical)).isEqualTo(fault);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "boom", "404/1302", "429/5000", "5000/later", "5000/after/after", "5000/10m", "1302/-5ms"})
    void badFaultStringsAreRejected(String text) {
        assertThatThrownBy(() -> Fault.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allIsEveryKindBeforeAndAfterExceptSlow() {
        assertThat(Fault.all()).hasSize(16).doesNotContainNull()
                .noneMatch(f -> f.kind() == FaultKind.SLOW_RESPONSE)
                .extracting(Fault::label).doesNotHaveDuplicates().contains("reset/before", "malformed/after", "1102/after");
    }

    @Test
    void theJsonFormRoundTrips() {
        String json = """
                {"seed": -3,
                 "rules": [{"method": "post", "pathPrefix": "/v1/", "rate": 0.25,
                            "faults": ["1302", {"kind": "slow", "timing": "before", "delayMs": 1500}, "reset/after"]},
                           {"rate": 0.5, "faults": "5000/after, malformed"},
                           {"method": "*", "path": "/v1/images/generations", "rate": 0}],
                 "script": [{"method": "POST", "path": "/v1/videos/text2video", "nth": 3, "fault": "5000/after"}]}""";
        FaultConfig config = FaultJson.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(config.seed()).isEqualTo(-3L);
        assertThat(config.rules()).hasSize(3);
        assertThat(config.rules().get(0).match()).isEqualTo(FaultMatch.prefix("POST", "/v1/"));
        assertThat(config.rules().get(0).faults()).containsExactly(Fault.before(FaultKind.RATE_LIMIT_1302),
                Fault.slow(FaultTiming.BEFORE, Duration.ofMillis(1500)), Fault.after(FaultKind.CONNECTION_RESET));
        assertThat(config.rules().get(1).match()).isEqualTo(FaultMatch.any());
        assertThat(config.rules().get(1).faults()).containsExactly(Fault.after(FaultKind.INTERNAL_ERROR_5000), Fault.of(FaultKind.MALFORMED_JSON));
        assertThat(config.rules().get(2).match()).isEqualTo(FaultMatch.exact(null, "/v1/images/generations"));
        assertThat(config.rules().get(2).faults()).isEqualTo(Fault.all());
        assertThat(config.script()).containsExactly(new ScriptedFault(FaultMatch.exact("POST", "/v1/videos/text2video"), 3,
                Fault.after(FaultKind.INTERNAL_ERROR_5000)));

        FaultInjector injector = new FaultInjector(config);
        byte[] rendered = dev.camelkling.simulator.http.Envelope.bytes(FaultJson.render(injector.config(), injector.scriptProgress()));
        assertThat(FaultJson.parse(rendered)).isEqualTo(config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"seed\": \"x\"}", "{\"rules\": {}}", "{\"rules\": [{\"faults\": [\"1302\"]}]}",
            "{\"rules\": [{\"rate\": -0.1}]}", "{\"rules\": [{\"rate\": 0.1, \"faults\": []}]}",
            "{\"rules\": [{\"rate\": 0.1, \"path\": \"/a\", \"pathPrefix\": \"/b\"}]}",
            "{\"script\": [{\"nth\": 0, \"fault\": \"1302\"}]}", "{\"script\": [{\"nth\": 1}]}",
            "{\"script\": [{\"nth\": 1, \"fault\": \"all\"}]}", "{\"script\": [{\"nth\": 1, \"fault\": {\"timing\": \"after\"}}]}"})
    void badJsonIsRejectedWithAMessage(String json) {
        assertThatThrownBy(() -> FaultJson.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
    }

    @Test
    void aRuleWithSeveralFaultsSpreadsItsHitsOverThemRepeatably() {
        Map<String, Integer> first = draws(99L);
        assertThat(draws(99L)).isEqualTo(first);
        int total = first.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isBetween(1800, 2200); // 20 % of 10,000
        assertThat(first).hasSize(16).allSatisfy((label, n) -> assertThat(n).isBetween(70, 180));
    }

    private static Map<String, Integer> draws(long seed) {
        FaultInjector injector = new FaultInjector(FaultConfig.builder().seed(seed).rate(0.2, FaultMatch.creates()).build());
        Map<String, Integer> hits = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            Fault fault = injector.decide("POST", "/v1/videos/text2video");
            if (fault != null) {
                hits.merge(fault.label(), 1, Integer::sum);
            }
        }
        assertThat(injector.stats().requests()).isEqualTo(10_000);
        assertThat(injector.stats().byFault()).isEqualTo(Map.copyOf(hits.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue()))));
        return hits;
    }

    @Test
    void scriptEntriesTakePrecedenceOverRulesAndCountOnlyTheirMatches() {
        FaultInjector injector = new FaultInjector(FaultConfig.builder()
                .rate(1.0, FaultMatch.any(), Fault.before(FaultKind.UNAVAILABLE_5001))
                .script(FaultMatch.prefix("POST", "/v1/videos/"), 2, Fault.after(FaultKind.INTERNAL_ERROR_5000))
                .script(FaultMatch.exact("GET", "/v1/videos/text2video"), 1, Fault.before(FaultKind.CONNECTION_RESET))
                .build());
        assertThat(injector.decide("POST", "/v1/videos/text2video")).hasToString("5001/before");
        assertThat(injector.decide("GET", "/v1/videos/text2video/123")).hasToString("5001/before");
        assertThat(injector.decide("GET", "/v1/videos/text2video")).hasToString("reset/before");
        assertThat(injector.decide("POST", "/v1/videos/image2video")).hasToString("5000/after");
        assertThat(injector.decide("POST", "/v1/videos/image2video")).hasToString("5001/before");
        assertThat(injector.decide("GET", "/__admin/faults")).isNull();
        assertThat(injector.scriptProgress()).extracting(FaultInjector.ScriptProgress::seen).containsExactly(3, 1);
        assertThat(injector.stats().requests()).isEqualTo(5);
    }

    @Test
    void afterFaultsRunTheHandlerAndBeforeFaultsDoNot() {
        int[] handled = new int[1];
        SimRequest request = new SimRequest("POST", "/v1/videos/text2video", Map.of(), Map.of(), new byte[0]);
        FaultInjector injector = new FaultInjector();
        for (Fault fault : Fault.all()) {
            injector.next(FaultMatch.any(), fault);
            int before = handled[0];
            SimResponse response = injector.filter(request, r -> {
                handled[0]++;
                return SimResponse.json(200, "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_id\":\"1\"}}".getBytes(StandardCharsets.UTF_8));
            });
            assertThat(handled[0] - before).as(fault.toString()).isEqualTo(fault.timing() == FaultTiming.AFTER ? 1 : 0);
            assertThat(response.dropsConnection()).isEqualTo(fault.kind() == FaultKind.CONNECTION_RESET);
            if (fault.kind().errorCode() != null) {
                assertThat(response.status()).isEqualTo(fault.kind().errorCode().httpStatus());
            }
        }
        assertThat(injector.stats().injected()).isEqualTo(16);
    }

    @Test
    void rulesAndScriptsValidateTheirArguments() {
        assertThatThrownBy(() -> new FaultRule(FaultMatch.any(), 1.5, List.of(Fault.of(FaultKind.RATE_LIMIT_1302))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule(FaultMatch.any(), Double.NaN, List.of(Fault.of(FaultKind.RATE_LIMIT_1302))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScriptedFault(FaultMatch.any(), 0, Fault.of(FaultKind.RATE_LIMIT_1302)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.of(FaultKind.RATE_LIMIT_1302).withDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
