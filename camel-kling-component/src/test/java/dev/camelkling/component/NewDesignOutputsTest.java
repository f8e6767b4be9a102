package dev.camelkling.component;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.List;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingOutput;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every type of the new design's {@code outputs[]} (kling-api-2026.md §4.1) reaches its header, against the simulator:
 * the sound track of an {@code audio=native} video (MP3 and WAV), watermarked copies, images with their group, voices,
 * elements, and an output type camel-kling does not know, which passes through visibly instead of failing the task.
 */
class NewDesignOutputsTest extends KlingTestSupport {

    private static final String NEW_DESIGN = "&waitForCompletion=true&apiKey=RAW(" + API_KEY + ")";
    /** Prompts with the simulator's marker for the outputs no create path makes by itself. */
    static final String MARKED_PROMPT = "A choir in a cathedral [[outputs: voice, element, hologram]]";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:audio").to("kling:text2video?modelName=kling-3.0&audio=native&duration=5" + NEW_DESIGN);
                from("direct:watermark").to("kling:text2video?modelName=kling-2.6&watermarkInfo=true" + NEW_DESIGN);
                from("direct:plain").to("kling:text2video?modelName=kling-3.0" + NEW_DESIGN);
                from("direct:downloadAll").to("kling:text2video?modelName=kling-3.0&audio=native&download=true&downloadAll=true"
                                              + NEW_DESIGN);
                from("direct:legacyWatermark").to("kling:text2video?watermarkInfo=true&waitForCompletion=true");
                from("direct:images").to("kling:imageGeneration?n=2&watermarkInfo=true&waitForCompletion=true");
                from("direct:get").to("kling:imageGeneration?operation=get&apiKey=RAW(" + API_KEY + ")");
            }
        };
    }

    @Test
    void theSoundTrackOfANativeAudioVideoReachesTheAudioHeadersAsRealFiles() throws Exception {
        Message result = send("direct:audio", "Rain on a tin roof");

        List<String> mp3 = strings(result, KlingConstants.AUDIO_MP3_URLS);
        List<String> wav = strings(result, KlingConstants.AUDIO_WAV_URLS);
        assertThat(mp3).singleElement().asString().endsWith(".mp3");
        assertThat(wav).singleElement().asString().endsWith(".wav");
        assertThat(wavSeconds(download(wav.get(0)))).isCloseTo(5.0, within(0.001));
        byte[] mp3Bytes = download(mp3.get(0));
        assertThat(mp3Bytes[0] & 0xFF).isEqualTo(0xFF);
        assertThat(mp3Bytes[1] & 0xE0).as("MPEG frame sync").isEqualTo(0xE0);
        assertThat(strings(result, KlingConstants.RESULT_URLS)).as("the video, which has the sound; not the audio files")
                .singleElement().asString().endsWith(".mp4");
        assertThat(result.getBody(KlingTask.class).audio()).singleElement().satisfies(audio -> {
            assertThat(audio.wavDuration()).isEqualTo("5.0");
            assertThat(Double.parseDouble(audio.mp3Duration())).isCloseTo(5.0, within(0.03));
        });
    }

    @Test
    void watermarkedCopiesReachTheWatermarkHeaderAndAreNotResultsOfTheirOwn() throws Exception {
        Message result = send("direct:watermark", "A marked fox");

        List<String> watermarks = strings(result, KlingConstants.WATERMARK_URLS);
        List<String> results = strings(result, KlingConstants.RESULT_URLS);
        assertThat(watermarks).hasSize(1).doesNotContainAnyElementsOf(results);
        assertThat(results).hasSize(1);
        assertThat(isMp4(download(watermarks.get(0)))).isTrue();
    }

    @Test
    void withoutWatermarkOrAudioThoseHeadersAreEmpty() {
        Message result = send("direct:plain", "A quiet lake");

        for (String header : List.of(KlingConstants.WATERMARK_URLS, KlingConstants.AUDIO_MP3_URLS, KlingConstants.AUDIO_WAV_URLS,
                KlingConstants.VOICE_IDS, KlingConstants.ELEMENT_IDS)) {
            assertThat(strings(result, header)).as(header).isEmpty();
        }
        assertThat(result.getHeader(KlingConstants.OUTPUTS, List.class)).singleElement().isInstanceOf(KlingOutput.Video.class);
    }

    @Test
    void voiceAndElementOutputsReachTheirHeadersAndAnUnknownTypePassesThrough() {
        Message result = send("direct:plain", MARKED_PROMPT);

        assertThat(result.getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(strings(result, KlingConstants.VOICE_IDS)).singleElement().asString().startsWith("sim-voice-");
        assertThat(strings(result, KlingConstants.ELEMENT_IDS)).singleElement().asString()
                .as("a 64-bit id keeps every digit").matches("9\\d{17}");
        assertThat(strings(result, KlingConstants.RESULT_URLS)).hasSize(1);
        assertOutputTypes(result.getHeader(KlingConstants.OUTPUTS, List.class));
    }

    @Test
    void downloadFetchesTheVideoNotItsSeparateSoundTrack() {
        Message result = send("direct:downloadAll", "Waves");

        List<?> files = result.getBody(List.class);
        assertThat(files).singleElement().satisfies(file -> assertThat(((File) file).getName()).endsWith(".mp4"));
        assertThat(strings(result, KlingConstants.AUDIO_MP3_URLS)).hasSize(1);
    }

    @Test
    void imageOutputsOfATaskReadThroughTheNewDesignReachTheResultAndWatermarkHeaders() {
        KlingTask created = template.requestBody("direct:images", "Two red apples", KlingTask.class);

        Exchange read = template.request("direct:get", e -> {
            e.getMessage().setHeader(KlingConstants.TASK_ID, created.taskId());
            e.getMessage().setHeader(KlingConstants.DESIGN, DesignStandard.NEW_DESIGN);
        });

        assertThat(read.getException()).isNull();
        Message result = read.getMessage();
        assertThat(result.getHeader(KlingConstants.DESIGN)).isEqualTo(DesignStandard.NEW_DESIGN);
        assertThat(strings(result, KlingConstants.RESULT_URLS)).hasSize(2).allSatisfy(url -> assertThat(url).endsWith(".png"));
        assertThat(strings(result, KlingConstants.WATERMARK_URLS)).hasSize(2)
                .doesNotContainAnyElementsOf(strings(result, KlingConstants.RESULT_URLS));
        assertThat(result.getHeader(KlingConstants.OUTPUTS, List.class)).hasSize(2).allSatisfy(output ->
                assertThat(((KlingOutput.Image) output).groupId()).isEqualTo(created.taskId()));
    }

    @Test
    void legacyWatermarkedCopiesReachTheSameHeaders() throws Exception {
        Message video = template.request("direct:legacyWatermark", e -> e.getMessage().setBody("A marked hare")).getMessage();
        Message images = template.request("direct:images", e -> e.getMessage().setBody("Two pears")).getMessage();

        assertThat(video.getHeader(KlingConstants.DESIGN)).isEqualTo(DesignStandard.LEGACY);
        List<String> watermarks = strings(video, KlingConstants.WATERMARK_URLS);
        assertThat(watermarks).singleElement().isNotIn(strings(video, KlingConstants.RESULT_URLS));
        assertThat(isMp4(download(watermarks.get(0)))).isTrue();
        assertThat(video.getHeader(KlingConstants.OUTPUTS, List.class)).singleElement()
                .isInstanceOfSatisfying(KlingOutput.Video.class, output ->
                        assertThat(((KlingOutput.Video) output).watermarkUrl()).isEqualTo(watermarks.get(0)));
        assertThat(strings(images, KlingConstants.WATERMARK_URLS)).hasSize(2)
                .doesNotContainAnyElementsOf(strings(images, KlingConstants.RESULT_URLS));
    }

    /** The marked task's outputs: its video, then a voice, an element and the unknown {@code hologram}, with its fields. */
    static void assertOutputTypes(List<?> outputs) {
        assertThat(outputs).extracting(output -> ((KlingOutput) output).type())
                .containsExactly("video", "voice", "element", "hologram");
        assertThat(outputs.get(3)).isInstanceOfSatisfying(KlingOutput.Other.class, other ->
                assertThat(other.fields()).containsEntry("type", "hologram").containsKey("id"));
    }

    private Message send(String uri, String prompt) {
        Exchange done = template.request(uri, e -> e.getMessage().setBody(prompt));
        assertThat(done.getException()).isNull();
        return done.getMessage();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Message message, String header) {
        return message.getHeader(header, List.class);
    }

    private static double wavSeconds(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            return in.getFrameLength() / in.getFormat().getFrameRate();
        }
    }
}
