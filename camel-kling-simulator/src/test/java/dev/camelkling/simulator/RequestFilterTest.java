package dev.camelkling.simulator;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.http.ErrorCode;
import dev.camelkling.simulator.http.RequestFilter;
import dev.camelkling.simulator.http.SimResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The fault-injection seam: filters may answer, or refuse by throwing an {@link ApiException}, like handlers. */
class RequestFilterTest {
    static final String T2V = "/v1/videos/text2video";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create();

    /** Filters added by the running test, removed after it so they never leak into the next one. */
    private final List<RequestFilter> added = new CopyOnWriteArrayList<>();

    /** Registers filters (outermost first) on the shared simulator for this test only. */
    private KlingSimulator add(RequestFilter... filters) {
        for (RequestFilter filter : filters) {
            added.add(filter);
            SIM.simulator().addRequestFilter(filter);
        }
        return SIM.simulator();
    }

    @BeforeEach
    void reset() {
        SIM.simulator().reset();
    }

    @AfterEach
    void removeFilters() {
        added.forEach(SIM.simulator()::removeRequestFilter);
    }

    private static void assertEnvelope(KlingHttp.Reply reply, int status, int code, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.message()).isEqualTo(message);
        assertThat(reply.json().has("data")).isFalse();
        assertThat(UUID.fromString(reply.json().get("request_id").asText())).isNotNull();
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    }

    @Test
    void anApiExceptionThrownByAFilterBecomesItsOwnEnvelopeAndStatus() {
        KlingSimulator simulator = add((request, next) -> {
            throw new ApiException(ErrorCode.RATE_LIMITED, "slow down");
        });
        KlingHttp client = KlingHttp.withJwt(simulator);
        assertEnvelope(client.post(T2V, body("prompt", "a")), 429, 1302, "slow down");
        assertEnvelope(client.get(T2V), 429, 1302, "slow down");
        assertThat(simulator.createdTaskCount()).isZero();
    }

    @Test
    void theDefaultMessageOfTheCodeIsUsedWhenNoneIsGiven() {
        KlingSimulator simulator = add((request, next) -> {
            throw new ApiException(ErrorCode.RESOURCE_PACK_EXHAUSTED);
        });
        assertEnvelope(KlingHttp.withJwt(simulator).post(T2V, body("prompt", "a")), 429, 1102, "Resource pack exhausted or expired");
    }

    @Test
    void aFilterThatThrowsAfterTheHandlerRanLeavesTheTaskCreated() {
        KlingSimulator simulator = add((request, next) -> {
            SimResponse response = next.handle(request);
            if ("POST".equals(request.method())) {
                throw new ApiException(ErrorCode.INTERNAL_TIMEOUT, "timed out after the task was created");
            }
            return response;
        });
        KlingHttp client = KlingHttp.withJwt(simulator);
        assertEnvelope(client.post(T2V, body("prompt", "a", "external_task_id", "reconcile-me")), 504, 5002,
                "timed out after the task was created");
        assertThat(simulator.tasksByExternalId("reconcile-me")).isEqualTo(1);
        KlingHttp.Reply found = client.get(T2V + "?external_task_id=reconcile-me");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.data().get("task_info").get("external_task_id").asText()).isEqualTo("reconcile-me");
    }

    @Test
    void outerFiltersSeeTheErrorResponseOfAnInnerFilter() {
        List<Integer> seenByOuter = new CopyOnWriteArrayList<>();
        RequestFilter outer = (request, next) -> {
            SimResponse response = next.handle(request);
            seenByOuter.add(response.status());
            return response;
        };
        RequestFilter inner = (request, next) -> {
            throw new ApiException(ErrorCode.UNAVAILABLE, "maintenance");
        };
        KlingSimulator simulator = add(outer, inner);
        assertEnvelope(KlingHttp.withJwt(simulator).get(T2V), 503, 5001, "maintenance");
        assertThat(seenByOuter).containsExactly(503);

        simulator.removeRequestFilter(inner);
        assertThat(KlingHttp.withJwt(simulator).get(T2V).status()).isEqualTo(200);
        assertThat(seenByOuter).containsExactly(503, 200);
    }

    @Test
    void aFilterMayAnswerByReturningAResponse() {
        KlingSimulator simulator = add((request, next) -> request.path().equals(T2V) && "POST".equals(request.method())
                ? Envelope.error(ErrorCode.RATE_LIMITED, "too fast")
                : next.handle(request));
        KlingHttp client = KlingHttp.withJwt(simulator);
        assertEnvelope(client.post(T2V, body("prompt", "a")), 429, 1302, "too fast");
        assertThat(client.get(T2V).status()).isEqualTo(200);
    }

    @Test
    void otherExceptionsFromAFilterAreStillAnInternalError() {
        KlingSimulator simulator = add((request, next) -> {
            throw new IllegalStateException("bug in a filter");
        });
        assertEnvelope(KlingHttp.withJwt(simulator).get(T2V), 500, 5000, "internal error");
    }
}
