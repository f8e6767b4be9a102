package dev.camelkling.client.task;


import dev.camelkling.client.schema.DesignStandard;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A Kling task as returned by create, get and list (and posted to callbacks). Optional fields are
 * {@code null}; the result lists are empty, never {@code null}. {@code resultType} and {@code seriesImages} are
 * omni-image's {@code task_result.result_type} and {@code task_result.series_images[]}.
 *
 * <p>Both designs map to this one type. A new-design task object (kling-api-2026.md §4.1) maps {@code id},
 * {@code status}, {@code message}, {@code external_id}, {@code create_time}, {@code update_time} to the legacy names'
 * components; its {@code outputs[]} of type {@code video} become {@link #videos()}, of type {@code image}
 * {@link #images()} (numbered in the order given, §9.8); {@code billing[]} becomes {@link #billing()} (empty for legacy
 * tasks, which report {@link #finalUnitDeduction()} instead). Its status {@code succeeded} is
 * {@link KlingTaskStatus#SUCCEED}, the one success state of both designs. {@link #design()} is the design whose task
 * object this was read from, and so how it is read again ({@code GET /tasks} for the new design).
 */
public record KlingTask(String taskId, KlingTaskStatus status, String statusMessage, String externalTaskId,
        KlingVideo parentVideo, List<KlingVideo> videos, List<KlingImage> images,
        long createdAt, long updatedAt, String finalUnitDeduction, String resultType, List<KlingImage> seriesImages,
        List<KlingBilling> billing, DesignStandard design) {

    public KlingTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        videos = videos == null ? List.of() : List.copyOf(videos);
        images = images == null ? List.of() : List.copyOf(images);
        seriesImages = seriesImages == null ? List.of() : List.copyOf(seriesImages);
        billing = billing == null ? List.of() : List.copyOf(billing);
        design = design == null ? DesignStandard.LEGACY : design;
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
