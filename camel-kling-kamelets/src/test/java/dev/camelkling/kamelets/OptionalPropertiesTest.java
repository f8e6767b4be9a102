package dev.camelkling.kamelets;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An action's optional properties work both left unset (Camel drops their placeholders and writes the rest of the
 * URI again) and set, in a Pipe run locally and in the integration Camel K makes of a Pipe; what reaches Kling is
 * asserted on the wire and in the picture.
 */
class OptionalPropertiesTest extends KameletTestSupport {

    static final String ACTION = "kling-image-generation-action";

    private record Outcome(JsonNode request, BufferedImage image) {
    }

    private Outcome run(PipeSpec.Endpoint action, boolean asCamelK, String prompt) throws Exception {
        Path out = dir.resolve("out");
        PipeSpec pipe = PipeSpec.named("poster").source(timerOnce(prompt)).step(action).sink(fileSink(out, "png"));
        try (RequestLog requests = RequestLog.on(sim); CamelMainRun run = asCamelK ? runAsCamelK(pipe, Map.of()) : runPipe(pipe)) {
            List<Path> files = awaitFiles(out, 1);
            assertThat(statusOf(files.get(0))).isEqualTo("succeed");
            List<JsonNode> creates = requests.creates("/v1/images/generations");
            assertThat(creates).hasSize(1);
            return new Outcome(creates.get(0), TestMedia.image(files.get(0)));
        }
    }

    @Test
    void leftUnsetTheyAreNotSentAndKlingsDefaultsApply() throws Exception {
        Outcome outcome = run(kling(ACTION).with("download", true), false, raw("A poster of a lighthouse"));

        assertThat(outcome.request().get("prompt").asText()).isEqualTo("A poster of a lighthouse");
        for (String field : List.of("aspect_ratio", "resolution", "n", "negative_prompt", "model_name", "callback_url")) {
            assertThat(outcome.request().has(field)).as(field).isFalse();
        }
        assertThat(outcome.image().getWidth()).isEqualTo(1024); // 1k at 16:9
        assertThat(outcome.image().getWidth()).isGreaterThan(outcome.image().getHeight());
    }

    @Test
    void setInALocalPipeTheyAreSentAsWritten() throws Exception {
        Outcome outcome = run(kling(ACTION).with("download", true).with("aspectRatio", raw("9:16")).with("resolution", "2k")
                .with("n", 2).with("resultIndex", 1).with("negativePrompt", raw("blurry, low quality"))
                .with("watermarkInfo", true), false, raw("A poster of a lighthouse"));

        assertSetPropertiesArrived(outcome, "blurry, low quality");
    }

    @Test
    void setInAPipeOnCamelKTheyAreSentAsWrittenAndRawKeepsUriSyntax() throws Exception {
        // Camel K hands a Pipe's properties over as application properties: written plainly, except a value with
        // '&', '%', '+' or '#', which RAW(...) carries into the kling URI unchanged
        Outcome outcome = run(kling(ACTION).with("download", true).with("aspectRatio", "9:16").with("resolution", "2k")
                .with("n", 2).with("resultIndex", 1).with("negativePrompt", raw("text & logos, 50% + more"))
                .with("watermarkInfo", true), true, "A poster of a lighthouse");

        assertSetPropertiesArrived(outcome, "text & logos, 50% + more");
        assertThat(outcome.request().get("prompt").asText()).isEqualTo("A poster of a lighthouse");
    }

    private static void assertSetPropertiesArrived(Outcome outcome, String negativePrompt) {
        JsonNode request = outcome.request();
        assertThat(request.get("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(request.get("resolution").asText()).isEqualTo("2k");
        assertThat(request.get("n").asInt()).isEqualTo(2);
        assertThat(request.get("negative_prompt").asText()).isEqualTo(negativePrompt);
        assertThat(request.get("watermark_info").get("enabled").asBoolean()).isTrue();
        assertThat(outcome.image().getHeight()).isEqualTo(2048); // 2k at 9:16: the second of the two images
        assertThat(outcome.image().getHeight()).isGreaterThan(outcome.image().getWidth());
    }
}
