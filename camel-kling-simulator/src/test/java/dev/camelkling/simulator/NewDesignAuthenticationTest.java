package dev.camelkling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** kling-api-2026.md §1: the new design takes an API key only; a JWT is 401/1002 telling the user to create one. */
class NewDesignAuthenticationTest {
    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(NewDesignClient.API_KEY));

    private static KlingHttp withJwt() {
        return KlingHttp.withJwt(SIM.simulator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /text-to-video/kling-3.0", "POST /image-to-video/kling-3.0", "POST /omni-video/kling-o1",
            "POST /motion-control/kling-2.6", "GET /tasks?task_ids=1", "POST /tasks"})
    void aValidJwtIsRefusedWith1002AndAMessageAboutApiKeys(String request) {
        String[] parts = request.split(" ");
        KlingHttp.Reply reply = withJwt().send(parts[0], parts[1], "POST".equals(parts[0]) ? "{\"prompt\":\"a\"}" : null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(1002);
        assertThat(reply.message()).contains("API key").contains("create");
        assertThat(SIM.simulator().createdTaskCount()).isZero();
    }

    @Test
    void theSameJwtStillWorksOnTheLegacyDesign() {
        assertThat(withJwt().get("/v1/videos/text2video").status()).isEqualTo(200);
    }

    @Test
    void theApiKeyWorksOnBothDesigns() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        assertThat(client.create("/text-to-video/kling-3.0", body("prompt", "a")).status()).isEqualTo(200);
        assertThat(client.http.get("/v1/videos/text2video").status()).isEqualTo(200);
    }

    @Test
    void aMissingHeaderIs1001AndAnUnknownKeyIs1000() {
        KlingHttp.Reply missing = KlingHttp.withAuthorization(SIM.simulator(), null).post("/text-to-video/kling-3.0", "{}");
        KlingHttp.Reply unknown = KlingHttp.withAuthorization(SIM.simulator(), "Bearer not-a-key").get("/tasks?task_ids=1");
        KlingHttp.Reply notBearer = KlingHttp.withAuthorization(SIM.simulator(), "Basic abc").get("/tasks?task_ids=1");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.code()).isEqualTo(1001);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo(1000);
        assertThat(notBearer.code()).isEqualTo(1002);
    }

    @Test
    void authenticationComesBeforeValidationAndAnUnknownMethodBeforeBoth() {
        KlingHttp.Reply unauthenticatedBadBody = KlingHttp.withAuthorization(SIM.simulator(), null)
                .post("/text-to-video/kling-3.0", "not json");
        KlingHttp.Reply wrongMethod = KlingHttp.withAuthorization(SIM.simulator(), null).get("/text-to-video/kling-3.0");

        assertThat(unauthenticatedBadBody.code()).isEqualTo(1001);
        assertThat(wrongMethod.status()).isEqualTo(404);
        assertThat(wrongMethod.code()).isEqualTo(1202);
    }
}
