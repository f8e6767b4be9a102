package dev.camelkling.simulator.media;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class MediaStoreTest {
    private final MediaStore store = new MediaStore(() -> "http://127.0.0.1:4321");

    @Test
    void generatedImagesArePngsOfTheRequestedSize() throws Exception {
        String id = store.registerImage(new ImageSpec("image-generation", "a watercolour fox", FrameSize.forImageAspectRatio("3:4", 400), 0));
        MediaStore.Media media = store.image(id).orElseThrow();
        assertThat(media.contentType()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(media.bytes()));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(store.image(id).orElseThrow().bytes()).isSameAs(media.bytes());
        assertThat(store.imageUrl(id)).isEqualTo("http://127.0.0.1:4321/media/images/" + id + ".png");
    }

    @Test
    void renderedMediaBeyondTheCacheBudgetIsEvictedLeastRecentlyUsedFirstAndRenderedAgain() {
        MediaStore small = new MediaStore(() -> "http://127.0.0.1:1", 1);
        String a = small.registerImage(new ImageSpec("p", "a", new FrameSize(32, 32), 0));
        String b = small.registerImage(new ImageSpec("p", "b", new FrameSize(32, 32), 1));
        small.image(a);
        small.image(a);
        assertThat(small.renderCount()).isEqualTo(1);
        small.image(b);
        assertThat(small.renderCount()).isEqualTo(2);
        small.image(b);
        assertThat(small.renderCount()).as("the item just used stays").isEqualTo(2);
        small.image(a);
        assertThat(small.renderCount()).as("a was evicted for b").isEqualTo(3);
    }

    @Test
    void ownUrlsAreRecognisedByLoopbackHostAndPort() {
        String url = store.hostImage(new byte[]{1, 2, 3}, "image/png");
        assertThat(store.ownImage(url)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(store.ownImage(url.replace("127.0.0.1", "localhost"))).isPresent();
        assertThat(store.ownImage(url.replace("4321", "4322"))).isEmpty();
        assertThat(store.ownImage("https://example.com/media/images/x.png")).isEmpty();
        assertThat(store.video("unknown")).isEmpty();
    }

    @Test
    void videoAspectRatiosMapToSmallFrames() {
        assertThat(FrameSize.forVideoAspectRatio("16:9")).isEqualTo(new FrameSize(320, 180));
        assertThat(FrameSize.forVideoAspectRatio("9:16")).isEqualTo(new FrameSize(180, 320));
        assertThat(FrameSize.forVideoAspectRatio("1:1")).isEqualTo(new FrameSize(240, 240));
        assertThat(FrameSize.closestVideoAspectRatio(640, 360)).isEqualTo("16:9");
        assertThat(FrameSize.closestVideoAspectRatio(400, 600)).isEqualTo("9:16");
        assertThat(FrameSize.closestVideoAspectRatio(500, 450)).isEqualTo("1:1");
    }
}
