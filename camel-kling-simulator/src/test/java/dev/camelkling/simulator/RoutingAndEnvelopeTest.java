package dev.camelkling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingAndEnvelopeTest {
    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v1", "/v1/videos", "/v1/videos/unknown-product", "/v1/videos/text2video/a/b",
            "/v2/videos/text2video", "/media/videos/", "/media/videos/unknown.mp4", "/media/images/unknown.png"})
    void unknownPathsArePlain404(String path) {
        KlingHttp.Reply reply = KlingHttp.withJwt(SIM.simulator()).get(path);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).doesNotContain("\"code\"");
    }

    @ParameterizedTest
    @CsvSource({
            "DELETE, /v1/videos/text2video",
            "PUT, /v1/videos/text2video",
            "POST, /v1/videos/text2video/123",
            "DELETE, /v1/videos/image2video/123",
            "PATCH, /v1/videos/image2video"})
    void wrongMethodOnKnownPathIs404With1202(String method, String path) {
        KlingHttp.Reply reply = KlingHttp.withJwt(SIM.simulator()).send(method, path, "{}");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(1202);
        assertThat(reply.json().has("data")).isFalse();
    }

    @Test
    void everyAnswerHasAFreshUuidRequestIdAndJsonContentType() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        KlingHttp.Reply first = client.get("/v1/videos/text2video");
        KlingHttp.Reply second = client.get("/v1/videos/text2video");
        KlingHttp.Reply error = client.get("/v1/videos/text2video/does-not-exist");
        for (KlingHttp.Reply reply : new KlingHttp.Reply[]{first, second, error}) {
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
            assertThat(UUID.fromString(reply.json().get("request_id").asText())).isNotNull();
        }
        assertThat(first.json().get("request_id").asText()).isNotEqualTo(second.json().get("request_id").asText());
        assertThat(first.json().fieldNames()).toIterable().containsExactly("code", "message", "request_id", "data");
        assertThat(error.json().fieldNames()).toIterable().containsExactly("code", "message", "request_id");
    }

    @Test
    void invalidJsonBodyIs400With1200() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        for (String body : new String[]{"{not json", "[1,2]", "\"text\"", ""}) {
            KlingHttp.Reply reply = client.post("/v1/videos/text2video", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.code()).as(body).isEqualTo(1200);
        }
    }

    @Test
    void mediaNeedsNoAuthentication() {
        KlingSimulator sim = SIM.simulator();
        String url = sim.hostImage(TestImages.png(320, 320));
        KlingHttp anonymous = KlingHttp.withAuthorization(sim, null);
        byte[] bytes = anonymous.download(url);
        assertThat(bytes).isEqualTo(TestImages.png(320, 320));
        assertThat(anonymous.send("HEAD", url.substring(sim.baseUrl().length()), null).status()).isEqualTo(200);
    }

    @Test
    void createAnswerIsTheReducedTaskObject() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        KlingHttp.Reply reply = client.post("/v1/videos/text2video", body("prompt", "a cat", "external_task_id", "routing-echo"));
        assertThat(reply.status()).isEqualTo(200);
        var data = reply.data();
        assertThat(data.get("task_id").asText()).matches("\\d{18}");
        assertThat(data.get("task_status").asText()).isEqualTo("submitted");
        assertThat(data.get("task_info").get("external_task_id").asText()).isEqualTo("routing-echo");
        assertThat(data.get("created_at").asLong()).isEqualTo(data.get("updated_at").asLong());
        assertThat(data.get("created_at").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(data.has("task_result")).isFalse();
    }
}
