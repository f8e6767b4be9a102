package dev.camelkling.simulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A third-party client's view: the simulator runs as its own JVM, and the client only has the printed
 * base URL, the PEM file and its AK/SK. It uses nothing from the simulator's classes.
 */
class StandaloneProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void destroyProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private Process launch(Path stderr, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                KlingSimulatorMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        processes.add(process);
        return process;
    }

    @Test
    void thirdPartyClientOverTlsCreatesPollsAndDownloads() throws Exception {
        Path pem = tmp.resolve("sim.pem");
        Process process = launch(tmp.resolve("stderr.txt"), "--port", "0", "--tls", "--cert-out", pem.toString(),
                "--access-key", "third-ak", "--secret-key", "third-sk");
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
        String second = CompletableFuture.supplyAsync(() -> readLine(out)).get(10, TimeUnit.SECONDS);
        assertThat(first).as("stderr: %s", stderr()).startsWith("Kling simulator listening on https://");
        assertThat(second).isEqualTo("Trust certificate (PEM): " + pem.toAbsolutePath());
        String baseUrl = first.substring("Kling simulator listening on ".length());

        HttpClient client = HttpClient.newBuilder().sslContext(trustOnly(pem)).connectTimeout(Duration.ofSeconds(5)).build();

        String t2v = create(client, baseUrl, "/v1/videos/text2video",
                Map.of("model_name", "kling-v1", "prompt", "A paper boat on a pond", "aspect_ratio", "9:16", "duration", "5"));
        String image = Base64.getEncoder().encodeToString(TestImages.png(640, 360));
        String i2v = create(client, baseUrl, "/v1/videos/image2video",
                Map.of("image", image, "prompt", "the disc rolls away", "external_task_id", "third-i2v-1"));

        JsonNode t2vTask = pollUntilSucceed(client, baseUrl, "/v1/videos/text2video/" + t2v);
        JsonNode i2vTask = pollUntilSucceed(client, baseUrl, "/v1/videos/image2video/third-i2v-1");
        assertThat(i2vTask.get("task_id").asText()).isEqualTo(i2v);

        checkMp4(client, t2vTask, 180, 320);
        checkMp4(client, i2vTask, 320, 180);
    }

    @Test
    void tlsWithoutCertOutWritesTheCertificateToATempFile() throws Exception {
        Process process = launch(tmp.resolve("stderr.txt"), "--tls", "--api-key", "k");
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS)).startsWith("Kling simulator listening on https://localhost:");
        String pemLine = CompletableFuture.supplyAsync(() -> readLine(out)).get(10, TimeUnit.SECONDS);
        Path pem = Path.of(pemLine.substring("Trust certificate (PEM): ".length()));
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void badArgumentsPrintUsageAndExitWith2() throws Exception {
        Path stderr = tmp.resolve("bad.txt");
        Process process = launch(stderr, "--port", "not-a-number");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(stderr)).contains("Usage:").contains("--port");
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }

    private String stderr() {
        try {
            return Files.readString(tmp.resolve("stderr.txt"));
        } catch (Exception e) {
            return "(unreadable)";
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trustOnly(Path pem) throws Exception {
        Certificate cert;
        try (InputStream in = Files.newInputStream(pem)) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("sim", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String token() {
        Instant now = Instant.now();
        return JWT.create().withHeader(Map.of("alg", "HS256", "typ", "JWT")).withIssuer("third-ak")
                .withExpiresAt(Date.from(now.plusSeconds(1800))).withNotBefore(Date.from(now.minusSeconds(5)))
                .sign(Algorithm.HMAC256("third-sk"));
    }

    private static JsonNode call(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.header("Authorization", "Bearer " + token())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body.get("code").asInt()).isZero();
        return body.get("data");
    }

    private static String create(HttpClient client, String baseUrl, String path, Map<String, String> body) throws Exception {
        JsonNode data = call(client, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertThat(data.get("task_status").asText()).isEqualTo("submitted");
        return data.get("task_id").asText();
    }

    private static JsonNode pollUntilSucceed(HttpClient client, String baseUrl, String path) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = call(client, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
            return last[0].get("task_status").asText().equals("succeed");
        });
        return last[0];
    }

    private static void checkMp4(HttpClient client, JsonNode task, int width, int height) throws Exception {
        JsonNode video = task.get("task_result").get("videos").get(0);
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(video.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Mp4Boxes.Summary summary = Mp4Boxes.read(response.body());
        assertThat(summary.durationSeconds()).isCloseTo(Double.parseDouble(video.get("duration").asText()), within(0.05));
        assertThat(summary.width()).isEqualTo(width);
        assertThat(summary.height()).isEqualTo(height);
    }
}
