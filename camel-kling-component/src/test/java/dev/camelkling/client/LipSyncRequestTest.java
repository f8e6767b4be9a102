package dev.camelkling.client;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.schema.RequestSchema;
import dev.camelkling.client.task.FaceIdentification;
import dev.camelkling.client.transport.WireJson;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.task.Face;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lip sync's flat fields, its locally derived defaults and its nested wire form. */
class LipSyncRequestTest extends LocalValidationSupport {

    private static final Face FACE = new Face("0", "https://cdn/face0.png", 1_200, 5_200);
    private static final FaceIdentification SESSION = new FaceIdentification("872133540193488921", List.of(FACE));

    @Test
    void wavLengthBecomesTheEndAndTheFaceStartTheInsertTime() {
        KlingRequest request = KlingRequests.lipSync().session(SESSION, FACE).soundFile(KlingMedia.of(TestAudio.wav(3_500))).build();

        assertThat(request.field("sound_end_time")).isNull(); // what was given stays as given
        assertThat(request.effectiveFields()).containsEntry("sound_start_time", 0L).containsEntry("sound_end_time", 3_500L)
                .containsEntry("sound_insert_time", 1_200L).containsEntry("face_start_time", 1_200L).containsEntry("face_end_time", 5_200L);
        request.validate();
    }

    @Test
    void mp3LengthIsReadToo(@TempDir Path dir) throws Exception {
        Path mp3 = Files.write(dir.resolve("line.mp3"), TestAudio.mp3(150, true, true));

        KlingRequest request = KlingRequests.lipSync().session(SESSION, FACE).soundFile(KlingMedia.of(mp3)).build();

        assertThat(request.effectiveFields().get("sound_end_time")).isEqualTo(TestAudio.mp3Millis(150));
    }

    @Test
    void givenTimesWinOverDefaults() {
        KlingRequest request = KlingRequests.lipSync().session(SESSION, FACE).soundFile(KlingMedia.of(TestAudio.wav(6_000)))
                .soundStartTime(1_000).soundEndTime(4_000).soundInsertTime(2_000).build();

        assertThat(request.effectiveFields()).containsEntry("sound_start_time", 1_000L).containsEntry("sound_end_time", 4_000L)
                .containsEntry("sound_insert_time", 2_000L);
    }

    @Test
    void unreadableLengthIsAClearError() throws Exception {
        KlingRequest request = KlingRequests.lipSync().session(SESSION, FACE).soundFile(KlingMedia.url("https://example.com/line.mp3")).build();

        KlingValidationException e = ValidationAssertions.rejectedLocally(client, server, request, "sound_end_time",
                "is required when the audio length cannot be read locally");
        assertThat(e.getMessage()).startsWith("lipSync request invalid: sound_end_time is required when the audio length cannot be read");
    }

    @Test
    void withoutFaceWindowTheInsertTimeMustBeGiven() throws Exception {
        KlingRequest request = KlingRequests.lipSync().sessionId("s").faceId("0").soundFile(KlingMedia.of(TestAudio.wav(3_000))).build();

        ValidationAssertions.rejectedLocally(client, server, request, "sound_insert_time", "is required when the face window is not known");
        request.with("sound_insert_time", 0).validate();
    }

    @Test
    void changingTheFaceWindowMovesTheDefaultInsertTime() {
        KlingRequest request = KlingRequests.lipSync().session(SESSION, FACE).audioId("tts-1").soundEndTime(3_000).build();

        KlingRequest later = request.with("face_start_time", 2_000).with("face_end_time", 9_000);

        assertThat(request.effectiveFields().get("sound_insert_time")).isEqualTo(1_200L);
        assertThat(later.effectiveFields().get("sound_insert_time")).isEqualTo(2_000L);
    }

