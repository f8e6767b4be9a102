package dev.camelkling.client.schema;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The request schemas of the image features (reference §6.7, §6.8). */
public final class ImageSchemas {

    static final int MAX_OMNI_REFERENCES = 10;
    static final int MIN_SERIES = 2;
    static final String AUTO = "auto";

    private ImageSchemas() {
    }

    /**
     * {@code external_task_id} and {@code watermark_info} are not in any version of the vendor's table for this
     * endpoint; they are kept (a server may accept and echo them) but nothing relies on them.
     */
    public static final RequestSchema IMAGE_GENERATION = RequestSchema.builder()
            .field(KlingModels.modelName("image generation", KlingModels.IMAGE_GENERATION))
            .field(CommonFields.prompt(true))
            .field(CommonFields.negativePrompt())
            .field(CommonFields.image("image"))
            .field(FieldSpec.of("image_reference", FieldType.TEXT).oneOf("subject", "face"))
            .field(CommonFields.unitInterval("image_fidelity"))
            .field(CommonFields.unitInterval("human_fidelity"))
            .field(CommonFields.resolution("1k", "2k"))
            .field(CommonFields.aspectRatio(CommonFields.IMAGE_ASPECT_RATIOS))
            .field(CommonFields.imageCount())
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .rule(CrossFieldRules.mutuallyExclusive(List.of(List.of("image"), List.of("negative_prompt"))))
            .rule(CrossFieldRules.requiredWhenValue("image_reference", "model_name", "kling-v1-5", "image"))
            .rule(CrossFieldRules.valueNotWith("aspect_ratio", "21:9", "model_name", "kling-v1", KlingModels.IMAGE_GENERATION_DEFAULT))
            .build();

    public static final RequestSchema OMNI_IMAGE = RequestSchema.builder()
            .field(KlingModels.modelName("omni-image", KlingModels.OMNI_IMAGE))
            .field(CommonFields.prompt(true))
            .field(CommonFields.imageList(0, MAX_OMNI_REFERENCES))
            .field(CommonFields.elementList(MAX_OMNI_REFERENCES))
            .field(CommonFields.resolution("1k", "2k", "4k"))
            .field(FieldSpec.of("result_type", FieldType.TEXT).oneOf("single", "series"))
            .field(CommonFields.imageCount())
            .field(FieldSpec.of("series_amount", FieldType.NUMERIC_TEXT).oneOf(seriesAmounts()))
            .field(CommonFields.aspectRatio(Stream.concat(Stream.of(CommonFields.IMAGE_ASPECT_RATIOS), Stream.of(AUTO))
                    .toArray(String[]::new)))
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .rule(CrossFieldRules.maxCombinedItems(MAX_OMNI_REFERENCES, "image_list", "element_list"))
            .rule(CrossFieldRules.referencesExist("prompt", "image", "image_list"))
            .rule(CrossFieldRules.requiresValue("series_amount", "result_type", "series"))
            // 4k came with kling-v3-omni; the default kling-image-o1 has none, a model no table knows may
            .rule(KlingModels.onlyForKnown(KlingModels.OMNI_IMAGE, CrossFieldRules.valueRequires("resolution", "4k", "model_name",
                    KlingModels.OMNI_IMAGE_V3, KlingModels.OMNI_IMAGE_DEFAULT)))
            .build();

    /** {@code "2"} … {@code "9"} and {@code "auto"}. */
    private static List<String> seriesAmounts() {
        return Stream.concat(IntStream.rangeClosed(MIN_SERIES, CommonFields.MAX_IMAGES_PER_TASK).mapToObj(Integer::toString),
                Stream.of(AUTO)).toList();
    }
}
