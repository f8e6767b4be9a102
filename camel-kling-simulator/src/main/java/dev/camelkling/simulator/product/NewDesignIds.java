package dev.camelkling.simulator.product;

/**
 * The path and model ids of the 2026 new design (kling-api-2026.md §2), apart from {@link NewDesignCatalog} so that the
 * path validators can name them without depending on the catalog that holds them.
 */
final class NewDesignIds {
    static final String TEXT_TO_VIDEO = "text-to-video";
    static final String IMAGE_TO_VIDEO = "image-to-video";
    static final String OMNI_VIDEO = "omni-video";
    static final String MOTION_CONTROL = "motion-control";

    static final String KLING_3_TURBO = "kling-3.0-turbo";
    static final String KLING_3 = "kling-3.0";
    static final String KLING_3_OMNI = "kling-3.0-omni";
    static final String KLING_O1 = "kling-o1";
    static final String KLING_26 = "kling-2.6";
    static final String KLING_25_TURBO = "kling-2.5-turbo";

    private NewDesignIds() {
    }
}
