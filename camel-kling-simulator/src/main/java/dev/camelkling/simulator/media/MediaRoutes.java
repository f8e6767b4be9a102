package dev.camelkling.simulator.media;

import dev.camelkling.simulator.http.Route;
import dev.camelkling.simulator.http.RouteHandler;
import dev.camelkling.simulator.http.SimResponse;

import java.util.List;

/** Serves result media without authentication, as the real CDN does (§2.8). */
public final class MediaRoutes {
    private final MediaStore store;

    public MediaRoutes(MediaStore store) {
        this.store = store;
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
        return store.video(file.substring(0, file.length() - 4))
                .map(bytes -> SimResponse.of(200, "video/mp4", bytes).withHeader("Cache-Control", "public, max-age=86400"))
                .orElseGet(SimResponse::plainNotFound);
    }

    private SimResponse image(RouteHandler.Call call) {
        String file = call.variable("file");
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            return SimResponse.plainNotFound();
        }
        return store.image(file.substring(0, dot))
                .map(media -> SimResponse.of(200, media.contentType(), media.bytes()))
                .orElseGet(SimResponse::plainNotFound);
    }

    private SimResponse audio(RouteHandler.Call call) {
        String file = call.variable("file");
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            return SimResponse.plainNotFound();
        }
        return store.audio(file.substring(0, dot))
                .map(media -> SimResponse.of(200, media.contentType(), media.bytes()))
                .orElseGet(SimResponse::plainNotFound);
    }
}
