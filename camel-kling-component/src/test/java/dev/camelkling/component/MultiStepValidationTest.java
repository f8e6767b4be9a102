package dev.camelkling.component;

import dev.camelkling.simulator.SampleMedia;

import java.util.Map;
import java.util.stream.Stream;

import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A flow of several requests checks the fields of every step before it sends the first: bad input for a later step
 * must not cost the earlier requests and then fail.
 */
class MultiStepValidationTest extends KlingTestSupport {

    /** Lip sync fields that only the second request (the lip-sync task) uses, each broken in one way. */
    static Stream<Arguments> badLipSyncFields() throws Exception {
        byte[] audio = SampleMedia.wav(3);
        return Stream.of(
                arguments("soundVolume=5", Map.of(), audio, "sound_volume"),
                arguments("originalAudioVolume=-1", Map.of(), audio, "original_audio_volume"),
                arguments("soundStartTime=0&soundEndTime=1000", Map.of(), audio, "sound_end_time"),
                arguments("soundEndTime=9000", Map.of(), audio, "sound_end_time"),
                arguments("audioId=tts-1", Map.of(), audio, "audio_id"),
                arguments("faceIndex=-1", Map.of(), audio, "faceIndex"),
                arguments("callbackUrl=ftp://example.com/cb", Map.of(), audio, "callback_url"),
                arguments("externalTaskId=1234567890123456", Map.of(), audio, "external_task_id"),
                arguments("waitForCompletion=false", Map.of(KlingConstants.SOUND_VOLUME, "loud"), audio, "CamelKlingSoundVolume"),
                arguments("waitForCompletion=false", Map.of(), SampleMedia.wav(1), "sound_file"),
                arguments("waitForCompletion=false", Map.of(), "not audio".getBytes(), "sound_file"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badLipSyncFields")
    void lipSyncAutoChecksTheLipSyncFieldsBeforeIdentifyingFaces(String query, Map<String, Object> headers, byte[] audio,
                                                                  String named) {
        RecordedRequests sent = RecordedRequests.on(simulator());
        try {
            Exchange out = template.request("kling:lipSync?step=auto&" + query, e -> {
                e.getMessage().setHeaders(new java.util.HashMap<>(headers));
                e.getMessage().setHeader(KlingConstants.VIDEO_ID, "860001");
                e.getMessage().setBody(audio);
            });

            assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining(named);
            assertThat(sent.all()).as("requests sent, identify-face included").isEmpty();
        } finally {
            sent.detach(simulator());
        }
    }

    @Test
    void videoExtendChecksTheExternalIdOfItsLastPossibleStepBeforeTheFirst() {
        RecordedRequests sent = RecordedRequests.on(simulator());
        try {
            String longest = "x".repeat(250); // valid itself; with a step suffix ("-step2") over Kling's 256 characters
            Exchange out = template.request("kling:videoExtend?targetDuration=20&externalTaskId=" + longest,
                    e -> e.getMessage().setBody("860001"));

            assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("external_task_id");
            assertThat(sent.all()).as("requests sent").isEmpty();
        } finally {
            sent.detach(simulator());
        }
    }
}
