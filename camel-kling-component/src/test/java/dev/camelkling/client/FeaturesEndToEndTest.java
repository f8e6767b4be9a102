package dev.camelkling.client;

import dev.camelkling.client.request.IdentifyFaceRequest;
import dev.camelkling.client.task.Face;
import dev.camelkling.client.task.FaceIdentification;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.task.KlingImage;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.KlingVideo;
import dev.camelkling.client.wait.WaitPolicy;

import dev.camelkling.simulator.KlingSimulatorExtension;
import dev.camelkling.simulator.SimulatorTiming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every new feature end to end against the Kling simulator: create, wait, succeed, download the media. */
class FeaturesEndToEndTest {

    private static final WaitPolicy FAST_WAIT = new WaitPolicy(Duration.ofMillis(50), 1.5, Duration.ofMillis(200), Duration.ofSeconds(30));
    private static final long ELEMENT_ID = 829836802793406551L;

    @RegisterExtension
    static final KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey("sim-key").timing(SimulatorTiming.FAST));

    private KlingClient client;

    @BeforeEach
    void setUp() {
        SIM.simulator().reset();
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl()).apiKey("sim-key").build());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static <T> T value(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    /** Creates, waits, checks success, and downloads the first result. */
    private KlingTask run(KlingRequest request, Path file) throws Exception {
        KlingTask created = value(client.create(request));
        assertThat(created.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
        KlingTask done = value(client.awaitCompletion(request.feature(), created.taskId(), FAST_WAIT)).requireNotFailed();
        assertThat(done.status()).isEqualTo(KlingTaskStatus.SUCCEED);
        assertThat(done.resultUrls()).isNotEmpty();
        value(client.download(done.resultUrls().get(0), file));
        byte[] media = Files.readAllBytes(file);
        if (request.feature().resultKind() == ResultKind.VIDEO) {
            assertThat(new String(media, 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
        } else {
            assertThat(new String(media, 1, 3, StandardCharsets.ISO_8859_1)).isEqualTo("PNG");
        }
        return done;
    }

    private KlingTask textToVideo() throws Exception {
        return value(client.createAndAwait(KlingRequests.text2video().prompt("A calm sea at dawn").build(), FAST_WAIT)).requireNotFailed();
    }

    private static double seconds(KlingVideo video) {
        return Double.parseDouble(video.duration());
    }

    @Test
    void multiImageToVideo(@TempDir Path dir) throws Exception {
        String hosted = SIM.simulator().hostImage(TestImages.png(640, 360));
        KlingRequest request = KlingRequests.multiImage2video()
                .imageList(List.of(KlingMedia.url(hosted), TestImages.jpeg(400, 400)))
                .prompt("The girl walks the dog along a beach").mode("std").duration(5).aspectRatio("16:9")
                .externalTaskId("mi2v-1").build();

        KlingTask done = run(request, dir.resolve("multi.mp4"));

        assertThat(done.videos()).hasSize(1);
        assertThat(value(client.getByExternalId(KlingFeature.MULTI_IMAGE2VIDEO, "mi2v-1")).taskId()).isEqualTo(done.taskId());
    }

    @Test
    void motionControl(@TempDir Path dir) throws Exception {
        KlingRequest request = KlingRequests.motionControl().imageUrl(TestImages.png(400, 600))
                .videoUrl("https://example.com/dance.mp4").characterOrientation("video").mode("std").keepOriginalSound(false)
                .modelName("kling-v3").elementIds(ELEMENT_ID).prompt("neon-lit stage").build();

        KlingTask done = run(request, dir.resolve("motion.mp4"));

        assertThat(done.videos()).hasSize(1);
    }

    @Test
    void videoIsExtendedTwice(@TempDir Path dir) throws Exception {
        KlingTask source = textToVideo();

        KlingTask once = run(KlingRequests.videoExtend().video(source).prompt("The fox looks up").build(), dir.resolve("once.mp4"));
        KlingTask twice = run(KlingRequests.videoExtend().video(once).prompt("and runs off").cfgScale(0.5).build(), dir.resolve("twice.mp4"));

        assertThat(once.parentVideo().id()).isEqualTo(source.firstVideoId());
        assertThat(twice.parentVideo().id()).isEqualTo(once.firstVideoId());
        assertThat(seconds(once.videos().get(0))).isGreaterThan(seconds(source.videos().get(0)));
        assertThat(seconds(twice.videos().get(0))).isGreaterThan(seconds(once.videos().get(0)));
        assertThat(twice.firstVideoId()).isNotIn(source.firstVideoId(), once.firstVideoId());
    }

    @Test
    void identifyFaceThenLipSyncWithDerivedTimes(@TempDir Path dir) throws Exception {
        KlingTask source = textToVideo();

        FaceIdentification found = value(client.identifyFace(IdentifyFaceRequest.ofVideoId(source.firstVideoId())));
        assertThat(found.sessionId()).isNotBlank();
        assertThat(found.faces()).isNotEmpty();
        Face face = found.faces().get(0);
        assertThat(face.endTime()).isGreaterThan(face.startTime());

        KlingRequest request = KlingRequests.lipSync().session(found, face).soundFile(KlingMedia.of(TestAudio.wav(3_000)))
                .externalTaskId("ls-1").build();
        assertThat(request.effectiveFields()).containsEntry("sound_end_time", 3_000L).containsEntry("sound_insert_time", face.startTime());
        KlingTask done = run(request, dir.resolve("lipsync.mp4"));

        assertThat(done.parentVideo()).isNotNull();
        assertThat(done.parentVideo().id()).isEqualTo(source.firstVideoId());
        assertThat(done.externalTaskId()).isEqualTo("ls-1");
    }

    @Test
    void lipSyncWithMp3FromAUrlFoundFaces(@TempDir Path dir) throws Exception {
        FaceIdentification found = value(client.identifyFace(IdentifyFaceRequest.ofVideoUrl("https://example.com/talk.mp4")));

        KlingRequest request = KlingRequests.lipSync().session(found, found.faces().get(0))
                .soundFile(KlingMedia.of(TestAudio.mp3(120, true, false))).soundVolume(1.2).originalAudioVolume(0.3).build();

        assertThat(run(request, dir.resolve("mp3.mp4")).videos()).hasSize(1);
    }

    @Test
    void imageGeneration(@TempDir Path dir) throws Exception {
        KlingRequest request = KlingRequests.imageGeneration().modelName("kling-v1-5").prompt("The same woman as an aviator")
                .image(KlingMedia.of(TestImages.png(400, 500))).imageReference("subject").imageFidelity(0.5).humanFidelity(0.45)
                .resolution("1k").aspectRatio("3:4").n(2).build();

        KlingTask done = run(request, dir.resolve("image.png"));

        assertThat(done.images()).extracting(KlingImage::index).containsExactly(0, 1);
        assertThat(done.resultUrls()).hasSize(2);
    }

    @Test
    void omniImageWithImagesAndElements(@TempDir Path dir) throws Exception {
        String hosted = SIM.simulator().hostImage(TestImages.png(400, 400));
        KlingRequest request = KlingRequests.omniImage().prompt("Let <<<image_1>>> and <<<image_2>>> eat hotpot")
                .imageList(List.of(hosted, TestImages.jpeg(500, 400))).elementIds(ELEMENT_ID).aspectRatio("auto").n(1)
                .externalTaskId("omni-1").build();

        KlingTask done = run(request, dir.resolve("omni.png"));

        assertThat(done.images()).hasSize(1);
        assertThat(value(client.getByExternalId(KlingFeature.OMNI_IMAGE, "omni-1")).taskId()).isEqualTo(done.taskId());
    }

    @Test
    void omniImageSeries(@TempDir Path dir) throws Exception {
        KlingRequest request = KlingRequests.omniImage().modelName("kling-v3-omni").prompt("A comic strip of a cat")
                .resultType("series").seriesAmount(3).resolution("4k").build();

        KlingTask done = run(request, dir.resolve("series.png"));

        assertThat(done.resultType()).isEqualTo("series");
        assertThat(done.resultUrls()).hasSize(3);
    }
}
