package dev.camelkling.component;

import dev.camelkling.simulator.SampleMedia;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** imageGeneration, omniImage, multiImage2video and motionControl through URI options and natural bodies. */
class KlingImageFeaturesTest extends KlingTestSupport {

    @Test
    void imageGenerationReturnsAllNImagesAsRealPngs() throws Exception {
        Exchange out = template.request("kling:imageGeneration?n=3&aspectRatio=16:9&waitForCompletion=true",
                e -> e.getMessage().setBody("A camel in a library"));

        assertThat(out.getException()).isNull();
        List<?> urls = out.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class);
        assertThat(urls).hasSize(3);
        for (Object url : urls) {
            var image = ImageIO.read(new ByteArrayInputStream(download((String) url)));
            assertThat(image).isNotNull();
            assertThat((double) image.getWidth() / image.getHeight()).isCloseTo(16.0 / 9, org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void imageGenerationRefusesNegativePromptWithAnImageLocally() throws Exception {
        byte[] png = SampleMedia.png(640, 640);
        Exchange out = template.request("kling:imageGeneration?negativePrompt=blurry", e -> {
            e.getMessage().setBody("Same person as an astronaut");
            e.getMessage().setHeader(KlingConstants.IMAGE, png);
        });

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("negative_prompt");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void omniImageTakesAListBodyAsImagesAndAPromptHeader() throws Exception {
        byte[] png = SampleMedia.png(640, 480);
        Exchange out = template.request("kling:omniImage?waitForCompletion=true", e -> {
            e.getMessage().setBody(List.of(png, png));
            e.getMessage().setHeader(KlingConstants.PROMPT, "<<<image_1>>> meets <<<image_2>>>");
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
    }

    @Test
    void omniImageTakesAStringBodyAsThePrompt() {
        KlingTask task = template.requestBody("kling:omniImage?waitForCompletion=true&resolution=1k",
                "A teapot shaped like a camel", KlingTask.class);

        assertThat(task.resultUrls()).isNotEmpty();
    }

    @Test
    void omniImageRefusesAReferenceToAMissingImageLocally() throws Exception {
        byte[] png = SampleMedia.png(640, 480);
        Exchange out = template.request("kling:omniImage", e -> {
            e.getMessage().setBody(List.of(png));
            e.getMessage().setHeader(KlingConstants.PROMPT, "<<<image_1>>> and <<<image_2>>>");
        });

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("image_2");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void multiImage2videoTakesAListOfImages() throws Exception {
        byte[] png = SampleMedia.png(640, 480);
        Exchange out = template.request("kling:multiImage2video?prompt=Two friends&waitForCompletion=true",
                e -> e.getMessage().setBody(List.of(png, png, png)));

        assertThat(out.getException()).isNull();
        assertThat(isMp4(download((String) out.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class).get(0)))).isTrue();
    }

    @Test
    void multiImage2videoRefusesFiveImagesLocally() throws Exception {
        byte[] png = SampleMedia.png(640, 480);
        Exchange out = template.request("kling:multiImage2video?prompt=Too many",
                e -> e.getMessage().setBody(List.of(png, png, png, png, png)));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("image_list");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void motionControlTakesTheCharacterFromTheBodyAndTheMotionFromAHeader() throws Exception {
        KlingTask motion = template.requestBody("kling:text2video?waitForCompletion=true", "A dancer", KlingTask.class);
        byte[] png = SampleMedia.png(480, 640);

        Exchange out = template.request("kling:motionControl?characterOrientation=video&mode=std&waitForCompletion=true", e -> {
            e.getMessage().setBody(png);
            e.getMessage().setHeader(KlingConstants.VIDEO_URL, motion.resultUrls().get(0));
        });

        assertThat(out.getException()).isNull();
        assertThat(isMp4(download((String) out.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class).get(0)))).isTrue();
    }

    @Test
    void motionControlNeedsItsRequiredOptions() throws Exception {
        byte[] png = SampleMedia.png(480, 640);

        Exchange out = template.request("kling:motionControl?videoUrl=https://example.com/dance.mp4&mode=std",
                e -> e.getMessage().setBody(png));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("character_orientation");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void downloadAllIntoADirectoryKeepsEveryImage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Exchange out = template.request("kling:imageGeneration?n=3&waitForCompletion=true&download=true&downloadAll=true"
                                        + "&downloadDirectory=" + dir, e -> e.getMessage().setBody("Three posters"));

        assertThat(out.getException()).isNull();
        List<?> files = out.getMessage().getBody(List.class);
        List<?> urls = out.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class);
        assertThat(files).hasSize(3);
        for (int i = 0; i < 3; i++) {
            java.io.File file = (java.io.File) files.get(i);
            assertThat(file.toPath().getParent()).isEqualTo(dir);
            assertThat(java.nio.file.Files.readAllBytes(file.toPath())).isEqualTo(download((String) urls.get(i)));
        }
    }

    @Test
    void resultIndexPicksOneImageIntoATemporaryFileGoneAfterTheExchange() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.io.File> seen = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<byte[]> content = new java.util.concurrent.atomic.AtomicReference<>();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:second").to("kling:imageGeneration?n=2&waitForCompletion=true&download=true&resultIndex=1")
                        .process(e -> {
                            java.io.File file = e.getMessage().getBody(java.io.File.class);
                            seen.set(file);
                            content.set(java.nio.file.Files.readAllBytes(file.toPath()));
                        });
            }
        });

        Exchange out = template.request("direct:second", e -> e.getMessage().setBody("Two posters"));

        assertThat(out.getException()).isNull();
        String second = (String) out.getMessage().getHeader(KlingConstants.RESULT_URLS, List.class).get(1);
        assertThat(content.get()).isEqualTo(download(second));
        // deleted once no exchange carries it, after a short grace for copies not yet in flight (TemporaryResultFiles)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(seen.get()).doesNotExist());
    }
}
