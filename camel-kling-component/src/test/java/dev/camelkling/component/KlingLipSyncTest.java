package dev.camelkling.component;

import dev.camelkling.simulator.SampleMedia;

import java.util.List;
import java.util.Map;

import dev.camelkling.client.task.Face;
import dev.camelkling.client.task.FaceIdentification;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KlingLipSyncTest extends KlingTestSupport {

    /** Sends the audio to a lip-sync endpoint for the video, chained by CamelKlingVideoId as after a video result. */
    private Exchange lipSync(String uri, KlingTask video, byte[] audio) {
        return template.request(uri, e -> {
            e.getMessage().setHeader(KlingConstants.VIDEO_ID, video.firstVideoId());
            e.getMessage().setBody(audio);
        });
    }

    private KlingTask video() {
        return template.requestBody("kling:text2video?waitForCompletion=true", "A presenter facing the camera", KlingTask.class);
    }

    @Test
    void identifyPublishesTheSessionAndTheChosenFace() {
        KlingTask video = video();

        Exchange out = template.request("kling:lipSync?step=identify", e -> e.getMessage().setBody(video.resultUrls().get(0)));

        assertThat(out.getException()).isNull();
        FaceIdentification found = out.getMessage().getBody(FaceIdentification.class);
        assertThat(found.faces()).isNotEmpty();
        Face first = found.faces().get(0);
        assertThat(out.getMessage().getHeader(KlingConstants.SESSION_ID)).isEqualTo(found.sessionId());
        assertThat(out.getMessage().getHeader(KlingConstants.FACE_ID)).isEqualTo(first.faceId());
        assertThat(out.getMessage().getHeader(KlingConstants.FACE_START_TIME, Long.class)).isEqualTo(first.startTime());
        assertThat(out.getMessage().getHeader(KlingConstants.FACE_END_TIME, Long.class)).isEqualTo(first.endTime());
        assertThat(out.getMessage().getHeader(KlingConstants.FACES, List.class)).hasSize(found.faces().size());
        assertThat(simulator().createdTaskCount()).isEqualTo(1); // identify creates no task
    }

    @Test
    void identifyThenCreateInTwoExchangesChainedByHeaders() throws Exception {
        KlingTask video = video();
        Exchange identified = template.request("kling:lipSync?step=identify",
                e -> e.getMessage().setHeader(KlingConstants.VIDEO_ID, video.firstVideoId()));
        byte[] audio = SampleMedia.wav(3);

        Exchange out = template.request("kling:lipSync?step=create&waitForCompletion=true", e -> {
            e.getMessage().setHeaders(identified.getMessage().getHeaders());
            e.getMessage().removeHeader(KlingConstants.TASK_ID);
            e.getMessage().setBody(audio);
        });

        assertThat(out.getException()).isNull();
        KlingTask synced = out.getMessage().getBody(KlingTask.class);
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(synced.parentVideo().id()).isEqualTo(video.firstVideoId());
        assertThat(isMp4(download(synced.resultUrls().get(0)))).isTrue();
    }

    @Test
    void autoChainsFromAVideoResultInOneExchange() throws Exception {
        KlingTask video = video();
        byte[] audio = SampleMedia.wav(3);

        Exchange out = lipSync("kling:lipSync?waitForCompletion=true", video, audio);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(out.getMessage().getHeader(KlingConstants.SESSION_ID, String.class)).isNotBlank();
        assertThat(out.getMessage().getBody(KlingTask.class).parentVideo().id()).isEqualTo(video.firstVideoId());
    }

    @Test
    void aFaceIndexBeyondTheFacesFoundIsRefusedBeforeAnyTask() throws Exception {
        KlingTask video = video();
        byte[] audio = SampleMedia.wav(3);

        Exchange out = lipSync("kling:lipSync?faceIndex=7", video, audio);

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("faceIndex");
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void withoutAVideoTheFieldIsNamed() throws Exception {
        byte[] audio = SampleMedia.wav(3);

        Exchange out = template.request("kling:lipSync", e -> e.getMessage().setBody(audio));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("video_url");
    }

    @Test
    void tooShortAudioIsRefusedLocally() throws Exception {
        KlingTask video = video();
        byte[] audio = SampleMedia.wav(1);

        Exchange out = lipSync("kling:lipSync", video, audio);

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("sound");
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void audioAndAudioIdAreMutuallyExclusive() throws Exception {
        KlingTask video = video();
        byte[] audio = SampleMedia.wav(3);

        Exchange out = template.request("kling:lipSync?audioId=tts-123", e -> {
            e.getMessage().setHeaders(Map.of(KlingConstants.VIDEO_ID, video.firstVideoId()));
            e.getMessage().setBody(audio);
        });

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("audio_id");
    }
}
