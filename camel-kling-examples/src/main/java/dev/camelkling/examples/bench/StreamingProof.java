package dev.camelkling.examples.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import dev.camelkling.component.KlingComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Proves that media are streamed, not held: with the simulator in its own process, a 100 MiB result is downloaded
 * with download=true and a ~9.5 MB image file is uploaded with image2video, inside a JVM whose whole heap is smaller
 * than the result. Run: {@code java -Xmx48m -cp camel-kling-examples/target/kling-demo.jar
 * dev.camelkling.examples.bench.StreamingProof [resultMiB]}; it prints the figures and exits 0 when both worked.
 */
public final class StreamingProof {

    private StreamingProof() {
    }

    public static void main(String[] args) throws Exception {
        int resultMiB = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path image = noiseImage();
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.camelkling.simulator.KlingSimulatorMain",
                "--port", "0", "--large-result-mb", String.valueOf(resultMiB))
                .redirectErrorStream(true).start();
        CamelContext context = new DefaultCamelContext();
        boolean complete;
        try {
            String baseUrl = baseUrl(simulator);
            KlingComponent kling = new KlingComponent();
            kling.getConfiguration().setBaseUrl(baseUrl);
            kling.getConfiguration().setAccessKey("sim-access-key");
            kling.getConfiguration().setSecretKey("sim-secret-key");
            kling.getConfiguration().setPollInterval(200);
            context.addComponent("kling", kling);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Path dir = Files.createTempDirectory("kling-proof");

            File video = template.requestBody("kling:text2video?waitForCompletion=true&download=true&downloadDirectory="
                                              + dir, "A very long video", File.class);
            String task = template.requestBody("kling:image2video?prompt=Noise comes alive", image.toFile(), String.class);

            long maxHeap = Runtime.getRuntime().maxMemory() / 1_048_576;
            System.out.printf("max heap of this JVM            %d MiB%n", maxHeap);
            System.out.printf("downloaded result               %d MiB (%s)%n", video.length() / 1_048_576, video);
            System.out.printf("uploaded image file             %.1f MB as raw Base64 in the JSON body%n",
                    Files.size(image) / 1_000_000.0);
            System.out.printf("image2video task                %s%n", task);
            complete = video.length() >= resultMiB * 1_048_576L && task.contains("taskId=");
            Files.deleteIfExists(video.toPath());
            Files.deleteIfExists(dir);
        } finally {
            context.stop();
            simulator.destroy();
            Files.deleteIfExists(image);
        }
        System.exit(complete ? 0 : 1);
    }

    private static String baseUrl(Process simulator) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("Kling simulator listening on ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "simulator-output");
                drain.setDaemon(true);
                drain.start();
                return line.substring("Kling simulator listening on ".length()).strip();
            }
        }
        throw new IllegalStateException("the simulator did not start");
    }

    /** A PNG of random pixels: it does not compress, so 1780x1780 makes about 9.5 MB. */
    private static Path noiseImage() throws Exception {
        BufferedImage noise = new BufferedImage(1780, 1780, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Path file = Files.createTempFile("kling-proof-", ".png");
        ImageIO.write(noise, "png", file.toFile());
        return file;
    }
}
