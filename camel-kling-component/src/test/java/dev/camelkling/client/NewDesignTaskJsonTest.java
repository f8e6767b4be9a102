package dev.camelkling.client;

import dev.camelkling.client.callback.CallbackBody;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingBilling;
import dev.camelkling.client.task.KlingImage;
import dev.camelkling.client.task.KlingOutput;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of the new design's task object (kling-api-2026.md §4.1, §6) the simulator does not produce: times as
 * strings (§9.1), image and audio outputs, cash billing, an undocumented status.
 */
class NewDesignTaskJsonTest {

    @Test
    void aNewDesignTaskObjectMapsToTheOneTaskType() {
        KlingTask task = CallbackBody.task("""
                {"id":"893605946402811985","status":"succeeded","message":"","create_time":"1781193600000","update_time":1781193660000,
                 "external_id":"order-42",
                 "outputs":[{"type":"image","url":"https://cdn/a.png","watermark_url":"https://cdn/a-w.png","group_id":"g"},
                            {"type":"audio","id":"au","mp3_url":"https://cdn/a.mp3","mp3_duration":"5"},
                            {"type":"image","url":"https://cdn/b.png"},
                            {"type":"video","id":"v1","url":"https://cdn/v.mp4","duration":"5.1"}],
                 "billing":[{"charge_type":"cash","cash_type":"balance","amount":"0.4200","currency":"USD","package_type":"video","list_price":"0.5"},
                            {"charge_type":"unit","amount":7.5,"package_type":"image"}]}
                """);

        assertThat(task.design()).isEqualTo(DesignStandard.NEW_DESIGN);
        assertThat(task.taskId()).isEqualTo("893605946402811985");
        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(task.externalTaskId()).isEqualTo("order-42");
        assertThat(task.createdAt()).isEqualTo(1781193600000L);
        assertThat(task.updatedAt()).isEqualTo(1781193660000L);
        assertThat(task.images()).containsExactly(new KlingImage(0, "https://cdn/a.png"), new KlingImage(1, "https://cdn/b.png"));
        assertThat(task.firstVideoId()).isEqualTo("v1");
        assertThat(task.videos().get(0).duration()).isEqualTo("5.1");
        assertThat(task.resultUrls()).containsExactly("https://cdn/v.mp4", "https://cdn/a.png", "https://cdn/b.png");
        assertThat(task.billing()).containsExactly(new KlingBilling("cash", new BigDecimal("0.4200"), "USD", "video"),
                new KlingBilling("unit", new BigDecimal("7.5"), null, "image"));
    }

    @Test
    void everyOutputTypeIsTypedAndAnUnknownOneKeepsItsFields() {
        KlingTask task = CallbackBody.task("""
                {"id":"3","status":"succeeded",
                 "outputs":[{"type":"audio","id":"a1","mp3_url":"https://cdn/a.mp3","wav_url":"https://cdn/a.wav","mp3_duration":"5.016","wav_duration":"5.0"},
                            {"type":"audio","id":"a2","wav_url":"https://cdn/b.wav"},
                            {"type":"voice","id":"voice_1"},
                            {"type":"element","id":"element_1","element_id":900000000000000123},
                            "not an object",
                            {"type":"hologram","id":"h1","depth":2.50,"tag":null}]}
                """);

        assertThat(task.outputs()).hasSize(5).startsWith(
                new KlingOutput.Audio("a1", "https://cdn/a.mp3", "https://cdn/a.wav", "5.016", "5.0"),
                new KlingOutput.Audio("a2", null, "https://cdn/b.wav", null, null),
                new KlingOutput.Voice("voice_1", Map.of("type", "voice", "id", "voice_1")),
                new KlingOutput.Element("900000000000000123", Map.of("type", "element", "id", "element_1",
                        "element_id", 900000000000000123L)));
        assertThat(task.outputs().get(4)).isInstanceOfSatisfying(KlingOutput.Other.class, other -> {
            assertThat(other.type()).isEqualTo("hologram");
            assertThat(other.fields()).containsEntry("id", "h1").containsEntry("depth", new BigDecimal("2.50"))
                    .containsEntry("tag", null);
        });
        assertThat(task.resultUrls()).as("a task whose only media is audio: its MP3s, else WAVs")
                .containsExactly("https://cdn/a.mp3", "https://cdn/b.wav");
        assertThat(task.voiceIds()).containsExactly("voice_1");
        assertThat(task.elementIds()).containsExactly("900000000000000123");
        assertThat(task.videos()).isEmpty();
    }

    @Test
    void aFailedTaskKeepsItsMessageAndAnUndocumentedStatusKeepsAWaitGoing() {
        KlingTask failed = CallbackBody.task("{\"id\":\"1\",\"status\":\"failed\",\"message\":\"content policy\",\"outputs\":[],\"billing\":[]}");
        KlingTask queued = CallbackBody.task("{\"id\":\"2\",\"status\":\"queued\"}");

        assertThat(failed.status()).isEqualTo(KlingTaskStatus.FAILED);
        assertThat(failed.statusMessage()).isEqualTo("content policy");
        assertThat(failed.billing()).isEmpty();
        assertThat(queued.status()).isEqualTo(KlingTaskStatus.PROCESSING);
        assertThat(queued.isFinal()).isFalse();
    }

    @Test
    void bothSpellingsOfSuccessAreOneState() {
        assertThat(KlingTaskStatus.fromWire("succeeded")).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(KlingTaskStatus.fromWire("succeed")).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(KlingTaskStatus.SUCCEED.wireValue()).isEqualTo("succeed");
        assertThat(KlingTaskStatus.SUCCEED.newDesignWireValue()).isEqualTo("succeeded");
        assertThat(KlingTaskStatus.FAILED.newDesignWireValue()).isEqualTo("failed");
    }
}
