package dev.camelkling.simulator.product;

import java.util.List;

/** The routing table of generation products the simulator serves. */
public final class ProductCatalog {
    public static final ProductDescriptor TEXT2VIDEO = new ProductDescriptor(
            "text2video", "/v1/videos/text2video", PackType.VIDEO, ResultKind.VIDEOS, true, new Text2VideoValidator());
    public static final ProductDescriptor IMAGE2VIDEO = new ProductDescriptor(
            "image2video", "/v1/videos/image2video", PackType.VIDEO, ResultKind.VIDEOS, true, new Image2VideoValidator());

    private ProductCatalog() {
    }

    public static List<ProductDescriptor> all() {
        return List.of(TEXT2VIDEO, IMAGE2VIDEO);
    }
}
