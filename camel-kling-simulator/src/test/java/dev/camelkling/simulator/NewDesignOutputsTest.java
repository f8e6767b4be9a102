package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static dev.camelkling.simulator.KlingHttp.body;
import static dev.camelkling.simulator.NewDesignClient.T2V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The typed {@code outputs[]} of the new design (kling-api-2026.md §4.1) beyond the video: the sound track of a video
 * made with {@code audio=native} (a real MP3 and WAV), watermarked copies that are files of their own, and the voice,
 * element and unknown outputs a prompt's {@code [[outputs: ...]]} marker asks for.
 */
class NewDesignOutputsTest {
    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(NewDesignClient.API_KEY)
            .maxConcurrentTasks(50));

    @Test
    void nativeAudioAddsTheSoundTrackAsAnAudioOutputInMp3AndWav() throws Exception {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        JsonNode outputs = client.awaitFinal(client.createId(T2V + "kling-3.0", body("prompt", "rain on a tin roof",
                "settings", body("duration", 5, "audio", "native")))).get("outputs");

        assertThat(types(outputs)).containsExactly("video", "audio");
        JsonNode audio = outputs.get(1);
        assertThat(audio.get("id").asText()).isNotBlank();
        assertThat(audio.get("wav_duration").asText()).isEqualTo("5.0");
        assertThat(audio.get("mp3_duration").asText()).isEqualTo("5.016"); // 209 frames of 24 ms

        byte[] wav = client.http.download(audio.get("wav_url").asText());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            assertThat(in.getFrameLength() / in.getFormat().getFrameRate()).isCloseTo(5.0f, within(0.001f));
        }
        byte[] mp3 = client.http.download(audio.get("mp3_url").asText());
        assertThat(mp3.length).isEqualTo(209 * 384);
        for (int frame = 0; frame < 209; frame++) {
            assertThat(mp3[frame * 384] & 0xFF).as("frame %d sync", frame).isEqualTo(0xFF);
            assertThat(mp3[frame * 384 + 1] & 0xFF).as("MPEG-1 layer III").isEqualTo(0xFB);
        }
    }

    @Test
    void withoutNativeAudioThereIsNoAudioOutput() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        JsonNode outputs = client.awaitFinal(client.createId(T2V + "kling-3.0", body("prompt", "silent film",
                "settings", body("audio", "off")))).get("outputs");

        assertThat(types(outputs)).containsExactly("video");
    }

    @Test
    void aWatermarkedCopyIsAFileOfItsOwn() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        JsonNode video = client.awaitFinal(client.createId(T2V + "kling-2.6", body("prompt", "marked",
                "options", body("watermark_info", body("enabled", true))))).get("outputs").get(0);

        String url = video.get("url").asText();
        String watermarkUrl = video.get("watermark_url").asText();
        assertThat(watermarkUrl).isNotEqualTo(url);
        byte[] watermarked = client.http.download(watermarkUrl);
        assertThat(Mp4Boxes.read(watermarked).durationSeconds()).isCloseTo(5.0, within(0.05));
        assertThat(watermarked).isNotEqualTo(client.http.download(url));
    }

    @Test
    void theLegacyDesignShowsTheWatermarkedCopyToo() {
        KlingHttp legacy = KlingHttp.withJwt(SIM.simulator());
        String id = legacy.create("/v1/videos/text2video", body("prompt", "marked", "watermark_info", body("enabled", true)));
        JsonNode video = legacy.awaitFinal("/v1/videos/text2video", id).get("task_result").get("videos").get(0);

        assertThat(video.get("watermark_url").asText()).startsWith("http").isNotEqualTo(video.get("url").asText());
    }

    @Test
    void theOutputsMarkerAddsVoiceElementAndUnknownOutputsAfterTheRealOnes() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        JsonNode outputs = client.awaitFinal(client.createId(T2V + "kling-3.0",
                body("prompt", "a choir [[outputs: voice, element, hologram]]"))).get("outputs");

        assertThat(types(outputs)).containsExactly("video", "voice", "element", "hologram");
        assertThat(outputs.get(1).get("voice_id").asText()).startsWith("sim-voice-");
        JsonNode elementId = outputs.get(2).get("element_id");
        assertThat(elementId.isIntegralNumber()).isTrue();
        assertThat(elementId.bigIntegerValue()).isGreaterThan(BigInteger.TWO.pow(53));
        assertThat(outputs.get(3).get("id").asText()).isNotBlank();
    }

    private static List<String> types(JsonNode outputs) {
        List<String> types = new ArrayList<>();
        outputs.forEach(output -> types.add(output.get("type").asText()));
        return types;
    }
}
