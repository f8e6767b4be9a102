package dev.camelkling.client.transport;

import dev.camelkling.client.TestImages;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The body a create streams (fields rendered once with placeholders, media Base64-encoded while sending) is, byte for
 * byte, the request's wire fields written by the client's mapper in one pass, media included: for a request of every
 * feature, legacy and new design, with and without local media.
 */
class RequestBodyWireTest {

    private static final byte[] PNG = TestImages.png(300, 300);

    static Stream<Arguments> requests() {
        return Stream.of(
                arguments(KlingRequests.text2video().prompt("A calm sea at dawn").negativePrompt("blur").cfgScale(0.5)
                        .mode("pro").duration(10).aspectRatio("9:16").externalTaskId("t2v-1")
                        .callbackUrl("https://example.com/cb").build()),
                arguments(KlingRequest.of(KlingFeature.TEXT2VIDEO, Map.of("prompt", "A fox", "model_name", "kling-3.0",
                        "duration", 5))),
                arguments(KlingRequest.of(KlingFeature.IMAGE2VIDEO, Map.of("image", PNG, "prompt", "It moves",
                        "image_tail", "https://example.com/tail.png", "external_task_id", "i2v-1"))),
                arguments(KlingRequests.multiImage2video().imageList(List.of(KlingMedia.url("https://example.com/a.png"), PNG))
                        .prompt("The girl walks the dog").mode("std").duration(5).aspectRatio("16:9").build()),
                arguments(KlingRequests.motionControl().imageUrl(PNG).videoUrl("https://example.com/dance.mp4")
                        .characterOrientation("video").mode("std").keepOriginalSound(false).modelName("kling-v3")
                        .elementIds(829836802793406551L).prompt("neon-lit stage").build()),
                arguments(KlingRequests.omniVideo().prompt("<<<image_1>>> waves").referenceImages(List.of(PNG))
                        .modelName("kling-video-o1").build()),
                arguments(KlingRequest.of(KlingFeature.OMNI_VIDEO, Map.of("prompt", "A city", "model_name", "kling-3.0-omni"))),
                arguments(KlingRequests.videoExtend().videoId("v-1").prompt("and runs off").cfgScale(0.5).build()),
                arguments(KlingRequests.lipSync().sessionId("s-1").faceId("f-1").faceWindow(0, 4_000)
                        .soundFile(KlingMedia.of(PNG)).soundStartTime(0).soundEndTime(2_000).soundInsertTime(500)
                        .soundVolume(1.2).originalAudioVolume(0.3).externalTaskId("ls-1").build()),
                arguments(KlingRequests.imageGeneration().modelName("kling-v1-5").prompt("An aviator")
                        .image(KlingMedia.of(PNG)).imageReference("subject").imageFidelity(0.5).humanFidelity(0.45)
                        .resolution("1k").aspectRatio("3:4").n(2).build()),
                arguments(KlingRequests.omniImage().prompt("Let <<<image_1>>> and <<<image_2>>> eat hotpot")
                        .imageList(List.of("https://example.com/a.png", PNG)).elementIds(829836802793406551L)
                        .aspectRatio("auto").n(1).externalTaskId("omni-1").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theStreamedBodyIsTheWireFieldsWrittenInOnePass(KlingRequest request) throws Exception {
        byte[] onePass = KlingJson.MAPPER.writeValueAsBytes(request.wireFields());

        byte[] streamed = WireJson.request(request);

        assertThat(new String(streamed, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(onePass, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(KlingJson.requestBody(request).length()).isEqualTo(onePass.length);
    }

    @Test
    void everyFeatureHasASample() {
        Set<KlingFeature> covered = requests().map(arguments -> ((KlingRequest) arguments.get()[0]).feature())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(KlingFeature.class)));

        assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(KlingFeature.values()));
    }
}
