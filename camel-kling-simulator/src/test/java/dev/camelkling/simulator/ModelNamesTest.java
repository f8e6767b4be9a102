package dev.camelkling.simulator;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The model names of kling-api-2026.md §7 next to kling-api.md §6: current models are served where the docs put
 * them, the omni-video models are known (1201 on other products), an unknown name gets Kling's 404/1203, and image
 * generation without a model uses the new default kling-v3.
 */
class ModelNamesTest {
    static final String T2V = "/v1/videos/text2video";
    static final String I2V = "/v1/videos/image2video";
    static final String MOTION = "/v1/videos/motion-control";
    static final String IMAGES = "/v1/images/generations";
    static final String OMNI = "/v1/images/omni-image";
    static final String IMAGE = "https://example.com/first.png";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1_000));

    static Stream<Arguments> current() {
        return Stream.of(
                arguments(T2V, body("prompt", "p", "model_name", "kling-v3", "sound", "on")),
                arguments(I2V, body("image", IMAGE, "model_name", "kling-v3")),
                arguments(T2V, body("prompt", "p", "model_name", "kling-v3", "mode", "4k")),
                arguments(I2V, body("image", IMAGE, "model_name", "kling-v3", "mode", "4k")),
                arguments(MOTION, body("image_url", IMAGE, "video_url", "https://example.com/dance.mp4", "character_orientation", "video",
                        "mode", "std", "model_name", "kling-v3")),
                arguments(IMAGES, body("prompt", "p", "model_name", "kling-v3")),
                arguments(IMAGES, body("prompt", "p", "model_name", "kling-v2-1")),
                // the default is kling-v3 now, which has 21:9 (kling-v1 did not)
                arguments(IMAGES, body("prompt", "p", "aspect_ratio", "21:9")),
                arguments(OMNI, body("prompt", "p", "model_name", "kling-v3-omni", "resolution", "4k")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("current")
    void currentModelsAreServed(String path, Map<String, Object> request) {
        KlingHttp.Reply reply = KlingHttp.withJwt(SIM.simulator()).post(path, request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.code()).isZero();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(T2V, body("prompt", "p", "model_name", "kling-v9-preview"), 1203, "model_name kling-v9-preview does not exist"),
                arguments(IMAGES, body("prompt", "p", "model_name", "kling-v9-preview"), 1203, "model_name kling-v9-preview does not exist"),
                arguments(OMNI, body("prompt", "p", "model_name", "kling-image-o9"), 1203, "model_name kling-image-o9 does not exist"),
                arguments(T2V, body("prompt", "p", "model_name", "kling-v2-6", "mode", "4k"), 1201, "mode must be one of std, pro (got \"4k\")"),
                arguments(T2V, body("prompt", "p", "model_name", "kling-video-o1"), 1201, "model_name kling-video-o1 does not support text2video"),
                arguments(I2V, body("image", IMAGE, "model_name", "kling-v3-omni"), 1201, "model_name kling-v3-omni does not support image2video"),
                arguments(IMAGES, body("prompt", "p", "model_name", "kling-video-o1"), 1201,
                        "model_name kling-video-o1 does not support image-generation"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refused")
    void unknownAndMisplacedModelsAreRefused(String path, Map<String, Object> request, int code, String message) {
        Results.assertCreateRejected(SIM.simulator(), path, request, code, message);
    }

    /** Off by default (callers still use kling-v1); when configured, the real service's answer of 2026-09-20. */
    @Test
    void aDiscontinuedModelGetsKlingsAnswer() {
        KlingSimulator sim = SIM.simulator();
        assertThat(sim.discontinuedModels()).isEmpty();
        assertThat(KlingHttp.withJwt(sim).post(T2V, body("prompt", "p", "model_name", "kling-v1")).status()).isEqualTo(200);
        sim.discontinuedModels(Set.of("kling-v1"));
        try {
            Results.assertCreateRejected(sim, IMAGES, body("prompt", "p", "model_name", "kling-v1"), 1203,
                    "The model 'kling-v1' has been discontinued and is no longer available.");
            Results.assertCreateRejected(sim, T2V, body("prompt", "p", "model_name", "kling-v1"), 1203, "discontinued");
            assertThat(KlingHttp.withJwt(sim).post(T2V, body("prompt", "p", "model_name", "kling-v1-6")).status()).isEqualTo(200);
        } finally {
            sim.discontinuedModels(Set.of());
        }
    }
}
