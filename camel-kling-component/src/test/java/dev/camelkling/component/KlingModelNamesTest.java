package dev.camelkling.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.camelkling.client.request.KlingFeature.IMAGE2VIDEO;
import static dev.camelkling.client.request.KlingFeature.IMAGE_GENERATION;
import static dev.camelkling.client.request.KlingFeature.MOTION_CONTROL;
import static dev.camelkling.client.request.KlingFeature.MULTI_IMAGE2VIDEO;
import static dev.camelkling.client.request.KlingFeature.OMNI_IMAGE;
import static dev.camelkling.client.request.KlingFeature.TEXT2VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Model names are data that changes every month (kling-api-2026.md §8): a name camel-kling's tables do not know is
 * sent as it is and Kling's answer (here the simulator's 404/1203) reaches the caller; the current models are
 * accepted by both sides; the rules of a known model still apply locally.
 */
class KlingModelNamesTest extends KlingTestSupport {

    private static final String IMAGE = "https://example.com/ref.png";
    private static final String MOTION_VIDEO = "https://example.com/dance.mp4";
    private static final long ELEMENT = 829836802793406551L;
    /** A name no table knows; in the future Kling might serve it, today the simulator does not. */
    private static final String UNKNOWN = "kling-v9-preview";

    private RecordedRequests recorded;

    @BeforeEach
    void record() {
        recorded = RecordedRequests.on(simulator());
    }

    @AfterEach
    void stopRecording() {
        recorded.detach(simulator());
    }

    private static Map<String, Object> valid(KlingFeature feature, String model, Object... more) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (model != null) {
            fields.put("model_name", model);
        }
        switch (feature) {
            case TEXT2VIDEO, IMAGE_GENERATION -> fields.put("prompt", "a red fox in the snow");
            case IMAGE2VIDEO -> fields.put("image", IMAGE);
            case MULTI_IMAGE2VIDEO -> fields.putAll(Map.of("image_list", List.of(Map.of("image", IMAGE)), "prompt", "two friends"));
            case MOTION_CONTROL -> fields.putAll(Map.of("image_url", IMAGE, "video_url", MOTION_VIDEO, "character_orientation", "video",
                    "mode", "std"));
            case OMNI_IMAGE -> fields.put("prompt", "a party");
            default -> throw new IllegalArgumentException(feature.name());
        }
        for (int i = 0; i < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        return fields;
    }

