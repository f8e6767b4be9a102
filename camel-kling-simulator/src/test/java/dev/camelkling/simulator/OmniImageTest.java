package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** §6.8 omni-image. */
class OmniImageTest {
    static final String PATH = "/v1/images/omni-image";
    static final String WIDE = TestImages.pngBase64(640, 360);
    /** 2^53 + 1: the smallest positive integer a double cannot hold. */
    static final long BEYOND_DOUBLE = 9_007_199_254_740_993L;

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1000).elements(BEYOND_DOUBLE));

    static Map<String, Object> image(String value) {
        return body("image", value);
    }

    @Test
    void singleResultWithImagesAndElementsFollowsTheFirstImagesAspectRatio() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        String hosted = sim.hostImage(TestImages.jpeg(400, 600));
        JsonNode task = Results.succeeded(client, PATH, body("model_name", "kling-image-o1",
                "prompt", "Let <<<image_1>>> and <<<image_2>>> sit together eating hotpot",
                "image_list", List.of(image(WIDE), image(hosted)),
                "element_list", List.of(body("element_id", 829836802793406551L)),
                "resolution", "1k", "aspect_ratio", "auto", "n", 2, "external_task_id", "omni-1"));
        JsonNode result = task.get("task_result");
        assertThat(result.has("result_type")).isFalse();
        assertThat(result.has("series_images")).isFalse();
        assertThat(result.get("images")).hasSize(2);
        assertThat(task.get("final_unit_deduction").asText()).isEqualTo("2");
        for (int i = 0; i < 2; i++) {
            assertThat(result.get("images").get(i).get("index").asInt()).isEqualTo(i);
            BufferedImage png = Results.png(client.download(result.get("images").get(i).get("url").asText()));
            assertThat(png.getWidth()).isEqualTo(1024);
            assertThat(png.getHeight()).isEqualTo(576);
        }
        assertThat(client.get(PATH + "/omni-1").data().get("task_id").asText()).isEqualTo(task.get("task_id").asText());
    }

    @Test
    void autoAspectRatioWithoutASeenImageIsSquare() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        JsonNode images = Results.succeeded(client, PATH, body("prompt", "a teapot",
                "image_list", List.of(image("https://example.com/a.png")))).get("task_result").get("images");
        BufferedImage png = Results.png(client.download(images.get(0).get("url").asText()));
        assertThat(png.getWidth()).isEqualTo(1024);
        assertThat(png.getHeight()).isEqualTo(1024);
    }

    @Test
    void fourKNeedsKlingV3Omni() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        JsonNode images = Results.succeeded(client, PATH, body("model_name", "kling-v3-omni", "prompt", "a city at night",
                "resolution", "4k", "aspect_ratio", "21:9")).get("task_result").get("images");
        BufferedImage png = Results.png(client.download(images.get(0).get("url").asText()));
        assertThat(png.getWidth()).isEqualTo(4096);
        assertThat(png.getHeight()).isEqualTo(1755);
    }

    @Test
    void seriesCarriesResultTypeAndSeriesImages() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        JsonNode result = Results.succeeded(client, PATH, body("prompt", "four seasons of one tree", "result_type", "series",
                "series_amount", 4, "n", 9, "aspect_ratio", "1:1")).get("task_result");
        assertThat(result.get("result_type").asText()).isEqualTo("series");
        assertThat(result.get("images")).hasSize(4);
        assertThat(result.get("series_images")).isEqualTo(result.get("images"));

        result = Results.succeeded(client, PATH, body("prompt", "a comic strip", "result_type", "series", "series_amount", "auto"))
                .get("task_result");
        assertThat(result.get("images")).hasSize(3);
        assertThat(result.get("series_images")).hasSize(3);
    }

    @Test
    void slotsAreNOrTheSeriesAmountAndAutoTakesTheThreeItMakes() {
        try (KlingSimulator sim = KlingSimulator.builder().maxConcurrentTasks(5)
                .timing(SimulatorTiming.of(Duration.ofHours(1), Duration.ofHours(1))).build().start()) {
            KlingHttp client = KlingHttp.withJwt(sim);
            String auto = client.create(PATH, body("prompt", "p", "result_type", "series", "series_amount", "auto"));
            int before = sim.createdTaskCount();
            Results.assertRejected(sim, client.post(PATH, body("prompt", "p", "n", 3)), 1303, "parallel task over resource pack limit", before);
            client.create(PATH, body("prompt", "p", "n", 2));
            Results.assertRejected(sim, client.post(PATH, body("prompt", "p", "result_type", "series", "series_amount", 2, "n", 1)),
                    1303, "parallel task over resource pack limit", before + 1);
            sim.completeTask(auto);
            assertThat(client.get(PATH + "/" + auto).data().get("task_result").get("images")).hasSize(3);
            assertThat(client.post(PATH, body("prompt", "p", "result_type", "series", "series_amount", "3")).status()).isEqualTo(200);
        }
    }

    @Test
    void elementIdsAreExact64BitIntegers() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = KlingHttp.withJwt(sim);
        assertThat(sim.elements()).contains(829836802793406551L, BEYOND_DOUBLE);
        // raw JSON, so the number travels exactly as written
        KlingHttp.Reply ok = client.post(PATH, "{\"prompt\":\"p\",\"element_list\":[{\"element_id\":" + BEYOND_DOUBLE + "}]}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        // 2^53 is what a double would have turned 2^53 + 1 into; it is not in the library
        KlingHttp.Reply rejected = client.post(PATH, "{\"prompt\":\"p\",\"element_list\":[{\"element_id\":9007199254740992}]}");
        assertThat(rejected.code()).isEqualTo(1201);
        assertThat(rejected.message()).isEqualTo("element_list[0].element_id 9007199254740992 does not exist in the element library");
        KlingHttp.Reply huge = client.post(PATH, "{\"prompt\":\"p\",\"element_list\":[{\"element_id\":9223372036854775808}]}");
        assertThat(huge.message()).isEqualTo("element_list[0].element_id must be a 64-bit integer JSON number");
        KlingHttp.Reply fraction = client.post(PATH, "{\"prompt\":\"p\",\"element_list\":[{\"element_id\":8.29836802793406551e17}]}");
        assertThat(fraction.message()).isEqualTo("element_list[0].element_id must be a 64-bit integer JSON number");

        sim.addElements(42L);
        assertThat(client.post(PATH, body("prompt", "p", "element_list", List.of(body("element_id", 42)))).status()).isEqualTo(200);
    }

    static Stream<Arguments> invalidRequests() {
        List<Object> tenImages = new ArrayList<>(Collections.nCopies(10, image("https://example.com/a.png")));
        return Stream.of(
                arguments(body("prompt", "p", "model_name", "kling-image-o9"), 1203, "model_name kling-image-o9 does not exist"),
                arguments(body("prompt", "p", "model_name", "kling-v1"), 1201, "model_name kling-v1 does not support omni-image"),
                arguments(body(), 1201, "prompt is required"),
                arguments(body("prompt", "x".repeat(2501)), 1201, "prompt must be at most 2500 characters"),
                arguments(body("prompt", "<<<image_1>>> with <<<image_3>>>", "image_list", List.of(image(WIDE), image(WIDE))), 1201,
                        "prompt refers to <<<image_3>>> but image_list has 2 images"),
                arguments(body("prompt", "<<<image_1>>>"), 1201, "prompt refers to <<<image_1>>> but image_list has 0 images"),
                arguments(body("prompt", "<<<image_0>>>", "image_list", List.of(image(WIDE))), 1201, "prompt refers to <<<image_0>>>"),
                arguments(body("prompt", "p", "image_list", tenImages, "element_list", List.of(body("element_id", 829836802793406551L))), 1201,
                        "image_list and element_list together must have at most 10 items (got 10 + 1)"),
                arguments(body("prompt", "p", "image_list", Collections.nCopies(11, image("https://example.com/a.png"))), 1201,
                        "together must have at most 10 items (got 11 + 0)"),
                arguments(body("prompt", "p", "image_list", List.of(image(TestImages.pngBase64(300, 200)))), 1201,
                        "image_list[0].image width and height must be at least 300px"),
                arguments(body("prompt", "p", "image_list", List.of(image("data:image/png;base64," + WIDE))), 1201, "File is not in a valid base64 format"),
                arguments(body("prompt", "p", "element_list", List.of(body("element_id", 12345))), 1201,
                        "element_list[0].element_id 12345 does not exist in the element library"),
                arguments(body("prompt", "p", "element_list", List.of(body("element_id", "829836802793406551"))), 1201,
                        "element_list[0].element_id must be a 64-bit integer JSON number"),
                arguments(body("prompt", "p", "element_list", List.of(829836802793406551L)), 1201, "element_list[0] must be an object {element_id}"),
                arguments(body("prompt", "p", "element_list", List.of(body())), 1201, "element_list[0].element_id is required"),
                arguments(body("prompt", "p", "resolution", "8k"), 1201, "resolution must be one of 1k, 2k, 4k"),
                arguments(body("prompt", "p", "resolution", "4k"), 1201, "resolution 4k is only supported by model_name kling-v3-omni (got kling-image-o1)"),
                arguments(body("prompt", "p", "result_type", "grid"), 1201, "result_type must be one of single, series"),
                arguments(body("prompt", "p", "n", 10), 1201, "n must be between 1 and 9"),
                arguments(body("prompt", "p", "n", "1"), 1201, "n must be an integer between 1 and 9"),
                arguments(body("prompt", "p", "series_amount", 3), 1201, "series_amount is only allowed with result_type series"),
                arguments(body("prompt", "p", "result_type", "series", "series_amount", 1), 1201, "series_amount must be an integer between 2 and 9 or \"auto\""),
                arguments(body("prompt", "p", "result_type", "series", "series_amount", 10), 1201, "series_amount must be an integer between 2 and 9"),
                arguments(body("prompt", "p", "result_type", "series", "series_amount", "many"), 1201, "series_amount must be an integer between 2 and 9"),
                arguments(body("prompt", "p", "aspect_ratio", "5:4"), 1201, "aspect_ratio must be one of 16:9, 9:16, 1:1, 4:3, 3:4, 3:2, 2:3, 21:9, auto"),
                arguments(body("prompt", "p", "watermark_info", "on"), 1201, "watermark_info must be an object"),
                arguments(body("prompt", "p", "callback_url", "//no-scheme"), 1201, "callback_url must be a valid http(s) URL"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestsAreRejected(Map<String, Object> request, int code, String messagePart) {
        Results.assertCreateRejected(SIM.simulator(), PATH, request, code, messagePart);
    }
}
