package dev.camelkling.client;

import dev.camelkling.client.media.KlingMedia;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class AudioProbeTest {

    @Test
    void wavLengthIsReadExactly() {
        KlingMedia wav = KlingMedia.of(TestAudio.wav(3_250));

        assertThat(wav.audioFormat()).contains("wav");
        assertThat(wav.audioDurationMillis()).hasValue(3_250);
    }

    @Test
    void wavAsBase64AndAsFileGiveTheSameLength(@TempDir Path dir) throws Exception {
        byte[] bytes = TestAudio.wav(2_000);
        Path file = Files.write(dir.resolve("line.wav"), bytes);

        assertThat(KlingMedia.base64(Base64.getEncoder().encodeToString(bytes)).audioDurationMillis()).hasValue(2_000);
        assertThat(KlingMedia.of(file).audioDurationMillis()).hasValue(2_000);
    }

    @Test
    void constantBitrateMp3IsMeasuredByWalkingItsFrames() {
        KlingMedia mp3 = KlingMedia.of(TestAudio.mp3(115, false, false));

        assertThat(mp3.audioFormat()).contains("mp3");
        assertThat(mp3.audioDurationMillis()).hasValue(TestAudio.mp3Millis(115)).hasValue(3_004);
    }

    @Test
    void id3TagsBeforeAndAfterTheFramesAreSkipped() {
        KlingMedia mp3 = KlingMedia.of(TestAudio.mp3(200, true, true));

        assertThat(mp3.audioFormat()).contains("mp3");
        assertThat(mp3.audioDurationMillis()).hasValue(TestAudio.mp3Millis(200));
    }

    @Test
    void vbrInfoHeaderGivesTheFrameCount() {
        assertThat(KlingMedia.of(TestAudio.mp3WithInfoHeader(1_000)).audioDurationMillis()).hasValue(TestAudio.mp3Millis(1_000));
    }

    @Test
    void mp3ThatLosesSyncHasNoKnownLength() {
        byte[] mp3 = TestAudio.mp3(100, false, false);
        byte[] broken = Arrays.copyOf(mp3, mp3.length + 500);
        Arrays.fill(broken, mp3.length, broken.length, (byte) 0x55);

        assertThat(KlingMedia.of(broken).audioFormat()).contains("mp3");
        assertThat(KlingMedia.of(broken).audioDurationMillis()).isEmpty();
    }

    @Test
    void m4aLengthComesFromTheMovieHeader() {
        KlingMedia m4a = KlingMedia.of(TestAudio.m4a(4_500));

        assertThat(m4a.audioFormat()).contains("m4a");
        assertThat(m4a.audioDurationMillis()).hasValue(4_500);
    }

    @Test
    void otherContentIsRecognisedOrNotButNeverMeasured() {
        assertThat(KlingMedia.of("OggS\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)).audioFormat()).contains("ogg");
        assertThat(KlingMedia.of(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0, 0}).audioFormat()).contains("aac");
        assertThat(KlingMedia.of(TestImages.png(300, 300)).audioFormat()).isEmpty();
        assertThat(KlingMedia.of(TestImages.png(300, 300)).audioDurationMillis()).isEmpty();
        assertThat(KlingMedia.of(new byte[] {1, 2}).audioDurationMillis()).isEmpty();
    }

    @Test
    void urlsAreLeftToTheServer() {
        KlingMedia url = KlingMedia.url("https://example.com/line.mp3");

        assertThat(url.audioFormat()).isEqualTo(Optional.empty());
        assertThat(url.audioDurationMillis()).isEqualTo(OptionalLong.empty());
    }
}
