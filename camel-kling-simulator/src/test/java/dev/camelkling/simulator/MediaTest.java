package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MediaTest {
    static final String T2V = "/v1/videos/text2video";
    static final String I2V = "/v1/videos/image2video";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(50));

    private static JsonNode finishedVideo(KlingHttp client, String path, String taskId) {
        JsonNode task = client.awaitFinal(path, taskId);
        assertThat(task.get("task_status").asText()).isEqualTo("succeed");
        return task.get("task_result").get("videos").get(0);
    }

    @ParameterizedTest
    @CsvSource({"16:9, 10, 320, 180", "9:16, 5, 180, 320", "1:1, 5, 240, 240"})
    void text2videoResultIsARealMp4WithTheRequestedDurationAndAspectRatio(String aspect, String duration, int width, int height)
            throws Exception {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String taskId = client.create(T2V, body("prompt", "A red fox trotting through fresh snow at dawn",
                "aspect_ratio", aspect, "duration", duration));
        JsonNode video = finishedVideo(client, T2V, taskId);
        assertThat(Double.parseDouble(video.get("duration").asText())).isEqualTo(Double.parseDouble(duration));

        HttpResponse<byte[]> response = KlingHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(video.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);

        Mp4Boxes.Summary summary = Mp4Boxes.read(response.body());
        assertThat(summary.durationSeconds()).isCloseTo(Double.parseDouble(duration), within(0.05));
        assertThat(summary.width()).isEqualTo(width);
        assertThat(summary.height()).isEqualTo(height);

        BufferedImage frame = grab(response.body(), 3);
        assertThat(frame.getWidth()).isEqualTo(width);
        assertThat(frame.getHeight()).isEqualTo(height);
    }

    @Test
    void image2videoDrawsTheInputImageAndFollowsItsAspectRatio() throws Exception {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        String portrait = Base64.getEncoder().encodeToString(TestImages.jpeg(400, 600));
        String taskId = client.create(I2V, body("image", portrait, "prompt", "the ball starts to spin"));
        JsonNode video = finishedVideo(client, I2V, taskId);
        byte[] mp4 = client.download(video.get("url").asText());

        Mp4Boxes.Summary summary = Mp4Boxes.read(mp4);
        assertThat(summary.durationSeconds()).isCloseTo(5.0, within(0.05));
        assertThat(summary.width()).isEqualTo(180);
        assertThat(summary.height()).isEqualTo(320);

        // the test image is an orange disc on blue; the frame centre shows the disc
        BufferedImage frame = grab(mp4, 0);
        int rgb = frame.getRGB(frame.getWidth() / 2, frame.getHeight() / 2);
        int r = (rgb >> 16) & 0xFF;
        int b = rgb & 0xFF;
        assertThat(r).isGreaterThan(170);
        assertThat(b).isLessThan(110);
    }

    @Test
    void concurrentFirstDownloadsEncodeOnce() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String taskId = client.create(T2V, body("prompt", "encode me once", "aspect_ratio", "1:1"));
        String url = finishedVideo(client, T2V, taskId).get("url").asText();
        int before = sim.videoEncodeCount();

        List<CompletableFuture<byte[]>> downloads = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.download(url)))
                .toList();
        List<byte[]> bodies = downloads.stream().map(CompletableFuture::join).toList();
        assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
        assertThat(sim.videoEncodeCount()).isEqualTo(before + 1);
        client.download(url);
        assertThat(sim.videoEncodeCount()).isEqualTo(before + 1);
    }

    @Test
    void hostedImagesAreServedAsDecodableImages() throws Exception {
        KlingSimulator sim = SIM.simulator();
        String png = sim.hostImage(TestImages.png(640, 360));
        String jpg = sim.hostImage(TestImages.jpeg(300, 300));
        assertThat(png).endsWith(".png");
        assertThat(jpg).endsWith(".jpg");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(KlingHttp.withJwt(sim).download(png)));
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(360);
    }

    static BufferedImage grab(byte[] mp4, int frameNumber) throws Exception {
        FrameGrab grab = FrameGrab.createFrameGrab(ByteBufferSeekableByteChannel.readFromByteBuffer(ByteBuffer.wrap(mp4)));
        grab.seekToFramePrecise(frameNumber);
        return AWTUtil.toBufferedImage(grab.getNativeFrame());
    }
}
