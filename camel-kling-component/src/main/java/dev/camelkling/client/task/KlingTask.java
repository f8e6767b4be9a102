package dev.camelkling.client.task;


import dev.camelkling.client.schema.DesignStandard;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A Kling task as returned by create, get and list (and posted to callbacks). Optional fields are
 * {@code null}; the result lists are empty, never {@code null}. {@code resultType} and {@code seriesImages} are
 * omni-image's {@code task_result.result_type} and {@code task_result.series_images[]}.
 *
 * <p>Both designs map to this one type. A new-design task object (kling-api-2026.md §4.1) maps {@code id},
 * {@code status}, {@code message}, {@code external_id}, {@code create_time}, {@code update_time} to the legacy names'
 * components; its {@code outputs[]} are {@link #outputs()}, every entry typed ({@link KlingOutput}), unknown types
 * included; those of type {@code video} are also {@link #videos()}, of type {@code image} {@link #images()} (numbered in
 * the order given, §9.8), so code written for legacy tasks reads both. {@code billing[]} becomes {@link #billing()}
 * (empty for legacy tasks, which report {@link #finalUnitDeduction()} instead). A legacy task's results are
 * {@link #videos()}, {@link #images()} and {@link #seriesImages()}; its {@code task_result.videos[]} and {@code images[]}
 * are also its {@link #outputs()} (with their {@code watermark_url}), so that {@link #watermarkUrls()} reads both designs.
 * The new design's status {@code succeeded} is
 * {@link KlingTaskStatus#SUCCEED}, the one success state of both designs. {@link #design()} is the design whose task
 * object this was read from, and so how it is read again ({@code GET /tasks} for the new design).
 */
public record KlingTask(String taskId, KlingTaskStatus status, String statusMessage, String externalTaskId,
        KlingVideo parentVideo, List<KlingVideo> videos, List<KlingImage> images,
        long createdAt, long updatedAt, String finalUnitDeduction, String resultType, List<KlingImage> seriesImages,
        List<KlingBilling> billing, DesignStandard design, List<KlingOutput> outputs) {

    public KlingTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        videos = videos == null ? List.of() : List.copyOf(videos);
        images = images == null ? List.of() : List.copyOf(images);
        seriesImages = seriesImages == null ? List.of() : List.copyOf(seriesImages);
        billing = billing == null ? List.of() : List.copyOf(billing);
        design = design == null ? DesignStandard.LEGACY : design;
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** A task without new-design {@link #outputs()}: a legacy task, or one known only by its id. */
    public KlingTask(String taskId, KlingTaskStatus status, String statusMessage, String externalTaskId,
            KlingVideo parentVideo, List<KlingVideo> videos, List<KlingImage> images,
            long createdAt, long updatedAt, String finalUnitDeduction, String resultType, List<KlingImage> seriesImages,
            List<KlingBilling> billing, DesignStandard design) {
        this(taskId, status, statusMessage, externalTaskId, parentVideo, videos, images, createdAt, updatedAt,
                finalUnitDeduction, resultType, seriesImages, billing, design, List.of());
    }

    /**
     * A new-design task object (kling-api-2026.md §4.1): its video and image outputs also become {@link #videos()} and
     * {@link #images()}.
     */
    public static KlingTask newDesign(String id, KlingTaskStatus status, String message, String externalId,
            long createTime, long updateTime, List<KlingOutput> outputs, List<KlingBilling> billing) {
        List<KlingVideo> videos = ofType(outputs, KlingOutput.Video.class).stream()
                .map(video -> new KlingVideo(video.id(), video.url(), video.duration())).toList();
        List<KlingOutput.Image> images = ofType(outputs, KlingOutput.Image.class);
        List<KlingImage> numbered = IntStream.range(0, images.size())
                .mapToObj(index -> new KlingImage(index, images.get(index).url())).toList();
        return new KlingTask(id, status, message, externalId, null, videos, numbered, createTime, updateTime, null, null,
                List.of(), billing, DesignStandard.NEW_DESIGN, outputs);
    }


    public boolean isFinal() {
        return status.isFinal();
    }

    /**
     * URLs of the media a user downloads (what {@code download} fetches), in this order whatever order Kling listed
     * them in: the videos', then the images' (for an omni-image series that lists no {@code images}, the series
     * images'). Audio outputs are not among them while there is a video or image: the sound track of an
     * {@code audio=native} video is in the video already, and its separate files are in {@link #audio()}. A task whose
     * only media is audio lists each audio output's MP3 (its WAV when it has no MP3), so that it too has a result.
     * Watermarked copies ({@link #watermarkUrls()}), voices and elements are not results of their own.
     */
    public List<String> resultUrls() {
        if (videos.isEmpty() && images.isEmpty() && seriesImages.isEmpty() && outputs.isEmpty()) {
            return List.of(); // most tasks read: still running, nothing to look through
        }
        List<KlingImage> resultImages = images.isEmpty() ? seriesImages : images;
        Stream<String> media = Stream.concat(videos.stream().map(KlingVideo::url), resultImages.stream().map(KlingImage::url));
        List<String> urls = media.filter(Objects::nonNull).toList();
        return urls.isEmpty() ? audio().stream().map(KlingOutput.Audio::downloadUrl).filter(Objects::nonNull).toList() : urls;
    }

    /** The watermarked copies of the video and image outputs that have one ({@code options.watermark_info.enabled}), in output order. */
    public List<String> watermarkUrls() {
        if (outputs.isEmpty()) {
            return List.of();
        }
        return outputs.stream().map(output -> output instanceof KlingOutput.Video video ? video.watermarkUrl()
                        : output instanceof KlingOutput.Image image ? image.watermarkUrl() : null)
                .filter(Objects::nonNull).toList();
    }

    /** The audio outputs, e.g. the sound track of a video made with {@code audio=native}, in output order. */
    public List<KlingOutput.Audio> audio() {
        return outputsOf(KlingOutput.Audio.class);
    }

    /** The ids of the voice outputs, in output order. */
    public List<String> voiceIds() {
        return idsOf(KlingOutput.Voice.class, KlingOutput.Voice::voiceId);
    }

    /** The ids of the element outputs, in output order, as Kling wrote them (64-bit ids keep every digit). */
    public List<String> elementIds() {
        return idsOf(KlingOutput.Element.class, KlingOutput.Element::elementId);
    }

    /** Built for the headers of every answer, where most tasks have no such output: no stream for an empty list. */
    private <T extends KlingOutput> List<String> idsOf(Class<T> type, Function<T, String> id) {
        List<T> typed = outputsOf(type);
        return typed.isEmpty() ? List.of() : typed.stream().map(id).filter(Objects::nonNull).toList();
    }

    private <T extends KlingOutput> List<T> outputsOf(Class<T> type) {
        return ofType(outputs, type);
    }

    private static <T extends KlingOutput> List<T> ofType(List<KlingOutput> outputs, Class<T> type) {
        if (outputs.isEmpty()) {
            return List.of();
        }
        return outputs.stream().filter(type::isInstance).map(type::cast).toList();
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
