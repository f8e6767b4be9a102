package dev.camelkling.simulator.media;

import dev.camelkling.simulator.http.Route;
import dev.camelkling.simulator.http.RouteHandler;
import dev.camelkling.simulator.http.SimResponse;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Serves result media without authentication, as the real CDN does (§2.8). With a large-result size,
 * task results (videos and generated images, not hosted inputs or face previews) are padded to at
 * least that size and streamed ({@link PaddedMedia}).
 */
public final class MediaRoutes {
    private final MediaStore store;
    private final LongSupplier largeResultBytes;

    public MediaRoutes(MediaStore store) {
        this(store, () -> 0);
    }

    /** @param largeResultBytes the minimum size of served task results; 0 = no padding */
    public MediaRoutes(MediaStore store, LongSupplier largeResultBytes) {
        this.store = store;
        this.largeResultBytes = largeResultBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.open(MediaStore.VIDEO_PATH + "{file}").on("GET", this::video),
                Route.open(MediaStore.IMAGE_PATH + "{file}").on("GET", this::image),
                Route.open(MediaStore.AUDIO_PATH + "{file}").on("GET", this::audio));
    }

    private SimResponse video(RouteHandler.Call call) {
        String file = call.variable("file");
        if (!file.endsWith(".mp4")) {
            return SimResponse.plainNotFound();
        }
        String id = file.substring(0, file.length() - 4);
        long large = largeResultBytes.getAsLong();
        return store.video(id)
                .map(bytes -> large > 0 && store.generatedVideo(id).isPresent()
                        ? PaddedMedia.mp4(bytes, large, "video/mp4")
                        : SimResponse.of(200, "video/mp4", bytes))
                .map(response -> response.withHeader("Cache-Control", "public, max-age=86400"))
                .orElseGet(SimResponse::plainNotFound);
    }

    private SimResponse image(RouteHandler.Call call) {
        String file = call.variable("file");
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            return SimResponse.plainNotFound();
        }
        String id = file.substring(0, dot);
        long large = largeResultBytes.getAsLong();
        return store.image(id)
                .map(media -> large > 0 && store.isResultImage(id)
                        ? PaddedMedia.png(media.bytes(), large, media.contentType())
                        : SimResponse.of(200, media.contentType(), media.bytes()))
                .orElseGet(SimResponse::plainNotFound);
    }

    private SimResponse audio(RouteHandler.Call call) {
        return store.audio(call.variable("file"))
                .map(media -> SimResponse.of(200, media.contentType(), media.bytes()))
                .orElseGet(SimResponse::plainNotFound);
    }
}
