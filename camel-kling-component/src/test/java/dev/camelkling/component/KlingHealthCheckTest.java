package dev.camelkling.component;

import java.util.Collection;
import java.util.List;

import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultKind;
import dev.camelkling.simulator.fault.FaultMatch;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness check per Kling account, against the simulator: UP, DOWN with Kling's code, cached, never a secret. */
class KlingHealthCheckTest extends KlingTestSupport {

    /** The simulator's reset keeps fault scripts; one left unfired here must not reach another test. */
    @AfterEach
    void clearFaults() {
        simulator().faults().clear();
    }

    private KlingComponent kling() {
        return context.getComponent("kling", KlingComponent.class);
    }

    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + uri.hashCode()).to(uri);
            }
        });
    }

    private List<HealthCheck.Result> klingReadiness() {
        // full: every check's result, not only the failing ones
        HealthCheckHelper.getHealthCheckRegistry(context).setExposureLevel("full");
        Collection<HealthCheck.Result> all = HealthCheckHelper.invokeReadiness(context);
        return all.stream().filter(r -> r.getCheck().getId().startsWith("kling-")).toList();
    }

    private static void assertNoSecret(HealthCheck.Result result) {
        String shown = result.getCheck().getId() + " " + result.getMessage().orElse("") + " " + result.getDetails()
                       + " " + result;
        assertThat(shown).doesNotContain(SIM.accessKey(), SIM.secretKey(), API_KEY, "wrong-secret-key");
    }

    @Test
    void anAccountThatCanReadIsUpAndNamedByItsMaskedKey() throws Exception {
        route("kling:text2video");

        List<HealthCheck.Result> results = klingReadiness();

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getCheck().isReadiness()).isTrue();
            assertThat(result.getCheck().isLiveness()).isFalse();
            assertThat(result.getDetails()).containsEntry(KlingHealthCheck.ACCOUNT, "sim-****")
                    .containsEntry(KlingHealthCheck.BASE_URL, SIM.baseUrl());
            assertNoSecret(result);
        });
    }

    @Test
    void aWrongSecretIsDownWithKlingsCode() throws Exception {
        route("kling:text2video?secretKey=RAW(wrong-secret-key)");

        assertThat(klingReadiness()).singleElement().satisfies(result -> {
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            // the simulator answers a bad signature with 1000 (kling-api.md: the vendor leaves 1000 or 1002 open)
            assertThat(result.getDetails()).containsEntry(KlingHealthCheck.CODE, 1000)
                    .containsEntry(KlingHealthCheck.HTTP_STATUS, 401)
                    .containsEntry(KlingHealthCheck.MESSAGE, "token signature is invalid");
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("1000"));
            assertNoSecret(result);
        });
    }

    @Test
    void eachAccountHasItsOwnCheckAndAWrongSecretDoesNotHideBehindTheRightOne() throws Exception {
        route("kling:text2video");
        route("kling:imageGeneration?secretKey=RAW(wrong-secret-key)");
        route("kling:imageGeneration?apiKey=RAW(" + API_KEY + ")");
        route("kling:omniImage?apiKey=RAW(" + API_KEY + ")&requestTimeout=30000"); // another client, same account

        List<HealthCheck.Result> results = klingReadiness();

        assertThat(results).hasSize(3);
        assertThat(results).filteredOn(r -> r.getState() == HealthCheck.State.UP)
                .extracting(r -> r.getDetails().get(KlingHealthCheck.ACCOUNT))
                .containsExactlyInAnyOrder("sim-****", "****7f3a");
        assertThat(results).filteredOn(r -> r.getState() == HealthCheck.State.DOWN).singleElement()
                .satisfies(r -> assertThat(r.getDetails()).containsEntry(KlingHealthCheck.CODE, 1000));
        results.forEach(KlingHealthCheckTest::assertNoSecret);
    }

    @Test
    void anExhaustedResourcePackIsDownWith1102() throws Exception {
        route("kling:text2video");
        simulator().faults().next(FaultMatch.queries(), Fault.before(FaultKind.RESOURCE_PACK_1102));

        assertThat(klingReadiness()).singleElement().satisfies(result -> {
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getDetails()).containsEntry(KlingHealthCheck.CODE, 1102)
                    .containsEntry(KlingHealthCheck.HTTP_STATUS, 429);
            assertNoSecret(result);
        });
    }

    @Test
    void theOutcomeIsReusedForTheCacheTimeSoProbesDoNotEachCostACall() throws Exception {
        route("kling:text2video");
        assertThat(klingReadiness()).singleElement().extracting(HealthCheck.Result::getState).isEqualTo(HealthCheck.State.UP);

        simulator().faults().next(FaultMatch.queries(), Fault.before(FaultKind.RESOURCE_PACK_1102));

        // within the default cache time (60 s): no read, so the fault waiting for the next query never fires
        assertThat(klingReadiness()).singleElement().extracting(HealthCheck.Result::getState).isEqualTo(HealthCheck.State.UP);
        assertThat(simulator().faults().scriptProgress()).singleElement().satisfies(p -> assertThat(p.fired()).isFalse());
    }

    @Test
    void withNoCacheTimeEveryProbeReadsAgain() throws Exception {
        kling().setHealthCheckCacheTime(0);
        route("kling:text2video");
        assertThat(klingReadiness()).singleElement().extracting(HealthCheck.Result::getState).isEqualTo(HealthCheck.State.UP);

        simulator().faults().next(FaultMatch.queries(), Fault.before(FaultKind.RESOURCE_PACK_1102));

        assertThat(klingReadiness()).singleElement().extracting(HealthCheck.Result::getState).isEqualTo(HealthCheck.State.DOWN);
        assertThat(klingReadiness()).singleElement().extracting(HealthCheck.Result::getState).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void theComponentOptionTurnsTheChecksOff() throws Exception {
        kling().setHealthCheckAccountEnabled(false);
        route("kling:text2video?secretKey=RAW(wrong-secret-key)");

        assertThat(klingReadiness()).isEmpty();
    }

    @Test
    void theCheckGoesAwayWithTheLastEndpointOfItsAccount() throws Exception {
        route("kling:text2video");
        assertThat(klingReadiness()).hasSize(1);

        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        context.removeRoute(context.getRoutes().get(0).getRouteId());
        context.removeEndpoints("kling:*");

        assertThat(klingReadiness()).isEmpty();
    }
}
