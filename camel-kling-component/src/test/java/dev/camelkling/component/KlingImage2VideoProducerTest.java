package dev.camelkling.component;

import dev.camelkling.simulator.SampleMedia;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;


import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class KlingImage2VideoProducerTest extends KlingTestSupport {

    private static final String WAIT = "kling:image2video?prompt=It comes alive&waitForCompletion=true";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "bytes", "file", "path", "stream", "base64" })
    void everyNaturalImageBodyBecomesAVideo(String kind) throws Exception {
        byte[] png = SampleMedia.png(640, 360);
        Path file = Files.write(dir.resolve("frame.png"), png);
        Object body = switch (kind) {
            case "bytes" -> png;
            case "file" -> file.toFile();
            case "path" -> file;
            case "stream" -> new ByteArrayInputStream(png);
            default -> Base64.getEncoder().encodeToString(png);
        };

        Exchange out = template.request(WAIT, e -> e.getMessage().setBody(body));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        String url = (String) out.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class).get(0);
        assertThat(isMp4(download(url))).isTrue();
    }

    @Test
    void imageUrlBodyIsSentAsAUrl() {
        Exchange out = template.request("kling:image2video?prompt=From a URL",
                e -> e.getMessage().setBody("https://example.com/pictures/frame.png"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(KlingTask.class).status()).isEqualTo(KlingTaskStatus.SUBMITTED);
        assertThat(simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void dataUriPrefixIsRefusedLocally() throws Exception {
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(SampleMedia.png(640, 360));

        Exchange out = template.request(WAIT, e -> e.getMessage().setBody(dataUri));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("image")
                .hasMessageContaining("data:");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void tooSmallImageIsRefusedLocally() throws Exception {
        byte[] small = SampleMedia.png(200, 200);

        Exchange out = template.request(WAIT, e -> e.getMessage().setBody(small));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("image")
                .hasMessageContaining("300");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void tailFrameAndCameraControlAreMutuallyExclusive() throws Exception {
        byte[] png = SampleMedia.png(640, 360);
        Exchange out = template.request("kling:image2video?cameraControl=simple:zoom=5", e -> {
            e.getMessage().setBody(png);
            e.getMessage().setHeader(KlingConstants.IMAGE_TAIL, png);
        });

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class)
                .hasMessageContaining("image_tail").hasMessageContaining("camera_control");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void missingImageIsRefusedLocally() {
        Exchange out = template.request("kling:image2video?prompt=No picture", e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("image");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void fileComponentBodyIsUsedAsTheImage() throws Exception {
        Files.write(dir.resolve("in.png"), SampleMedia.png(600, 600));
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir + "?include=.*\\.png&noop=true&initialDelay=0").routeId("files")
                        .to(WAIT).to("mock:done");
            }
        });
        var mock = getMockEndpoint("mock:done");
        mock.expectedMessageCount(1);
        mock.expectedHeaderReceived(KlingConstants.TASK_STATUS, "succeed");
        mock.assertIsSatisfied(20_000);
    }

    /**
     * A remote file streamed by its consumer (camel-ftp with streamDownload=true gives a WrappedFile whose body is an
     * InputStream): the stream is sent, and read once, never turned into one byte[] first.
     */
    @Test
    void remoteFileWhoseBodyIsAStreamIsSentAsAStream() throws Exception {
        byte[] png = SampleMedia.png(640, 360);
        java.util.concurrent.atomic.AtomicInteger wholeReads = new java.util.concurrent.atomic.AtomicInteger();
        java.io.InputStream stream = new ByteArrayInputStream(png) {
            @Override
            public byte[] readAllBytes() {
                wholeReads.incrementAndGet();
                return super.readAllBytes();
            }
        };
        org.apache.camel.WrappedFile<String> remote = new org.apache.camel.WrappedFile<>() {
            @Override
            public String getFile() {
                return "inbox/lamp.png";
            }

            @Override
            public Object getBody() {
                return stream;
            }

            @Override
            public long getFileLength() {
                return png.length;
            }
        };

        Exchange out = template.request(WAIT, e -> e.getMessage().setBody(remote));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(wholeReads).as("the stream was read whole into one array").hasValue(0);
    }
}
