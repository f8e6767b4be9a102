package dev.camelkling.client.transport;

import dev.camelkling.client.StubKlingServer;
import dev.camelkling.client.TestImages;
import dev.camelkling.client.MutableClock;
import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.transport.KlingJson;
import dev.camelkling.client.transport.RetryPolicy;
import dev.camelkling.client.transport.StreamingBody;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.client.StubKlingServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Create bodies are streamed: local media is Base64-encoded from its source while the request is sent. */
class StreamingBodyTest {

    private static final long HANG_GUARD_SECONDS = 60;
    private static final int LARGE = 9_500_000;

    private StubKlingServer server;
    private MutableClock clock;
    private final List<Thread> clientThreads = new CopyOnWriteArrayList<>();
    private ExecutorService executor;
    private KlingClient client;

    @BeforeEach
    void start() throws Exception {
        server = new StubKlingServer();
        clock = new MutableClock(Instant.now());
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "streaming-test-client");
            thread.setDaemon(true);
            clientThreads.add(thread);
            return thread;
        });
        client = KlingClient.create(KlingClientConfig.builder().baseUrl(server.baseUrl()).accessKey("ak", "super-secret-sk")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(50), 2, 0)).clock(clock)
                .executor(executor).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        executor.shutdownNow();
    }

    /** A valid PNG header (the validation reads only that) followed by filler up to {@code size} bytes. */
    private static Path largeImage(Path dir, int size) throws IOException {
        Path file = dir.resolve("large.png");
        byte[] png = TestImages.png(1000, 800);
        byte[] filler = new byte[size - png.length];
        new Random(7).nextBytes(filler);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(png);
            out.write(filler);
        }
        return file;
    }

    private static KlingRequest imageRequest(Object image) {
        return KlingRequests.image2video().field("image", image).prompt("A fox").build();
    }

    private static long allocated(List<Thread> threads) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread thread : threads) {
            long bytes = bean.getThreadAllocatedBytes(thread.getId());
            sum += Math.max(bytes, 0);
        }
        return sum;
    }

    @Test
    void aLargeFileIsStreamedAsExactBase64WithoutCopiesInMemory(@TempDir Path dir) throws Exception {
        Path file = largeImage(dir, LARGE);
        client.create(imageRequest(TestImages.png(400, 400))).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS); // warm-up

        Thread caller = Thread.currentThread();
        long callerBefore = allocated(List.of(caller));
        long clientBefore = allocated(clientThreads);
        var created = client.create(imageRequest(file));
        long callerAllocated = allocated(List.of(caller)) - callerBefore;
        created.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        long clientAllocated = allocated(clientThreads) - clientBefore;

        long base64Length = (LARGE + 2) / 3 * 4;
        // The caller validates (image header only) and renders the small JSON skeleton; it never touches the content.
        assertThat(callerAllocated).as("bytes allocated by the calling thread").isLessThan(2_000_000);
        // The client's threads encode chunk by chunk: the JDK allocates one buffer per chunk it sends, so about the
        // body's size in short-lived garbage, never several whole copies (buffering wrote ~10x the file).
        assertThat(clientAllocated).as("bytes allocated by the client's threads").isLessThan(base64Length * 3 / 2);

        StubKlingServer.Recorded received = server.requests().get(1);
        assertThat(received.header("Content-Length")).isEqualTo(Long.toString(received.body().length()));
        assertThat(received.header("Transfer-Encoding")).isNull();
        JsonNode json = WireJson.MAPPER.readTree(received.body());
        String image = json.path("image").asText();
        assertThat(image.length()).isEqualTo(base64Length);
        assertThat(image).isEqualTo(Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        assertThat(json.path("prompt").asText()).isEqualTo("A fox");
    }

    @Test
    void theBodyIsSentAgainInFullAfterATokenIsReSigned(@TempDir Path dir) throws Exception {
        Path file = largeImage(dir, 2_000_003);
        client.get(KlingFeature.IMAGE2VIDEO, "1").get(HANG_GUARD_SECONDS, TimeUnit.SECONDS); // caches a token
        clock.advance(Duration.ofMinutes(10));
        server.then(Reply.json(401, StubKlingServer.error(1004, "token expired")))
                .then(Reply.json(200, StubKlingServer.envelope(StubKlingServer.task("submitted"))));

        KlingTask task = client.create(imageRequest(file)).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

        assertThat(task.status()).isEqualTo(KlingTaskStatus.SUBMITTED);
        List<StubKlingServer.Recorded> sent = server.requests();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(2).body()).isEqualTo(sent.get(1).body());
        assertThat(WireJson.MAPPER.readTree(sent.get(2).body()).path("image").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
    }

    @Test
    void aLargeStreamIsSpooledToATemporaryFileAndSentLikeAFile(@TempDir Path dir) throws Exception {
        Path file = largeImage(dir, 3_000_001);
        KlingMedia media;
        try (InputStream in = Files.newInputStream(file)) {
            media = KlingMedia.of(in);
        }
        assertThat(media.kind()).isEqualTo(KlingMedia.Kind.FILE);
        assertThat(media.sizeBytes().getAsLong()).isEqualTo(3_000_001);

        client.create(imageRequest(media)).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        client.create(imageRequest(media)).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS); // replayable

        String expected = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        for (StubKlingServer.Recorded request : server.requests()) {
            assertThat(WireJson.MAPPER.readTree(request.body()).path("image").asText()).isEqualTo(expected);
        }
    }

    @Test
    void aSmallStreamStaysInMemory() {
        byte[] png = TestImages.png(400, 400);
        KlingMedia media = KlingMedia.of(new ByteArrayInputStream(png));
        assertThat(media.kind()).isEqualTo(KlingMedia.Kind.BYTES);
        assertThat(media.wireValue()).isEqualTo(Base64.getEncoder().encodeToString(png));
    }

    @Test
    void base64OfEveryRemainderIsExact() throws Exception {
        Random random = new Random(3);
        int chunk = 3 * 4096; // a block size a streaming encoder might use
        for (int size : new int[] {1, 2, 3, 4, 5, 57, 58, chunk - 1, chunk, chunk + 1, 3 * chunk + 2}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            // the settings StreamingBody uses: no line breaks (codec's default would break after 76 characters)
            byte[] encoded = new org.apache.commons.codec.binary.Base64InputStream(new TrickleStream(bytes), true, 0, null).readAllBytes();
            assertThat(new String(encoded, java.nio.charset.StandardCharsets.US_ASCII)).as("size " + size)
                    .isEqualTo(Base64.getEncoder().encodeToString(bytes));
            assertThat((long) encoded.length).isEqualTo((size + 2L) / 3 * 4);
        }
    }

    @Test
    void aFileThatChangesWhileSendingFailsClearlyWithoutClaimingTheTaskMayExist(@TempDir Path dir) throws Exception {
        Path file = largeImage(dir, 500_000);
        StreamingBody body = KlingJson.requestBody(imageRequest(file));
        Files.write(file, TestImages.png(400, 400)); // shrinks after the length was announced

        try (InputStream in = body.open()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(StreamingBody.MediaReadException.class).hasMessageContaining("shrank");
        }
    }

    @Test
    void mediaInListsAndSeveralFieldsAreAllStreamed(@TempDir Path dir) throws Exception {
        byte[] first = TestImages.png(400, 400);
        Path file = dir.resolve("tail.png");
        Files.write(file, TestImages.png(300, 300));
        KlingRequest request = KlingRequests.image2video().field("image", first).field("image_tail", file).prompt("x").build();

        JsonNode json = WireJson.MAPPER.readTree(WireJson.request(request));

        assertThat(json.path("image").asText()).isEqualTo(Base64.getEncoder().encodeToString(first));
        assertThat(json.path("image_tail").asText()).isEqualTo(Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        assertThat(KlingJson.requestBody(request).length()).isEqualTo(WireJson.request(request).length);
    }

    /** Hands out at most 7 bytes per read, to exercise partial reads. */
    private static final class TrickleStream extends InputStream {
        private final ByteArrayInputStream in;

        TrickleStream(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 7));
        }
    }
}
