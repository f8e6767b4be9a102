package dev.camelkling.client;

import dev.camelkling.client.task.Face;
import dev.camelkling.client.callback.CallbackBody;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;
import dev.camelkling.client.request.ResultKind;
import dev.camelkling.client.task.FaceIdentification;
import dev.camelkling.client.task.KlingImage;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.transport.WireJson;
import dev.camelkling.client.transport.KlingJson;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Wire shapes of the new features, exact 64-bit ids, natural inputs and the new result fields. */
class WireShapesTest {

    private static final long ELEMENT_ID = 829836802793406551L;

    private static JsonNode json(KlingRequest request) throws Exception {
        return WireJson.MAPPER.readTree(WireJson.request(request));
    }

    static Stream<Arguments> elementIdForms() {
        return Stream.of(
                arguments("List<Long>", List.of(ELEMENT_ID)),
                arguments("long[]", new long[] {ELEMENT_ID}),
                arguments("text", "829836802793406551"),
                arguments("text with spaces", " 829836802793406551 "),
                arguments("BigInteger", List.of(BigInteger.valueOf(ELEMENT_ID))),
                arguments("wire maps", List.of(Map.of("element_id", ELEMENT_ID))),
                arguments("wire maps with text", List.of(Map.of("element_id", "829836802793406551"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementIdForms")
    void elementIdsStayExact64BitNumbers(String form, Object elementList) throws Exception {
        KlingRequest request = KlingRequest.of(KlingFeature.OMNI_IMAGE, Map.of("prompt", "p", "element_list", elementList));

        assertThat(request.field("element_list")).isEqualTo(List.of(Map.of("element_id", ELEMENT_ID)));
        String body = new String(WireJson.request(request), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("\"element_list\":[{\"element_id\":829836802793406551}]");
        JsonNode id = WireJson.MAPPER.readTree(body).path("element_list").get(0).path("element_id");
        assertThat(id.isIntegralNumber()).isTrue();
        assertThat(id.longValue()).isEqualTo(ELEMENT_ID);
        assertThat((long) (double) ELEMENT_ID).as("a double could not have carried it").isNotEqualTo(ELEMENT_ID);
    }

    @Test
    void severalElementIdsFromCommaSeparatedText() {
        KlingRequest request = KlingRequests.motionControl().elementIds(ELEMENT_ID).build()
                .with("element_list", "829836802793406551, 123");

        assertThat(request.field("element_list")).isEqualTo(List.of(Map.of("element_id", ELEMENT_ID), Map.of("element_id", 123L)));
    }

    @Test
    void imageListItemsAreWrittenAsImageObjects(@TempDir Path dir) throws Exception {
        byte[] png = TestImages.png(400, 400);
        Path file = Files.write(dir.resolve("a.png"), png);
        String base64 = Base64.getEncoder().encodeToString(png);

        KlingRequest request = KlingRequests.multiImage2video()
                .imageList(List.of(png, file, file.toFile(), new ByteArrayInputStream(png), base64, "https://example.com/d.png",
                        URI.create("https://example.com/e.png")))
                .prompt("friends").build();
        JsonNode list = json(request).path("image_list");

        assertThat(list).hasSize(7);
        for (int i = 0; i < 5; i++) {
            assertThat(list.get(i).path("image").asText()).as("item " + i).isEqualTo(base64);
            assertThat(list.get(i).size()).isEqualTo(1);
        }
        assertThat(list.get(5).path("image").asText()).isEqualTo("https://example.com/d.png");
        assertThat(list.get(6).path("image").asText()).isEqualTo("https://example.com/e.png");
    }

    @Test
    void omniRequestWritesEveryFieldInSchemaOrder() throws Exception {
        KlingRequest request = KlingRequests.omniImage().prompt("Let <<<image_1>>> and <<<image_2>>> eat hotpot")
                .imageList(KlingMedia.url("https://example.com/a.png"), KlingMedia.url("https://example.com/b.png"))
                .elementIds(ELEMENT_ID).modelName("kling-image-o1").resolution("1k").aspectRatio("auto").n(1)
                .externalTaskId("omni-0001").build();

        request.validate();
        assertThat(json(request)).isEqualTo(WireJson.MAPPER.readTree("""
                { "model_name": "kling-image-o1",
                  "prompt": "Let <<<image_1>>> and <<<image_2>>> eat hotpot",
                  "image_list": [ { "image": "https://example.com/a.png" }, { "image": "https://example.com/b.png" } ],
                  "element_list": [ { "element_id": 829836802793406551 } ],
                  "resolution": "1k", "n": 1, "aspect_ratio": "auto", "external_task_id": "omni-0001" }"""));
    }

    @Test
    void typedBuildersEqualMapInput() {
        assertThat(KlingRequests.motionControl().imageUrl("https://example.com/hero.png").videoUrl("https://example.com/d.mp4")
                .characterOrientation("video").mode("std").keepOriginalSound(true).prompt("stage").build())
                .isEqualTo(KlingRequest.of(KlingFeature.MOTION_CONTROL, Map.of("imageUrl", "https://example.com/hero.png",
                        "video_url", "https://example.com/d.mp4", "character_orientation", "video", "mode", "std",
                        "keep_original_sound", "yes", "prompt", "stage")));
        assertThat(KlingRequests.videoExtend().videoId("v").prompt("more").cfgScale(0.5).build())
                .isEqualTo(KlingRequest.of(KlingFeature.VIDEO_EXTEND, Map.of("video_id", "v", "prompt", "more", "cfg_scale", "0.5")));
        assertThat(KlingRequests.imageGeneration().prompt("cat").modelName("kling-v1-5").image(KlingMedia.url("https://e.com/a.png"))
                .imageReference("face").imageFidelity(0.4).humanFidelity(0.2).resolution("2k").n(3).aspectRatio("3:4").build())
                .isEqualTo(KlingRequest.of(KlingFeature.IMAGE_GENERATION, Map.of("prompt", "cat", "model_name", "kling-v1-5",
                        "image", "https://e.com/a.png", "image_reference", "face", "image_fidelity", 0.4, "human_fidelity", "0.2",
                        "resolution", "2k", "n", "3", "aspect_ratio", "3:4")));
        assertThat(KlingRequests.omniImage().prompt("p").resultType("series").seriesAmount(4).build().field("series_amount")).isEqualTo("4");
        assertThat(KlingRequests.multiImage2video().duration(10).mode("pro").build().fields())
                .containsEntry("duration", "10").containsEntry("mode", "pro");
        assertThat(KlingRequest.of(KlingFeature.MOTION_CONTROL, Map.of("keep_original_sound", false)).field("keep_original_sound")).isEqualTo("no");
        assertThat(KlingRequests.videoExtend().video(CallbackBody.task("""
                {"task_id":"1","task_status":"succeed","task_result":{"videos":[{"id":"v-9","url":"https://x/v.mp4","duration":"5.0"}]}}"""))
                .build().field("video_id")).isEqualTo("v-9");
    }

    static Stream<Arguments> naturalInputs() throws Exception {
        byte[] png = TestImages.png(300, 300);
        File file = File.createTempFile("kling", ".png");
        file.deleteOnExit();
        String base64 = Base64.getEncoder().encodeToString(png);
        return Stream.of(
                arguments(KlingFeature.TEXT2VIDEO, "a fox", "prompt"),
                arguments(KlingFeature.TEXT2VIDEO, new StringReader("a fox"), "prompt"),
                arguments(KlingFeature.TEXT2VIDEO, png, null),
                arguments(KlingFeature.IMAGE2VIDEO, png, "image"),
                arguments(KlingFeature.IMAGE2VIDEO, base64, "image"),
                arguments(KlingFeature.IMAGE2VIDEO, "https://example.com/a.png", "image"),
                arguments(KlingFeature.IMAGE2VIDEO, "data:image/png;base64,AAAA", "image"),
                arguments(KlingFeature.IMAGE2VIDEO, "a fox in the snow", null),
                arguments(KlingFeature.IMAGE2VIDEO, file, "image"),
                arguments(KlingFeature.IMAGE2VIDEO, file.toPath(), "image"),
                arguments(KlingFeature.IMAGE2VIDEO, new ByteArrayInputStream(png), "image"),
                arguments(KlingFeature.MULTI_IMAGE2VIDEO, List.of(png, file), "image_list"),
                arguments(KlingFeature.MULTI_IMAGE2VIDEO, new Object[] {png, base64}, "image_list"),
                arguments(KlingFeature.MULTI_IMAGE2VIDEO, png, null),
                arguments(KlingFeature.MULTI_IMAGE2VIDEO, List.of("not an image !"), null),
                arguments(KlingFeature.MOTION_CONTROL, file.toPath(), "image_url"),
                arguments(KlingFeature.VIDEO_EXTEND, "866889456698785798", "video_id"),
                arguments(KlingFeature.VIDEO_EXTEND, CallbackBody.task("{\"task_id\":\"1\",\"task_status\":\"succeed\"}"), null),
                arguments(KlingFeature.LIP_SYNC, TestAudio.wav(2000), "sound_file"),
                arguments(KlingFeature.LIP_SYNC, file, "sound_file"),
                arguments(KlingFeature.IMAGE_GENERATION, "a cat", "prompt"),
                arguments(KlingFeature.OMNI_IMAGE, List.of(png), "image_list"),
                arguments(KlingFeature.OMNI_IMAGE, List.of(Map.of("image", "https://example.com/a.png")), "image_list"),
                arguments(KlingFeature.OMNI_IMAGE, "Let <<<image_1>>> eat", "prompt"),
                arguments(KlingFeature.OMNI_IMAGE, "https://example.com/a.png", "prompt"),
                arguments(KlingFeature.OMNI_IMAGE, Map.of("prompt", "x"), null));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("naturalInputs")
    void bodyGoesToTheFirstNaturalFieldThatTakesIt(KlingFeature feature, Object body, String expectedField) {
        assertThat(feature.naturalInputFields().stream().filter(field -> feature.schema().acceptsBody(field, body)).findFirst())
                .isEqualTo(Optional.ofNullable(expectedField));
        if (expectedField != null) {
            assertThat(feature.schema().acceptsBody(expectedField, body)).isTrue();
        }
    }

    @Test
    void naturalInputFieldsPerFeature() {
        assertThat(KlingFeature.TEXT2VIDEO.naturalInputFields()).containsExactly("prompt");
        assertThat(KlingFeature.IMAGE2VIDEO.naturalInputFields()).containsExactly("image");
        assertThat(KlingFeature.MULTI_IMAGE2VIDEO.naturalInputFields()).containsExactly("image_list");
        assertThat(KlingFeature.MOTION_CONTROL.naturalInputFields()).containsExactly("image_url");
        assertThat(KlingFeature.VIDEO_EXTEND.naturalInputFields()).containsExactly("video_id");
        assertThat(KlingFeature.LIP_SYNC.naturalInputFields()).containsExactly("sound_file");
        assertThat(KlingFeature.IMAGE_GENERATION.naturalInputFields()).containsExactly("prompt");
        assertThat(KlingFeature.OMNI_IMAGE.naturalInputFields()).containsExactly("image_list", "prompt");
        assertThat(KlingFeature.OMNI_IMAGE.schema().isText("prompt")).isTrue();
        assertThat(KlingFeature.OMNI_IMAGE.schema().isText("image_list")).isFalse();
        assertThat(KlingFeature.OMNI_IMAGE.schema().acceptsBody("no_such_field", "x")).isFalse();
    }

    @Test
    void featureDescriptors() {
        assertThat(KlingFeature.fromUriName("multiImage2video")).isEqualTo(KlingFeature.MULTI_IMAGE2VIDEO);
        assertThat(KlingFeature.fromUriName("lip_sync")).isEqualTo(KlingFeature.LIP_SYNC);
        assertThat(KlingFeature.LIP_SYNC.path()).isEqualTo("/v1/videos/advanced-lip-sync");
        assertThat(KlingFeature.IMAGE_GENERATION.resultKind()).isEqualTo(ResultKind.IMAGE);
        assertThat(KlingFeature.IMAGE_GENERATION.acceptsExternalTaskId()).isFalse();
        assertThat(KlingFeature.OMNI_IMAGE.supportsGetByExternalId()).isTrue();
        assertThat(KlingFeature.MULTI_IMAGE2VIDEO.supportsGetByExternalId()).isTrue();
        assertThat(KlingFeature.MOTION_CONTROL.supportsGetByExternalId()).isFalse();
        assertThat(KlingFeature.VIDEO_EXTEND.supportsGetByExternalId()).isFalse();
        assertThat(KlingFeature.LIP_SYNC.acceptsExternalTaskId()).isTrue();
    }

    @Test
    void omniSeriesResultIsRead() {
        KlingTask task = CallbackBody.task("""
                { "task_id": "866889456698786100", "task_status": "succeed",
                  "task_result": { "result_type": "series",
                    "series_images": [ { "index": 0, "url": "https://cdn/s0.png" }, { "index": 1, "url": "https://cdn/s1.png" } ] },
                  "created_at": 1, "updated_at": 2 }""");

        assertThat(task.resultType()).isEqualTo("series");
        assertThat(task.images()).isEmpty();
        assertThat(task.seriesImages()).containsExactly(new KlingImage(0, "https://cdn/s0.png"), new KlingImage(1, "https://cdn/s1.png"));
        assertThat(task.resultUrls()).containsExactly("https://cdn/s0.png", "https://cdn/s1.png");
    }

    @Test
    void imagesWinOverSeriesImagesWhenBothAreThere() {
        KlingTask task = CallbackBody.task("""
                { "task_id": "1", "task_status": "succeed", "task_result": { "result_type": "series",
                  "images": [ { "index": 0, "url": "https://cdn/0.png" } ], "series_images": [ { "index": 0, "url": "https://cdn/s0.png" } ] } }""");

        assertThat(task.resultUrls()).containsExactly("https://cdn/0.png");
    }


    @Test
    void identifyFaceDataIsRead() throws Exception {
        FaceIdentification found = KlingJson.faceIdentification(WireJson.MAPPER.readTree("""
                { "session_id": "872133540193488921",
                  "face_data": [ { "face_id": "0", "face_image": "https://cdn/face0.png", "start_time": 0, "end_time": 5200 },
                                 { "face_id": "1", "face_image": "https://cdn/face1.png", "start_time": 1200, "end_time": 3400, "new": 1 } ] }"""));

        assertThat(found).isEqualTo(new FaceIdentification("872133540193488921", List.of(
                new Face("0", "https://cdn/face0.png", 0, 5200), new Face("1", "https://cdn/face1.png", 1200, 3400))));
    }
}
