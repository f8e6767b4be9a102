package dev.camelkling.examples;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import dev.camelkling.component.KlingComponent;
import dev.camelkling.simulator.KlingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every feature example of the docs, in the Java DSL and in the YAML DSL, against the simulator: each must end
 * with a succeeded task whose media are real (an MP4 container, or a PNG that decodes).
 */
class FeatureExamplesTest {

    private static KlingSimulator simulator;
    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        simulator = KlingSimulator.builder().apiKey("feature-examples-api-key").build().start();
        context = new DefaultCamelContext();
        // the new-design examples take the API key from this property; the others keep the access key pair
        context.getPropertiesComponent().addInitialProperty("kling.api-key", simulator.apiKey());
        KlingComponent kling = new KlingComponent();
        kling.getConfiguration().setBaseUrl(simulator.baseUrl());
        kling.getConfiguration().setAccessKey(simulator.accessKey());
        kling.getConfiguration().setSecretKey(simulator.secretKey());
        kling.getConfiguration().setPollInterval(50);
        kling.getConfiguration().setMaxPollInterval(250);
        context.addComponent("kling", kling);
        context.addRoutes(new FeatureExamples());
        for (String feature : features()) {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/" + feature + ".yaml"));
        }
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        context.stop();
        simulator.close();
    }

    static List<String> features() {
        return List.of("text2video", "image2video", "multiImage2video", "motionControl", "videoExtend", "lipSync",
                "imageGeneration", "omniImage", "omniVideo", "newDesign");
    }

    static Stream<Arguments> examples() {
        List<Arguments> all = new ArrayList<>();
        for (String feature : features()) {
            all.add(Arguments.of(feature, "direct:" + feature));
            all.add(Arguments.of(feature, "direct:yaml-" + feature));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("examples")
    void exampleEndsWithRealMedia(String feature, String endpoint) throws Exception {
        Exchange out = template.request(endpoint, e -> input(feature, e));

        assertThat(out.getException()).as("exception of %s", endpoint).isNull();
        assertThat(out.getMessage().getHeader("CamelKlingTaskStatus")).isEqualTo("succeed");
        List<?> urls = out.getMessage().getHeader("CamelKlingResultUrls", List.class);
        assertThat(urls).isNotEmpty();
        for (Object url : urls) {
            byte[] media = download((String) url);
            if (feature.endsWith("Image") || feature.equals("imageGeneration")) {
                assertThat(ImageIO.read(new ByteArrayInputStream(media))).as("PNG at %s", url).isNotNull();
            } else {
                assertThat(new String(media, 4, 4, StandardCharsets.US_ASCII)).as("MP4 at %s", url).isEqualTo("ftyp");
            }
        }
        if (feature.equals("imageGeneration")) {
            assertThat(urls).hasSize(2);
        }
        if (feature.equals("videoExtend")) {
            assertThat(out.getMessage().getHeader("CamelKlingTaskIds", List.class)).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    private static void input(String feature, Exchange exchange) throws Exception {
        var message = exchange.getMessage();
        switch (feature) {
            case "image2video" -> message.setBody(resource("demo/prompts/04-mountain-sunset.png"));
            case "multiImage2video", "omniImage" -> message.setBody(
                    List.of(resource("demo/prompts/04-mountain-sunset.png"), resource("demo/prompts/04-mountain-sunset.png")));
            case "motionControl" -> {
                message.setBody(resource("demo/prompts/04-mountain-sunset.png"));
                message.setHeader("CamelKlingVideoUrl", firstResultUrl("A dancer spinning on a stage"));
            }
            case "lipSync" -> {
                message.setBody(resource("demo/prompts/hello-from-camel.wav"));
                message.setHeader("CamelKlingVideoId", template.request("direct:text2video",
                        e -> e.getMessage().setBody("A news presenter looking at the camera"))
                        .getMessage().getHeader("CamelKlingVideoId"));
            }
            default -> message.setBody("A red fox trotting through fresh snow at dawn");
        }
    }

    private static String firstResultUrl(String prompt) {
        Exchange made = template.request("direct:text2video", e -> e.getMessage().setBody(prompt));
        return (String) made.getMessage().getHeader("CamelKlingResultUrls", List.class).get(0);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = FeatureExamplesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }
}
