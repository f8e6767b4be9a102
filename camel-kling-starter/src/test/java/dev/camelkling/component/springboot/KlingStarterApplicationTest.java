package dev.camelkling.component.springboot;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelkling.component.KlingComponent;
import dev.camelkling.component.KlingConfiguration;
import dev.camelkling.component.KlingConstants;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3.5 application with the starter, configured from application.properties, runs a kling route against
 * the simulator and serves Camel's health on /actuator/health over a real HTTP port.
 */
@SpringBootTest(classes = KlingStarterApplicationTest.Application.class,
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class KlingStarterApplicationTest {

    // keys nobody else uses: the task can only succeed if these came from application.properties, and a leak is findable
    private static final String ACCESS_KEY = "ak-" + UUID.randomUUID();
    private static final String SECRET_KEY = "sk-" + UUID.randomUUID();
    private static final KlingSimulator SIMULATOR = KlingSimulator.builder().accessKey(ACCESS_KEY).secretKey(SECRET_KEY)
            .timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300))).build().start();
    private static final Path OUTPUT = createOutputDirectory();

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("kling.simulator.base-url", SIMULATOR::baseUrl);
        registry.add("kling.simulator.access-key", SIMULATOR::accessKey);
        registry.add("kling.simulator.secret-key", SIMULATOR::secretKey);
        registry.add("kling.output-directory", OUTPUT::toString);
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        RouteBuilder imageRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:image").routeId("kling-image")
                            .to("kling:imageGeneration?waitForCompletion=true&download=true")
                            .to("file:{{kling.output-directory}}?fileName=${header.CamelKlingTaskId}.png");
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate producer;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void propertiesFromApplicationPropertiesConfigureTheComponent() {
        KlingConfiguration configuration = camelContext.getComponent("kling", KlingComponent.class).getConfiguration();
        assertThat(configuration.getBaseUrl()).isEqualTo(SIMULATOR.baseUrl());
        assertThat(configuration.getAccessKey()).isEqualTo(ACCESS_KEY);
        assertThat(configuration.getSecretKey()).isEqualTo(SECRET_KEY);
        assertThat(configuration.getPollInterval()).isEqualTo(50);
        assertThat(configuration.getMaxPollInterval()).isEqualTo(250);
    }

    @Test
    void routeGeneratesAnImageAtTheSimulatorAndWritesIt(CapturedOutput output) throws IOException {
        int tasksBefore = SIMULATOR.createdTaskCount();

        Exchange result = producer.request("direct:image",
                exchange -> exchange.getMessage().setBody("A lighthouse on a cliff at dusk, oil painting"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        String taskId = result.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        File written = OUTPUT.resolve(taskId + ".png").toFile();
        BufferedImage image = ImageIO.read(written);
        assertThat(image).as("%s decodes as an image", written).isNotNull();
        assertThat(image.getWidth()).isPositive();
        assertThat(SIMULATOR.createdTaskCount()).isEqualTo(tasksBefore + 1);
        assertThat(SIMULATOR.taskStatus(taskId)).contains("succeed");

        assertThat(output.getAll()).as("log output").contains("Started kling-image").doesNotContain(ACCESS_KEY, SECRET_KEY);
    }

    @Test
    void actuatorHealthIsUpWithCamelInIt() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode camel = health.path("components").path("camelHealth");
        assertThat(camel.path("status").asText()).as(response.body()).isEqualTo("UP");
        assertThat(camel.path("details").path("name").asText()).isEqualTo("camel-health-check");
        assertThat(camel.path("details").path("context").asText()).isEqualTo("UP");
        assertThat(camel.path("details").path("route:kling-image").asText()).isEqualTo("UP");
    }

    @Test
    void configpropsShowsTheSettingsButMasksTheKeys() throws Exception {
        HttpResponse<String> response = get("/actuator/configprops/camel.component.kling");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(ACCESS_KEY, SECRET_KEY);
        JsonNode beans = new ObjectMapper().readTree(response.body()).path("contexts").elements().next().path("beans");
        JsonNode properties = beans.elements().next().path("properties");
        assertThat(properties.path("baseUrl").asText()).as("values are shown").isEqualTo(SIMULATOR.baseUrl());
        assertThat(properties.path("accessKey").asText()).isEqualTo("******");
        assertThat(properties.path("secretKey").asText()).isEqualTo("******");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path createOutputDirectory() {
        try {
            return Files.createDirectories(Path.of("target", "kling-starter-output", UUID.randomUUID().toString()))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
