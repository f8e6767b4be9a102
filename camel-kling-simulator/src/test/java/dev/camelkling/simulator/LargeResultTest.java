package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.RequestFilter;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Large result media: padded, still valid, streamed with a Content-Length and never held whole in memory. */
class LargeResultTest {
    static final String T2V = "/v1/videos/text2video";
    static final String IMAGES = "/v1/images/generations";
    static final long HUNDRED_MB = 100L * 1024 * 1024;

    @Test
    void aHundredMegabyteVideoIsStreamedWithoutMaterialisingIt() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (KlingSimulator sim = KlingSimulator.builder().largeResultBytes(HUNDRED_MB).build().start()) {
            assertThat(sim.largeResultBytes()).isEqualTo(HUNDRED_MB);
            KlingHttp client = KlingHttp.withJwt(sim);
            String taskId = client.create(T2V, body("prompt", "a large result", "duration", "5"));
            String url = client.awaitFinal(T2V, taskId).get("task_result").get("videos").get(0).get("url").asText();

            // HEAD renders (and caches) the small real MP4, so the GET below measures streaming only
            HttpResponse<Void> head = KlingHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).isEqualTo(200);
            long length = head.headers().firstValueAsLong("Content-Length").orElseThrow();
            assertThat(length).isGreaterThanOrEqualTo(HUNDRED_MB).isLessThan(HUNDRED_MB + 16);

            // the server thread that handles the GET, and what it had allocated when the handling began
            long[] serverThread = {-1, 0};
            RequestFilter probe = (request, next) -> {
                if (request.method().equals("GET") && request.path().startsWith("/media/")) {
                    serverThread[0] = Thread.currentThread().getId();
                    serverThread[1] = threads.getThreadAllocatedBytes(serverThread[0]);
                }
                return next.handle(request);
            };
            sim.addRequestFilter(probe);
            CountingSubscriber counting = new CountingSubscriber();
            HttpResponse<Long> response = KlingHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    info -> counting);
            long serverAllocated = threads.getThreadAllocatedBytes(serverThread[0]) - serverThread[1];
            sim.removeRequestFilter(probe);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(length);
            assertThat(response.body()).isEqualTo(length);
            // a materialised 100 MB body would be >= 100 MB of allocation on the serving thread
            assertThat(serverAllocated).as("bytes allocated by the serving thread").isLessThan(8L * 1024 * 1024);

            // still a valid MP4: the real file, then one top-level free box up to the end
            byte[] start = counting.prefix();
            List<long[]> boxes = topLevelBoxes(start, length);
            long[] last = boxes.get(boxes.size() - 1);
            assertThat(new String(start, (int) last[0] + 4, 4, StandardCharsets.US_ASCII)).isEqualTo("free");
            assertThat(boxes).hasSizeGreaterThan(2);
            Mp4Boxes.Summary summary = Mp4Boxes.read(Arrays.copyOf(start, (int) last[0]));
            assertThat(summary.durationSeconds()).isCloseTo(5.0, within(0.05));
        }
    }

    @Test
    void generatedImagesArePaddedWithPngChunksAndStayReadable() throws Exception {
        long size = 3L * 1024 * 1024 + 7;
        try (KlingSimulator sim = KlingSimulator.builder().largeResultBytes(size).build().start()) {
            KlingHttp client = KlingHttp.withJwt(sim);
            String taskId = client.create(IMAGES, body("prompt", "a big picture"));
            JsonNode task = client.awaitFinal(IMAGES, taskId);
            byte[] png = client.download(task.get("task_result").get("images").get(0).get("url").asText());
            assertThat((long) png.length).isBetween(size, size + 12);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isPositive();
            assertThat(new String(png, png.length - 8, 4, StandardCharsets.US_ASCII)).isEqualTo("IEND");

            // inputs hosted by tests are served as they are
            byte[] input = TestImages.png(400, 400);
            assertThat(client.download(sim.hostImage(input))).isEqualTo(input);

            sim.largeResultBytes(0);
            assertThat(client.download(task.get("task_result").get("images").get(0).get("url").asText()).length).isLessThan(1024 * 1024);
        }
    }

    /** {offset, size} of each top-level box, read from the file's start and checked to end exactly at its length. */
    private static List<long[]> topLevelBoxes(byte[] start, long total) {
        List<long[]> boxes = new ArrayList<>();
        long offset = 0;
        while (offset < total) {
            assertThat(offset + 16).as("box header within the first bytes").isLessThanOrEqualTo(start.length);
            ByteBuffer header = ByteBuffer.wrap(start, (int) offset, 16);
            long size = Integer.toUnsignedLong(header.getInt());
            header.getInt();
            if (size == 1) {
                size = header.getLong();
            }
            assertThat(size).isGreaterThanOrEqualTo(8);
            boxes.add(new long[]{offset, size});
            offset += size;
        }
        assertThat(offset).isEqualTo(total);
        return boxes;
    }

    /** Counts the body's bytes, keeping only its first 2 MiB (a discarding subscriber that can also peek). */
    private static final class CountingSubscriber implements HttpResponse.BodySubscriber<Long> {
        private static final int KEEP = 2 * 1024 * 1024;
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private final AtomicLong count = new AtomicLong();
        private final ByteBuffer prefix = ByteBuffer.allocate(KEEP);

        @Override
        public CompletionStage<Long> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                count.addAndGet(item.remaining());
                if (prefix.hasRemaining()) {
                    ByteBuffer slice = item.duplicate();
                    slice.limit(slice.position() + Math.min(slice.remaining(), prefix.remaining()));
                    prefix.put(slice);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(count.get());
        }

        byte[] prefix() {
            return Arrays.copyOf(prefix.array(), prefix.position());
        }
    }
}
