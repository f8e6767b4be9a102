package dev.camelkling.simulator.media;

/**
 * A video this simulator produced as a task result, with what later products need to know about it:
 * video-extend and identify-face accept its {@code id} (and its URL), inherit its model and mode,
 * and check its owner and age.
 *
 * @param id        the {@code task_result.videos[].id}
 * @param url       its media URL
 * @param spec      what it shows (frame size, duration, prompt, inputs)
 * @param product   the product that made it, e.g. {@code text2video} or {@code video-extend}
 * @param accountId the owning account
 * @param modelName the model it was made with (for extend, inherited from the source)
 * @param mode      {@code std} or {@code pro} where known, else {@code null}
 * @param createdAt when it was produced, epoch ms on the simulator clock
 */
public record GeneratedVideo(String id, String url, VideoSpec spec, String product, String accountId,
                             String modelName, String mode, long createdAt) {

    public int durationSeconds() {
        return spec.durationSeconds();
    }
}