    /** Each model feature, with fields that a known model's rules would refuse, but not an unknown model's. */
    static Stream<Arguments> unknownModels() {
        return Stream.of(
                arguments(TEXT2VIDEO, valid(TEXT2VIDEO, UNKNOWN, "sound", "on", "cfg_scale", 0.5)),
                arguments(IMAGE2VIDEO, valid(IMAGE2VIDEO, UNKNOWN, "sound", "on", "cfg_scale", 0.5)),
                arguments(MULTI_IMAGE2VIDEO, valid(MULTI_IMAGE2VIDEO, UNKNOWN)),
                arguments(MOTION_CONTROL, valid(MOTION_CONTROL, UNKNOWN, "element_list", List.of(Map.of("element_id", ELEMENT)))),
                arguments(IMAGE_GENERATION, valid(IMAGE_GENERATION, UNKNOWN, "aspect_ratio", "21:9")),
                arguments(OMNI_IMAGE, valid(OMNI_IMAGE, UNKNOWN, "resolution", "4k")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownModels")
    void anUnknownModelIsSentAndKlingsAnswerReachesTheCaller(KlingFeature feature, Map<String, Object> body) throws Exception {
        Exchange out = template.request("kling:" + feature.uriName(), e -> e.getMessage().setBody(body));

        assertThat(recorded.creates(feature.path())).as("the create reached the server").hasSize(1);
        assertThat(recorded.creates(feature.path()).get(0).json().path("model_name").asText()).isEqualTo(UNKNOWN);
        assertThat(out.getException()).isInstanceOf(KlingApiException.class);
        KlingApiException refused = (KlingApiException) out.getException();
        assertThat(refused.httpStatus()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo(1203);
        assertThat(refused.klingMessage()).contains("model_name", UNKNOWN);
    }

    /** The models of kling-api-2026.md §7 and kling-api.md §6 that are current, each on a feature that takes it. */
    static Stream<Arguments> currentModels() {
        return Stream.of(
                arguments(TEXT2VIDEO, valid(TEXT2VIDEO, "kling-v3", "sound", "on", "mode", "pro")),
                arguments(IMAGE2VIDEO, valid(IMAGE2VIDEO, "kling-v3", "sound", "on", "mode", "4k")),
                arguments(MOTION_CONTROL, valid(MOTION_CONTROL, "kling-v3", "element_list", List.of(Map.of("element_id", ELEMENT)))),
                arguments(IMAGE_GENERATION, valid(IMAGE_GENERATION, "kling-v3", "aspect_ratio", "21:9")),
                arguments(IMAGE_GENERATION, valid(IMAGE_GENERATION, null, "aspect_ratio", "21:9")),
                arguments(OMNI_IMAGE, valid(OMNI_IMAGE, "kling-v3-omni", "resolution", "4k")),
                arguments(OMNI_IMAGE, valid(OMNI_IMAGE, "kling-image-o1")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("currentModels")
    void currentModelsAreAcceptedByBothSides(KlingFeature feature, Map<String, Object> body) {
        Exchange out = template.request("kling:" + feature.uriName(), e -> e.getMessage().setBody(body));

        assertThat(out.getException()).isNull();
        assertThat(recorded.creates(feature.path())).hasSize(1);
    }

    @Test
    void modelAndModeWorkAsEndpointOptions() throws Exception {
        Exchange out = template.request("kling:text2video?modelName=kling-v3&mode=4k", e -> e.getMessage().setBody("a red fox in the snow"));

        assertThat(out.getException()).isNull();
        assertThat(recorded.creates(TEXT2VIDEO.path()).get(0).json().path("mode").asText()).isEqualTo("4k");
    }

    /** Omni-video models are known (kling-api-2026.md §7), so they are refused locally on a feature that does not take them. */
    static Stream<Arguments> knownModelsOnTheWrongFeature() {
        return Stream.of(
                arguments(TEXT2VIDEO, valid(TEXT2VIDEO, "kling-video-o1")),
                arguments(IMAGE2VIDEO, valid(IMAGE2VIDEO, "kling-v3-omni")),
                arguments(IMAGE_GENERATION, valid(IMAGE_GENERATION, "kling-video-o1")),
                arguments(OMNI_IMAGE, valid(OMNI_IMAGE, "kling-v3")),
                arguments(MOTION_CONTROL, valid(MOTION_CONTROL, "kling-v2-5-turbo")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("knownModelsOnTheWrongFeature")
    void aKnownModelOnAFeatureThatDoesNotTakeItIsRefusedLocally(KlingFeature feature, Map<String, Object> body) {
        Exchange out = template.request("kling:" + feature.uriName(), e -> e.getMessage().setBody(body));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class)
                .hasMessageContaining(" request invalid: model_name ").hasMessageContaining(String.valueOf(body.get("model_name")));
        assertThat(recorded.all()).isEmpty();
    }

    /**
     * kling-v1 is discontinued upstream (kling-api-2026.md §1), but which host or account still serves it is not
     * published: camel-kling sends it and the server's refusal reaches the caller.
     */
    @Test
    void aDiscontinuedModelIsSentAndTheServersRefusalReachesTheCaller() throws Exception {
        simulator().discontinuedModels(Set.of("kling-v1"));
        try {
            Exchange out = template.request("kling:" + TEXT2VIDEO.uriName(), e -> e.getMessage().setBody(valid(TEXT2VIDEO, "kling-v1")));

            assertThat(recorded.creates(TEXT2VIDEO.path())).hasSize(1);
            assertThat(out.getException()).isInstanceOf(KlingApiException.class);
            KlingApiException refused = (KlingApiException) out.getException();
            assertThat(refused.code()).isEqualTo(1203);
            assertThat(refused.klingMessage()).isEqualTo("The model 'kling-v1' has been discontinued and is no longer available.");
            assertThat(refused.isRetryable()).isFalse();
        } finally {
            simulator().discontinuedModels(Set.of());
        }
    }
}