    @Test
    void wireFormNestsTheFaceFieldsAndDropsTheLocalOnes() throws Exception {
        byte[] wav = TestAudio.wav(2_500);
        KlingRequest request = KlingRequests.lipSync().session(SESSION, FACE).soundFile(KlingMedia.of(wav)).soundVolume(1.5)
                .originalAudioVolume(0.3).watermark(true).externalTaskId("ls-1").callbackUrl("https://example.com/cb").build();

        JsonNode json = WireJson.MAPPER.readTree(WireJson.request(request));

        assertThat(iterable(json.fieldNames())).containsExactly("session_id", "face_choose", "watermark_info", "external_task_id", "callback_url");
        assertThat(json.path("face_choose")).hasSize(1);
        JsonNode face = json.path("face_choose").get(0);
        assertThat(iterable(face.fieldNames())).containsExactly("face_id", "sound_file", "sound_start_time", "sound_end_time",
                "sound_insert_time", "sound_volume", "original_audio_volume");
        assertThat(face.path("sound_file").asText()).isEqualTo(Base64.getEncoder().encodeToString(wav));
        assertThat(face.path("sound_start_time").isIntegralNumber()).isTrue();
        assertThat(face.path("sound_end_time").asLong()).isEqualTo(2_500);
        assertThat(face.path("sound_insert_time").asLong()).isEqualTo(1_200);
        assertThat(json.path("session_id").asText()).isEqualTo("872133540193488921");
        assertThat(json.toString()).doesNotContain("face_start_time").doesNotContain("face_end_time");
    }

    @Test
    void createSendsTheNestedForm() throws Exception {
        KlingRequest request = KlingRequests.lipSync().sessionId("s-9").faceId("1").audioId("tts-1").soundEndTime(4_000)
                .soundInsertTime(500).build();
        int before = server.requestCount();

        client.create(request).get(10, TimeUnit.SECONDS);

        StubKlingServer.Recorded sent = server.requests().get(before);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo("/v1/videos/advanced-lip-sync");
        assertThat(WireJson.MAPPER.readTree(sent.body())).isEqualTo(WireJson.MAPPER.readTree("""
                {"session_id":"s-9","face_choose":[{"face_id":"1","audio_id":"tts-1","sound_start_time":0,
                 "sound_end_time":4000,"sound_insert_time":500}]}"""));
    }

    @Test
    void flatAndNestedInputBuildTheSameRequest() {
        KlingRequest flat = KlingRequest.of(KlingFeature.LIP_SYNC, Map.of("session_id", "s", "face_id", "0", "audio_id", "a",
                "soundEndTime", "4000", "sound_insert_time", 500L));
        KlingRequest nested = KlingRequest.of(KlingFeature.LIP_SYNC, Map.of("session_id", "s", "face_choose", List.of(Map.of(
                "face_id", "0", "audio_id", "a", "sound_end_time", 4000, "sound_insert_time", 500))));
        KlingRequest built = KlingRequests.lipSync().sessionId("s").faceId("0").audioId("a").soundEndTime(4000).soundInsertTime(500).build();

        assertThat(nested).isEqualTo(flat).isEqualTo(built);
        assertThat(nested.wireFields()).isEqualTo(flat.wireFields());
        assertThat(built.with("face_choose", null).fields()).containsOnlyKeys("session_id");
    }

    @Test
    void audioCanBeGivenAsBase64OrFile(@TempDir Path dir) throws Exception {
        byte[] wav = TestAudio.wav(2_000);
        Path file = Files.write(dir.resolve("a.wav"), wav);

        for (Object audio : List.of(Base64.getEncoder().encodeToString(wav), file, file.toFile(), wav)) {
            KlingRequest request = KlingRequest.of(KlingFeature.LIP_SYNC, Map.of("session_id", "s", "face_id", "0", "sound_file", audio,
                    "sound_insert_time", 0));
            assertThat(request.effectiveFields().get("sound_end_time")).as(audio.getClass().getSimpleName()).isEqualTo(2_000L);
            request.validate();
        }
    }

    @Test
    void dataUriAudioIsRejectedWhenBuilt() {
        String dataUri = "data:audio/wav;base64," + Base64.getEncoder().encodeToString("RIFF".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> KlingRequests.lipSync().field("soundFile", dataUri))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("sound_file");
                    assertThat(e.getMessage()).startsWith("lipSync request invalid: sound_file must be raw Base64 without a data: URI prefix");
                });
    }

    @Test
    void localOnlyFieldsAreDeclaredAsSuch() {
        RequestSchema schema = KlingFeature.LIP_SYNC.schema();

        assertThat(schema.field("face_start_time").orElseThrow().isLocalOnly()).isTrue();
        assertThat(schema.field("faceEndTime").orElseThrow().isLocalOnly()).isTrue();
        assertThat(schema.field("sound_file").orElseThrow().wireContainer()).contains("face_choose");
        assertThat(schema.field("session_id").orElseThrow().wireContainer()).isEmpty();
        assertThat(schema.fieldNames()).contains("face_start_time", "face_end_time", "sound_volume");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
