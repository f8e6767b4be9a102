package dev.camelkling.simulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {
    static final String LIST = "/v1/videos/text2video";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b
            .accessKey("ak-test").secretKey("sk-test").apiKey("api-key-test")
            .additionalAccount("ak-other", "sk-other"));

    private static KlingHttp.Reply listWith(String authorization) {
        return KlingHttp.withAuthorization(SIM.simulator(), authorization).get(LIST);
    }

    private static void assertAuthError(KlingHttp.Reply reply, int code) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().has("data")).isFalse();
        assertThat(reply.json().get("request_id").asText()).isNotBlank();
    }

    @Test
    void missingHeaderIs1001() {
        assertAuthError(listWith(null), 1001);
    }

    @Test
    void emptyHeaderIs1001() {
        assertAuthError(listWith(""), 1001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer  two-spaces", "bearer lower-case-scheme", "Token abc"})
    void headerThatIsNotBearerCredentialIs1002(String header) {
        assertAuthError(listWith(header), 1002);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-base64!.e30.c2ln", "e30.e30.", "bm90LWpzb24.e30.c2ln", "W10.e30.c2ln"})
    void malformedJwtIs1002(String token) {
        assertAuthError(listWith("Bearer " + token), 1002);
    }

    @Test
    void jwtWithoutExpIs1002() {
        String token = JWT.create().withIssuer("ak-test").withNotBefore(Date.from(Instant.now().minusSeconds(5)))
                .sign(Algorithm.HMAC256("sk-test"));
        assertAuthError(listWith("Bearer " + token), 1002);
    }

    @Test
    void unknownIssuerIs1000() {
        assertAuthError(listWith("Bearer " + Tokens.valid("ak-unknown", "sk-test")), 1000);
    }

    @Test
    void badSignatureIs1000() {
        assertAuthError(listWith("Bearer " + Tokens.valid("ak-test", "wrong-secret")), 1000);
    }

    @Test
    void otherAlgorithmsAre1000() {
        Instant now = Instant.now();
        String hs512 = JWT.create().withIssuer("ak-test").withNotBefore(Date.from(now.minusSeconds(5)))
                .withExpiresAt(Date.from(now.plusSeconds(600))).sign(Algorithm.HMAC512("sk-test"));
        String none = JWT.create().withIssuer("ak-test").withNotBefore(Date.from(now.minusSeconds(5)))
                .withExpiresAt(Date.from(now.plusSeconds(600))).sign(Algorithm.none());
        assertAuthError(listWith("Bearer " + hs512), 1000);
        // alg "none" has an empty third part, which is not a three-part token with a signature
        assertThat(listWith("Bearer " + none).code()).isIn(1000, 1002);
    }

    @Test
    void notYetValidIs1003() {
        Instant now = Instant.now();
        assertAuthError(listWith("Bearer " + Tokens.sign("ak-test", "sk-test", now.plusSeconds(60), now.plusSeconds(1800))), 1003);
    }

    @Test
    void expiredIs1004() {
        Instant now = Instant.now();
        assertAuthError(listWith("Bearer " + Tokens.sign("ak-test", "sk-test", now.minusSeconds(1800), now.minusSeconds(1))), 1004);
    }

    @Test
    void validJwtIsAccepted() {
        KlingHttp.Reply reply = listWith("Bearer " + Tokens.valid("ak-test", "sk-test"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        assertThat(reply.message()).isEqualTo("SUCCEED");
        assertThat(reply.data().isArray()).isTrue();
    }

    @Test
    void longLivedJwtIsAccepted() {
        Instant now = Instant.now();
        String token = Tokens.sign("ak-test", "sk-test", now.minusSeconds(5), now.plusSeconds(30L * 24 * 3600));
        assertThat(listWith("Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void configuredApiKeyIsAccepted() {
        assertThat(listWith("Bearer api-key-test").status()).isEqualTo(200);
    }

    @Test
    void unknownApiKeyIs1000() {
        assertAuthError(listWith("Bearer some-other-key"), 1000);
    }

    @Test
    void apiKeyAndAccessKeyShareOneAccountButOtherAccountsAreSeparate() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp apiKeyClient = KlingHttp.withAuthorization(sim, "Bearer api-key-test");
        String taskId = apiKeyClient.create(LIST, body("prompt", "shared account"));

        KlingHttp jwtClient = KlingHttp.withJwt(sim);
        assertThat(jwtClient.get(LIST + "/" + taskId).status()).isEqualTo(200);

        KlingHttp other = KlingHttp.withAuthorization(sim, "Bearer " + Tokens.valid("ak-other", "sk-other"));
        KlingHttp.Reply hidden = other.get(LIST + "/" + taskId);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo(1203);
        assertThat(other.get(LIST).data()).noneMatch(t -> t.get("task_id").asText().equals(taskId));
    }

    @Test
    void authenticationIsCheckedOnCreateToo() {
        KlingHttp.Reply reply = KlingHttp.withAuthorization(SIM.simulator(), null).post(LIST, Map.of("prompt", "x"));
        assertAuthError(reply, 1001);
    }
}
