package dev.camelkling.client.task;


import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A Kling task as returned by create, get and list (and posted to callbacks). Optional fields are
 * {@code null}; the result lists are empty, never {@code null}. {@code resultType} and {@code seriesImages} are
 * omni-image's {@code task_result.result_type} and {@code task_result.series_images[]}.
 */
public record KlingTask(String taskId, KlingTaskStatus status, String statusMessage, String externalTaskId,
        KlingVideo parentVideo, List<KlingVideo> videos, List<KlingImage> images,
        long createdAt, long updatedAt, String finalUnitDeduction, String resultType, List<KlingImage> seriesImages) {

    public KlingTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        videos = videos == null ? List.of() : List.copyOf(videos);
        images = images == null ? List.of() : List.copyOf(images);
        seriesImages = seriesImages == null ? List.of() : List.copyOf(seriesImages);
    }


    public boolean isFinal() {
        return status.isFinal();
    }

    /**
     * URLs of the result media in order: the videos' for video products, the images' for image products; for an
     * omni-image series that lists no {@code images}, the series images'.
     */
    public List<String> resultUrls() {
        List<KlingImage> resultImages = images.isEmpty() ? seriesImages : images;
        return Stream.concat(videos.stream().map(KlingVideo::url), resultImages.stream().map(KlingImage::url))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Id of the first result video, for chaining into video extend or lip sync; {@code null} if none. */
    public String firstVideoId() {
        return videos.isEmpty() ? null : videos.get(0).id();
    }

    /**
     * Returns this task unless it failed.
     *
     * @throws KlingTaskFailedException if the status is {@link KlingTaskStatus#FAILED}
     */
    public KlingTask requireNotFailed() {
        if (status == KlingTaskStatus.FAILED) {
            throw new KlingTaskFailedException(this);
        }
        return this;
    }

}
