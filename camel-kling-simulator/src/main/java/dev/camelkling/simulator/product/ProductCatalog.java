package dev.camelkling.simulator.product;

import java.util.List;

/** The routing table of generation products the simulator serves. */
public final class ProductCatalog {
    public static final ProductDescriptor TEXT2VIDEO = new ProductDescriptor(
            "text2video", "/v1/videos/text2video", PackType.VIDEO, ResultKind.VIDEOS, true, new Text2VideoValidator());
    public static final ProductDescriptor IMAGE2VIDEO = new ProductDescriptor(
            "image2video", "/v1/videos/image2video", PackType.VIDEO, ResultKind.VIDEOS, true, new Image2VideoValidator());
    /** Step 2 of lip sync; step 1 (identify-face) is synchronous and not a task product. */
    public static final ProductDescriptor ADVANCED_LIP_SYNC = new ProductDescriptor(
            LipSyncValidator.PRODUCT, "/v1/videos/advanced-lip-sync", PackType.VIDEO, ResultKind.VIDEOS, true, new LipSyncValidator());
    public static final ProductDescriptor MULTI_IMAGE2VIDEO = new ProductDescriptor(
            MultiImage2VideoValidator.PRODUCT, "/v1/videos/multi-image2video", PackType.VIDEO, ResultKind.VIDEOS, true,
            new MultiImage2VideoValidator());
    public static final ProductDescriptor MOTION_CONTROL = new ProductDescriptor(
            MotionControlValidator.PRODUCT, "/v1/videos/motion-control", PackType.VIDEO, ResultKind.VIDEOS, true,
            new MotionControlValidator());
    public static final ProductDescriptor VIDEO_EXTEND = new ProductDescriptor(
            VideoExtendValidator.PRODUCT, "/v1/videos/video-extend", PackType.VIDEO, ResultKind.VIDEOS, true,
            new VideoExtendValidator());
    public static final ProductDescriptor IMAGE_GENERATION = new ProductDescriptor(
            ImageGenerationValidator.PRODUCT, "/v1/images/generations", PackType.IMAGE, ResultKind.IMAGES, true,
            new ImageGenerationValidator());
    public static final ProductDescriptor OMNI_IMAGE = new ProductDescriptor(
            OmniImageValidator.PRODUCT, "/v1/images/omni-image", PackType.IMAGE, ResultKind.IMAGES, true,
            new OmniImageValidator());

    /** The legacy twin of the 2026 new design's omni-video (kling-api-2026.md §7). */
    public static final ProductDescriptor OMNI_VIDEO = new ProductDescriptor(
            LegacyOmniVideoValidator.PRODUCT, "/v1/videos/omni-video", PackType.VIDEO, ResultKind.VIDEOS, true,
            new LegacyOmniVideoValidator());

    /** The synchronous first step of lip sync. */
    public static final String IDENTIFY_FACE_PATH = "/v1/videos/identify-face";

    private ProductCatalog() {
    }

    public static List<ProductDescriptor> all() {
        return List.of(TEXT2VIDEO, IMAGE2VIDEO, ADVANCED_LIP_SYNC, MULTI_IMAGE2VIDEO, MOTION_CONTROL, VIDEO_EXTEND,
                IMAGE_GENERATION, OMNI_IMAGE, OMNI_VIDEO);
    }
}
