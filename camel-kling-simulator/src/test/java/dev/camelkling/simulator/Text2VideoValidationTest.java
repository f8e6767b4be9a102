package dev.camelkling.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class Text2VideoValidationTest {
    static final String PATH = "/v1/videos/text2video";
    static final String LONG = "x".repeat(2501);

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1000));

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments("{}", 1201, "prompt"),
                arguments("{\"prompt\":\"\"}", 1201, "prompt"),
                arguments("{\"prompt\":42}", 1201, "prompt"),
                arguments("{\"prompt\":\"" + LONG + "\"}", 1201, "prompt must be at most 2500"),
                arguments("{\"prompt\":\"a\",\"negative_prompt\":\"" + LONG + "\"}", 1201, "negative_prompt"),
                arguments("{\"prompt\":\"a\",\"model_name\":\"kling-v9\"}", 1203, "model_name"),
                arguments("{\"prompt\":\"a\",\"model_name\":\"kling-v1-5\"}", 1201, "model_name kling-v1-5 does not support text2video"),
                arguments("{\"prompt\":\"a\",\"model_name\":\"kling-v2-1\"}", 1201, "model_name kling-v2-1"),
                arguments("{\"prompt\":\"a\",\"model_name\":\"kling-image-o1\"}", 1201, "model_name"),
                arguments("{\"prompt\":\"a\",\"mode\":\"ultra\"}", 1201, "mode"),
                arguments("{\"prompt\":\"a\",\"aspect_ratio\":\"4:3\"}", 1201, "aspect_ratio"),
                arguments("{\"prompt\":\"a\",\"duration\":\"7\"}", 1201, "duration"),
                arguments("{\"prompt\":\"a\",\"duration\":5}", 1201, "duration must be a string"),
                arguments("{\"prompt\":\"a\",\"cfg_scale\":1.5}", 1201, "cfg_scale"),
                arguments("{\"prompt\":\"a\",\"cfg_scale\":-0.1}", 1201, "cfg_scale"),
                arguments("{\"prompt\":\"a\",\"cfg_scale\":\"0.5\"}", 1201, "cfg_scale"),
                arguments("{\"prompt\":\"a\",\"sound\":\"loud\"}", 1201, "sound"),
                arguments("{\"prompt\":\"a\",\"sound\":\"on\",\"model_name\":\"kling-v1\"}", 1201, "sound"),
                arguments("{\"prompt\":\"a\",\"camera_control\":\"simple\"}", 1201, "camera_control"),
                arguments("{\"prompt\":\"a\",\"camera_control\":{\"type\":\"spin\"}}", 1201, "camera_control.type"),
                arguments("{\"prompt\":\"a\",\"camera_control\":{}}", 1201, "camera_control.type"),
                arguments("{\"prompt\":\"a\",\"camera_control\":{\"type\":\"simple\"}}", 1201, "camera_control.config is required"),
                arguments("{\"prompt\":\"a\",\"camera_control\":{\"type\":\"simple\",\"config\":{\"horizontal\":0,\"vertical\":0,\"pan\":0,\"tilt\":0,\"roll\":0,\"zoom\":0}}}",
                        1201, "exactly one non-zero"),
                arguments("{\"prompt\":\"a\",\"camera_control\":{\"type\":\"simple\",\"config\":{\"pan\":2,\"zoom\":5}}}", 1201, "exactly one non-zero"),
                arguments("{\"prompt\":\"a\",\"camera_control\":{\"type\":\"simple\",\"config\":{\"zoom\":11}}}", 1201, "camera_control.config.zoom"),
                arguments("{\"prompt\":\"a\",\"camera_control\":{\"type\":\"simple\",\"config\":{\"tilt\":-10.5}}}", 1201, "camera_control.config.tilt"),
                arguments("{\"prompt\":\"a\",\"camera_control\":{\"type\":\"down_back\",\"config\":{\"zoom\":5}}}", 1201, "camera_control.config must be empty"),
                arguments("{\"prompt\":\"a\",\"watermark_info\":true}", 1201, "watermark_info"),
                arguments("{\"prompt\":\"a\",\"watermark_info\":{\"enabled\":\"yes\"}}", 1201, "watermark_info.enabled"),
                arguments("{\"prompt\":\"a\",\"callback_url\":\"ftp://example.com/cb\"}", 1201, "callback_url"),
                arguments("{\"prompt\":\"a\",\"callback_url\":\"not a url\"}", 1201, "callback_url"),
                arguments("{\"prompt\":\"a\",\"external_task_id\":17}", 1201, "external_task_id"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestIsRejectedWithAMessageNamingTheField(String json, int code, String messagePart) {
        int before = SIM.simulator().createdTaskCount();
        KlingHttp.Reply reply = KlingHttp.withJwt(SIM.simulator()).post(PATH, json);
        assertThat(reply.status()).isEqualTo(code == 1203 ? 404 : 400);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.message()).contains(messagePart);
        assertThat(reply.json().has("data")).isFalse();
        assertThat(SIM.simulator().createdTaskCount()).isEqualTo(before);
    }

    static Stream<String> validRequests() {
        return Stream.of(
                "{\"prompt\":\"a\"}",
                "{\"prompt\":\"" + "é".repeat(2500) + "\"}",
                "{\"prompt\":\"a\",\"model_name\":\"kling-v1-6\",\"mode\":\"pro\",\"aspect_ratio\":\"9:16\",\"duration\":\"10\"}",
                "{\"prompt\":\"a\",\"model_name\":\"\",\"cfg_scale\":0}",
                "{\"prompt\":\"a\",\"cfg_scale\":1}",
                "{\"prompt\":\"a\",\"model_name\":\"kling-v2-6\",\"sound\":\"on\",\"mode\":\"pro\"}",
                "{\"prompt\":\"a\",\"sound\":\"off\",\"aspect_ratio\":\"1:1\"}",
                "{\"prompt\":\"a\",\"camera_control\":{\"type\":\"simple\",\"config\":{\"horizontal\":0,\"vertical\":0,\"pan\":0,\"tilt\":0,\"roll\":0,\"zoom\":5}}}",
                "{\"prompt\":\"a\",\"camera_control\":{\"type\":\"simple\",\"config\":{\"roll\":-10}}}",
                "{\"prompt\":\"a\",\"camera_control\":{\"type\":\"forward_up\"}}",
                "{\"prompt\":\"a\",\"camera_control\":{\"type\":\"left_turn_forward\",\"config\":{}}}",
                "{\"prompt\":\"a\",\"negative_prompt\":\"blurry\",\"watermark_info\":{\"enabled\":true},\"callback_url\":\"https://example.com/cb\"}",
                "{\"prompt\":\"a\",\"unknown_future_field\":{\"x\":1}}");
    }

    @ParameterizedTest
    @MethodSource("validRequests")
    void validRequestCreatesATask(String json) {
        KlingHttp.Reply reply = KlingHttp.withJwt(SIM.simulator()).post(PATH, json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.data().get("task_status").asText()).isEqualTo("submitted");
    }

    @Test
    void duplicateExternalTaskIdInTheAccountIsRejected() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String json = "{\"prompt\":\"a\",\"external_task_id\":\"dup-t2v-1\"}";
        assertThat(client.post(PATH, json).status()).isEqualTo(200);
        KlingHttp.Reply second = client.post(PATH, json);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo(1201);
        assertThat(second.message()).contains("external_task_id");
        // external ids are unique per account, not per product
        KlingHttp.Reply other = client.post("/v1/videos/image2video",
                "{\"image\":\"https://example.com/a.png\",\"external_task_id\":\"dup-t2v-1\"}");
        assertThat(other.code()).isEqualTo(1201);
        assertThat(SIM.simulator().tasksByExternalId("dup-t2v-1")).isEqualTo(1);
    }

    @Test
    void watermarkInfoIsEchoed() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String id = client.create(PATH, KlingHttp.body("prompt", "a", "watermark_info", KlingHttp.body("enabled", true)));
        assertThat(client.get(PATH + "/" + id).data().get("watermark_info").get("enabled").asBoolean()).isTrue();
    }
}
