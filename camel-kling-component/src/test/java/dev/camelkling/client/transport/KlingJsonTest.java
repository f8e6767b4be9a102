package dev.camelkling.client.transport;

import dev.camelkling.client.TestImages;
import dev.camelkling.client.schema.TrajectoryPoint;
import dev.camelkling.client.callback.CallbackBody;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.schema.DynamicMask;
import dev.camelkling.client.task.KlingImage;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskFailedException;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.KlingVideo;
import dev.camelkling.client.transport.Envelope;
import dev.camelkling.client.transport.KlingJson;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KlingJsonTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void envelopeWithUnknownFieldsIsRead() {
        Envelope envelope = KlingJson.parseEnvelope(utf8("""
                {"code":0,"message":"SUCCEED","request_id":"r-1","new_vendor_field":{"a":1},
                 "data":{"task_id":"1","task_status":"submitted"}}""")).orElseThrow();

        assertThat(envelope.code()).isZero();
        assertThat(envelope.message()).isEqualTo("SUCCEED");
        assertThat(envelope.requestId()).isEqualTo("r-1");
        assertThat(envelope.data().path("task_id").asText()).isEqualTo("1");
    }

    @Test
    void nonEnvelopesAreNotMistakenForOne() {
        assertThat(KlingJson.parseEnvelope(utf8("<html>502 Bad Gateway</html>"))).isEmpty();
        assertThat(KlingJson.parseEnvelope(utf8("[1,2]"))).isEmpty();
        assertThat(KlingJson.parseEnvelope(utf8("{\"error\":\"x\"}"))).isEmpty();
        assertThat(KlingJson.parseEnvelope(new byte[0])).isEmpty();
    }

    @Test
    void finishedVideoTaskIsReadIgnoringUnknownFields() {
        KlingTask task = CallbackBody.task("""
                { "task_id": "866889456698785798", "task_status": "succeed", "task_status_msg": "",
                  "task_info": { "external_task_id": "order-42", "something_new": true,
                                 "parent_video": { "id": "src", "url": "https://cdn/src.mp4", "duration": "5.1" } },
                  "task_result": { "videos": [ { "id": "a8f3", "url": "https://cdn/a8f3.mp4", "duration": "9.6", "watermark_url": "https://cdn/w.mp4" } ] },
                  "watermark_info": {"enabled": true},
                  "final_balance_deduction": {"quota": 1, "list_price": 2.5},
                  "created_at": 1722769557708, "updated_at": 1722769650123, "final_unit_deduction": "1" }""");

        assertThat(task.taskId()).isEqualTo("866889456698785798");
        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(task.isFinal()).isTrue();
        assertThat(task.statusMessage()).isEmpty();
        assertThat(task.externalTaskId()).isEqualTo("order-42");
        assertThat(task.parentVideo()).isEqualTo(new KlingVideo("src", "https://cdn/src.mp4", "5.1"));
        assertThat(task.videos()).containsExactly(new KlingVideo("a8f3", "https://cdn/a8f3.mp4", "9.6"));
        assertThat(task.images()).isEmpty();
        assertThat(task.resultUrls()).containsExactly("https://cdn/a8f3.mp4");
        assertThat(task.firstVideoId()).isEqualTo("a8f3");
        assertThat(task.createdAt()).isEqualTo(1722769557708L);
        assertThat(task.updatedAt()).isEqualTo(1722769650123L);
        assertThat(task.finalUnitDeduction()).isEqualTo("1");
    }

    @Test
    void imageTaskAndNumericIdsAreReadExactly() {
        KlingTask task = CallbackBody.task("""
                { "task_id": 866889456698786001, "task_status": "succeed", "final_unit_deduction": 2.50,
                  "task_result": { "images": [ { "index": 1, "url": "https://cdn/1.png" }, { "index": 0, "url": "https://cdn/0.png" } ] },
                  "created_at": 1, "updated_at": 2 }""");

        assertThat(task.taskId()).isEqualTo("866889456698786001"); // would be ...6000 through a double
        assertThat(task.finalUnitDeduction()).isEqualTo("2.50");
        assertThat(task.images()).containsExactly(new KlingImage(1, "https://cdn/1.png"), new KlingImage(0, "https://cdn/0.png"));
        assertThat(task.resultUrls()).containsExactly("https://cdn/1.png", "https://cdn/0.png");
        assertThat(task.firstVideoId()).isNull();
    }

    @Test
    void minimalCreateResponseIsRead() {
        KlingTask task = CallbackBody.task("{\"task_id\":\"9\",\"task_status\":\"submitted\",\"created_at\":5,\"updated_at\":5}");

        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
        assertThat(task.isFinal()).isFalse();
        assertThat(task.externalTaskId()).isNull();
        assertThat(task.parentVideo()).isNull();
        assertThat(task.videos()).isEmpty();
        assertThat(task.resultUrls()).isEmpty();
        assertThat(task.finalUnitDeduction()).isNull();
    }

    @Test
    void failedTaskCarriesItsMessage() {
        KlingTask task = CallbackBody.task("{\"task_id\":\"9\",\"task_status\":\"failed\",\"task_status_msg\":\"Failure to pass the risk control system\"}");

        assertThat(task.isFinal()).isTrue();
        assertThatThrownBy(task::requireNotFailed)
                .isInstanceOfSatisfying(KlingTaskFailedException.class, e -> {
                    assertThat(e.task()).isSameAs(task);
                    assertThat(e.getMessage()).isEqualTo("Kling task 9 failed: Failure to pass the risk control system");
                });
    }

    @Test
    void undocumentedStatusKeepsWaiting() {
        assertThat(CallbackBody.task("{\"task_id\":\"9\",\"task_status\":\"queueing\"}").status()).isEqualTo(KlingTaskStatus.PROCESSING);
        assertThatThrownBy(() -> KlingTaskStatus.fromWire("queueing")).isInstanceOf(IllegalArgumentException.class);
        assertThat(KlingTaskStatus.fromWire("succeed")).isEqualTo(KlingTaskStatus.SUCCEED);
    }

    @Test
    void taskWithoutIdIsAnError() {
        assertThatThrownBy(() -> CallbackBody.task("{\"task_status\":\"succeed\"}")).isInstanceOf(KlingException.class);
        assertThatThrownBy(() -> CallbackBody.task("not json")).isInstanceOf(KlingException.class);
    }

    @Test
    void requestBodyHasTheWireShape(@TempDir Path dir) throws Exception {
        byte[] png = TestImages.png(300, 300);
        Path file = Files.write(dir.resolve("mask.png"), png);
        KlingRequest request = KlingRequests.image2video()
                .modelName("kling-v1").image(KlingMedia.of(png)).staticMask(KlingMedia.of(file))
                .dynamicMasks(List.of(new DynamicMask(KlingMedia.url("https://e.com/m.png"), List.of(new TrajectoryPoint(1, 2), new TrajectoryPoint(3, 4)))))
                .duration(5).cfgScale(0.5).sound(true).voiceList(List.of("v1")).watermark(false).externalTaskId("i2v-1")
                .build();

        JsonNode body = WireJson.MAPPER.readTree(WireJson.request(request));

        String base64 = Base64.getEncoder().encodeToString(png);
        assertThat(body.get("model_name").asText()).isEqualTo("kling-v1");
        assertThat(body.get("image").asText()).isEqualTo(base64);
        assertThat(body.get("static_mask").asText()).isEqualTo(base64);
        assertThat(body.get("dynamic_masks").toString())
                .isEqualTo("[{\"mask\":\"https://e.com/m.png\",\"trajectories\":[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}]}]");
        assertThat(body.get("duration").isTextual()).isTrue();
        assertThat(body.get("duration").asText()).isEqualTo("5");
        assertThat(body.get("cfg_scale").isNumber()).isTrue();
        assertThat(body.get("sound").asText()).isEqualTo("on");
        assertThat(body.get("voice_list").toString()).isEqualTo("[{\"voice_id\":\"v1\"}]");
        assertThat(body.get("watermark_info").toString()).isEqualTo("{\"enabled\":false}");
        assertThat(body.get("external_task_id").asText()).isEqualTo("i2v-1");
    }

    @Test
    void cameraControlIsWrittenWithoutNullConfig() throws Exception {
        JsonNode preset = WireJson.MAPPER.readTree(WireJson.request(
                KlingRequests.text2video().prompt("x").cameraControl("down_back").build()));
        JsonNode simple = WireJson.MAPPER.readTree(WireJson.request(
                KlingRequests.text2video().prompt("x").cameraControl("simple:zoom=5").build()));

        assertThat(preset.get("camera_control").toString()).isEqualTo("{\"type\":\"down_back\"}");
        assertThat(simple.get("camera_control").toString())
                .isEqualTo("{\"type\":\"simple\",\"config\":{\"horizontal\":0,\"vertical\":0,\"pan\":0,\"tilt\":0,\"roll\":0,\"zoom\":5}}");
        assertThat(WireJson.MAPPER.convertValue(simple, Map.class)).containsOnlyKeys("prompt", "camera_control");
    }
}
