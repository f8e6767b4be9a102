package dev.camelkling.simulator.product;

import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.http.ErrorCode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.camelkling.simulator.product.NewDesignIds.IMAGE_TO_VIDEO;
import static dev.camelkling.simulator.product.NewDesignIds.KLING_25_TURBO;
import static dev.camelkling.simulator.product.NewDesignIds.KLING_26;
import static dev.camelkling.simulator.product.NewDesignIds.KLING_3;
import static dev.camelkling.simulator.product.NewDesignIds.KLING_3_OMNI;
import static dev.camelkling.simulator.product.NewDesignIds.KLING_3_TURBO;
import static dev.camelkling.simulator.product.NewDesignIds.KLING_O1;
import static dev.camelkling.simulator.product.NewDesignIds.MOTION_CONTROL;
import static dev.camelkling.simulator.product.NewDesignIds.OMNI_VIDEO;
import static dev.camelkling.simulator.product.NewDesignIds.TEXT_TO_VIDEO;

/**
 * The models of each create path of the 2026 new design (kling-api-2026.md §2, §2.3) with their settings, as one table
 * per path. Unit rates are assumptions apart from kling-3.0-turbo's (0.8 unit/s at 720p, 1.0 at 1080p): see the README.
 */
public final class NewDesignCatalog {

    private static final int PROMPT_LONG = 3072;
    private static final int PROMPT = RequestFields.MAX_PROMPT_CHARS;
    private static final List<String> HD = List.of("720p", "1080p");
    private static final List<String> HD_4K = List.of("720p", "1080p", "4k");
    private static final List<Integer> THREE_TO_FIFTEEN = range(3, 15);
    private static final List<Integer> THREE_TO_TEN = range(3, 10);
    private static final List<Integer> FIVE_OR_TEN = List.of(5, 10);
    private static final List<Integer> FOLLOWS_VIDEO = List.of();
    private static final List<String> NO_AUDIO = List.of();
    private static final List<String> OFF_NATIVE = List.of("off", "native");

    private static final Map<String, Map<String, NewDesignModel>> PATHS = new LinkedHashMap<>();
    private static final Map<String, NewDesignValidator> VALIDATORS = Map.of(TEXT_TO_VIDEO, new TextToVideoRules(),
            IMAGE_TO_VIDEO, new ImageToVideoRules(), OMNI_VIDEO, new OmniVideoRules(), MOTION_CONTROL, new MotionControlRules());
    private static final Map<String, ProductDescriptor> PRODUCTS = new LinkedHashMap<>();

    static {
        // §9.2: turbo's prompt is 3072 on the text page and 2500 on the image page; §9.3: no audio field on its pages
        path(TEXT_TO_VIDEO,
                model(KLING_3_TURBO, HD, THREE_TO_FIFTEEN, NO_AUDIO, false, true, PROMPT_LONG, "0.8", "1.0"),
                model(KLING_3, HD_4K, THREE_TO_FIFTEEN, OFF_NATIVE, true, true, PROMPT_LONG, "1.0", "1.2", "2.4"),
                model(KLING_26, HD, FIVE_OR_TEN, OFF_NATIVE, false, false, PROMPT, "0.7", "1.0"),
                model(KLING_25_TURBO, HD, FIVE_OR_TEN, NO_AUDIO, false, false, PROMPT, "0.5", "0.7"));
        path(IMAGE_TO_VIDEO,
                model(KLING_3_TURBO, HD, THREE_TO_FIFTEEN, NO_AUDIO, false, true, PROMPT, "0.8", "1.0"),
                model(KLING_3, HD_4K, THREE_TO_FIFTEEN, OFF_NATIVE, true, true, PROMPT_LONG, "1.0", "1.2", "2.4"),
                model(KLING_26, HD, FIVE_OR_TEN, OFF_NATIVE, false, false, PROMPT, "0.7", "1.0"),
                model(KLING_25_TURBO, HD, FIVE_OR_TEN, NO_AUDIO, false, false, PROMPT, "0.5", "0.7"));
        path(OMNI_VIDEO,
                model(KLING_3_OMNI, HD_4K, THREE_TO_FIFTEEN, List.of("off", "native", "original"), true, true, PROMPT_LONG,
                        "1.0", "1.2", "2.4"),
                model(KLING_O1, HD, THREE_TO_TEN, List.of("off", "original"), false, false, PROMPT, "1.0", "1.2"));
        path(MOTION_CONTROL,
                model(KLING_3, HD, FOLLOWS_VIDEO, List.of("original", "off"), false, false, PROMPT, "1.0", "1.2"),
                model(KLING_26, HD, FOLLOWS_VIDEO, List.of("original", "off"), false, false, PROMPT, "0.7", "1.0"));
    }

    private NewDesignCatalog() {
    }

    /** The four create paths, each {@code /<path>/{model}}. */
    public static List<String> paths() {
        return List.copyOf(PATHS.keySet());
    }

    /** The model's row on a path, empty when the path does not serve it. */
    public static Optional<NewDesignModel> model(String path, String model) {
        return Optional.ofNullable(PATHS.get(path).get(model));
    }

    /** Whether any path serves the model (an id the new design knows). */
    public static boolean isKnown(String model) {
        return PATHS.values().stream().anyMatch(models -> models.containsKey(model));
    }

    /** The models a path serves, in table order, for messages. */
    public static List<String> models(String path) {
        return List.copyOf(PATHS.get(path).keySet());
    }

    /**
     * The product behind a create path: its own task pool and result kind. Not in {@link ProductCatalog}: it has no
     * legacy get-one or list and no {@link RequestValidator} (see {@link #validate}).
     */
    public static ProductDescriptor product(String path) {
        return PRODUCTS.get(path);
    }

    /**
     * Checks a create for the model named in the path: a model no path knows is 404/1203 (as an unknown legacy
     * {@code model_name}), a known model on a path that does not serve it 400/1201; then the path's rules.
     */
    public static TaskOrder validate(String path, String model, RequestFields body, ValidationContext context) {
        NewDesignModel row = model(path, model).orElseThrow(() -> isKnown(model)
                ? ApiException.invalidParameter("model " + model + " is not served by /" + path + " (models: "
                        + String.join(", ", models(path)) + ")")
                : new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "model " + model + " does not exist"));
        ModelCatalog.refuseDiscontinued(model, context);
        return VALIDATORS.get(path).validate(row, body, context);
    }

    private static void path(String path, NewDesignModel... models) {
        PRODUCTS.put(path, new ProductDescriptor(path, "/" + path, PackType.VIDEO, ResultKind.VIDEOS, false, null));
        Map<String, NewDesignModel> byName = new LinkedHashMap<>();
        for (NewDesignModel m : models) {
            byName.put(m.name(), m);
        }
        PATHS.put(path, byName);
    }

    /** @param rates units per second for each resolution, in the order of {@code resolutions} */
    private static NewDesignModel model(String name, List<String> resolutions, List<Integer> durations, List<String> audio,
                                        boolean multiShotField, boolean shotSyntax, int promptMax, String... rates) {
        Map<String, BigDecimal> perSecond = new LinkedHashMap<>();
        for (int i = 0; i < resolutions.size(); i++) {
            perSecond.put(resolutions.get(i), new BigDecimal(rates[i]));
        }
        return new NewDesignModel(name, resolutions, durations, audio, multiShotField, shotSyntax, promptMax, perSecond);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
