package dev.camelkling.client.schema;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The new design's models per create path (kling-api-2026.md §2, §2.3), one {@link NewDesignModel} row each. This table
 * is also what selects the design: a model id in it is a new-design model ({@link #isNewDesignModel}). Vendor
 * contradictions, decided as the simulator does: 3.0 Turbo's prompt is 3072 on text-to-video and 2500 on image-to-video
 * (§9.2) and it takes no {@code audio} field (§9.3); kling-o1 takes 3 to 10 s, and 5 or 10 with a first frame and no
 * other reference (§9.6, {@link NewDesignRules}).
 */
public final class NewDesignModels {

    static final String KLING_3_TURBO = "kling-3.0-turbo";
    static final String KLING_3 = "kling-3.0";
    static final String KLING_3_OMNI = "kling-3.0-omni";
    static final String KLING_O1 = "kling-o1";
    static final String KLING_26 = "kling-2.6";
    static final String KLING_25_TURBO = "kling-2.5-turbo";

    static final String NATIVE_AUDIO = "native audio";
    static final String FIRST_AND_LAST_FRAME = "first and last frame";

    private static final int PROMPT = CommonFields.MAX_PROMPT_LENGTH;
    private static final int PROMPT_LONG = 3072;
    private static final List<String> HD = List.of("720p", "1080p");
    private static final List<String> HD_4K = List.of("720p", "1080p", "4k");
    private static final List<Integer> THREE_TO_FIFTEEN = seconds(3, 15);
    private static final List<Integer> THREE_TO_TEN = seconds(3, 10);
    private static final List<Integer> FIVE_OR_TEN = List.of(5, 10);
    private static final List<Integer> FOLLOWS_VIDEO = List.of();
    private static final List<String> NO_AUDIO = List.of();
    private static final List<String> OFF_NATIVE = List.of("off", "native");
    private static final List<String> ORIGINAL_OFF = List.of("original", "off");
    private static final List<String> NOTHING = List.of();

    private static final Map<NewDesignProduct, Map<String, NewDesignModel>> TABLES = new LinkedHashMap<>();

    static {
        //                                 id              resolution durations        audio          multi  shots  aspect prompt       last   elem voice full HD needed for
        table(NewDesignProduct.TEXT_TO_VIDEO,
                new NewDesignModel(KLING_3_TURBO,  HD,    THREE_TO_FIFTEEN, NO_AUDIO,      false, true,  true,  PROMPT_LONG, false, 0, 0, NOTHING),
                new NewDesignModel(KLING_3,        HD_4K, THREE_TO_FIFTEEN, OFF_NATIVE,    true,  true,  true,  PROMPT_LONG, false, 0, 0, NOTHING),
                new NewDesignModel(KLING_26,       HD,    FIVE_OR_TEN,      OFF_NATIVE,    false, false, true,  PROMPT,      false, 0, 0, List.of(NATIVE_AUDIO)),
                new NewDesignModel(KLING_25_TURBO, HD,    FIVE_OR_TEN,      NO_AUDIO,      false, false, true,  PROMPT,      false, 0, 0, NOTHING));
        table(NewDesignProduct.IMAGE_TO_VIDEO,
                new NewDesignModel(KLING_3_TURBO,  HD,    THREE_TO_FIFTEEN, NO_AUDIO,      false, true,  false, PROMPT,      false, 0, 0, NOTHING),
                new NewDesignModel(KLING_3,        HD_4K, THREE_TO_FIFTEEN, OFF_NATIVE,    true,  true,  false, PROMPT_LONG, true,  3, 0, NOTHING),
                new NewDesignModel(KLING_26,       HD,    FIVE_OR_TEN,      OFF_NATIVE,    false, false, false, PROMPT,      true,  0, 2, List.of(NATIVE_AUDIO, FIRST_AND_LAST_FRAME)),
                new NewDesignModel(KLING_25_TURBO, HD,    FIVE_OR_TEN,      NO_AUDIO,      false, false, false, PROMPT,      true,  0, 0, List.of(FIRST_AND_LAST_FRAME)));
        table(NewDesignProduct.OMNI_VIDEO,
                new NewDesignModel(KLING_3_OMNI,   HD_4K, THREE_TO_FIFTEEN, List.of("off", "native", "original"), true, true, true, PROMPT_LONG, true, NewDesignRules.MAX_REFERENCES, 0, NOTHING),
                new NewDesignModel(KLING_O1,       HD,    THREE_TO_TEN,     List.of("off", "original"), false, false, true, PROMPT, true, NewDesignRules.MAX_REFERENCES, 0, NOTHING));
        table(NewDesignProduct.MOTION_CONTROL,
                new NewDesignModel(KLING_3,        HD,    FOLLOWS_VIDEO,    ORIGINAL_OFF,  false, false, false, PROMPT,      false, 1, 0, NOTHING),
                new NewDesignModel(KLING_26,       HD,    FOLLOWS_VIDEO,    ORIGINAL_OFF,  false, false, false, PROMPT,      false, 0, 0, NOTHING));
    }

    private static final Set<String> IDS = TABLES.values().stream().flatMap(models -> models.keySet().stream())
            .collect(Collectors.toUnmodifiableSet());

    private NewDesignModels() {
    }

    private static void table(NewDesignProduct product, NewDesignModel... models) {
        Map<String, NewDesignModel> byId = new LinkedHashMap<>();
        Arrays.stream(models).forEach(model -> byId.put(model.id(), model));
        TABLES.put(product, Collections.unmodifiableMap(byId));
    }

    private static List<Integer> seconds(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    /** Whether {@code modelName} is a model id of the new design (on any path). */
    public static boolean isNewDesignModel(Object modelName) {
        return modelName instanceof String name && IDS.contains(name);
    }

    /** The model's row on the product's path; empty when that path does not serve it. */
    public static Optional<NewDesignModel> model(NewDesignProduct product, String modelName) {
        return Optional.ofNullable(TABLES.get(product).get(modelName));
    }

    /** The product's models in table order (for messages and docs). */
    public static List<NewDesignModel> models(NewDesignProduct product) {
        return List.copyOf(TABLES.get(product).values());
    }

    static List<String> ids(NewDesignProduct product) {
        return List.copyOf(TABLES.get(product).keySet());
    }
}
