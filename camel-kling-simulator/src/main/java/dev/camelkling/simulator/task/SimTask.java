package dev.camelkling.simulator.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.product.ProductDescriptor;
import dev.camelkling.simulator.product.ResultKind;
import dev.camelkling.simulator.product.TaskOrder;

import java.util.List;

/** One simulated task. State changes go through {@link TaskStore} so slots and state move together. */
public final class SimTask {

    /**
     * A produced video as {@code task_result.videos[]} shows it; {@code watermarkUrl} is its watermarked copy when the
     * create asked for one ({@code watermark_info.enabled}), else {@code null}.
     */
    public record VideoResult(String id, String url, String duration, String watermarkUrl) {
    }

    /** A produced image as {@code task_result.images[]} shows it, with its watermarked copy as for videos. */
    public record ImageResult(int index, String url, String watermarkUrl) {
    }

    /** A produced sound track (new design {@code audio} output): one sound as MP3 and WAV, with each file's length. */
    public record AudioResult(String id, String mp3Url, String wavUrl, String mp3Duration, String wavDuration) {
    }

    private final long sequence;
    private final String taskId;
    private final ProductDescriptor product;
    private final String accountId;
    private final TaskOrder order;
    private final long createdAt;
    private final TaskView view;

    private TaskStatus status = TaskStatus.SUBMITTED;
    private String statusMessage = "";
    private long updatedAt;
    private List<VideoResult> videos = List.of();
    private List<ImageResult> images = List.of();
    private List<AudioResult> audio = List.of();

    /** A consistent copy of the changing state, for views that render it. */
    public record Snapshot(TaskStatus status, String message, long createdAt, long updatedAt, List<VideoResult> videos,
                           List<ImageResult> images, List<AudioResult> audio) {
    }

    SimTask(long sequence, String taskId, ProductDescriptor product, String accountId, TaskOrder order, long createdAt,
            TaskView view) {
        this.sequence = sequence;
        this.taskId = taskId;
        this.product = product;
        this.accountId = accountId;
        this.order = order;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.view = view;
    }

    /** The view of the design the task was created on; its callbacks use it. */
    public TaskView view() {
        return view;
    }

    public long createdAt() {
        return createdAt;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(status, statusMessage, createdAt, updatedAt, videos, images, audio);
    }

    public long sequence() {
        return sequence;
    }

    public String taskId() {
        return taskId;
    }

    public ProductDescriptor product() {
        return product;
    }

    public String accountId() {
        return accountId;
    }

    public TaskOrder order() {
        return order;
    }

    public synchronized TaskStatus status() {
        return status;
    }

    synchronized void markProcessing(long now) {
        status = TaskStatus.PROCESSING;
        touch(now);
    }

    synchronized void markSucceeded(long now, List<VideoResult> videos, List<ImageResult> images, List<AudioResult> audio) {
        status = TaskStatus.SUCCEED;
        this.videos = List.copyOf(videos);
        this.images = List.copyOf(images);
        this.audio = List.copyOf(audio);
        touch(now);
    }

    synchronized void markFailed(long now, String message) {
        status = TaskStatus.FAILED;
        statusMessage = message;
        touch(now);
    }

    /** {@code updated_at} must visibly change at each step even when steps fall in the same millisecond. */
    private void touch(long now) {
        updatedAt = Math.max(now, updatedAt + 1);
    }

    /** The reduced object the create call returns (§2.5). */
    public synchronized ObjectNode toCreatedJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("task_id", taskId);
        node.put("task_status", status.wire());
        node.set("task_info", taskInfo());
        node.put("created_at", createdAt);
        node.put("updated_at", updatedAt);
        return node;
    }

    /** The full object of get-one, list and callbacks. */
    public synchronized ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("task_id", taskId);
        node.put("task_status", status.wire());
        node.put("task_status_msg", statusMessage);
        node.set("task_info", taskInfo());
        if (status == TaskStatus.SUCCEED) {
            ObjectNode result = node.putObject("task_result");
            if (product.resultKind() == ResultKind.VIDEOS) {
                ArrayNode list = result.putArray("videos");
                for (VideoResult v : videos) {
                    ObjectNode item = list.addObject().put("id", v.id()).put("url", v.url());
                    putWatermark(item, v.watermarkUrl());
                    item.put("duration", v.duration());
                }
            } else {
                if (order.resultType() != null) {
                    result.put("result_type", order.resultType());
                }
                ArrayNode list = result.putArray("images");
                for (ImageResult i : images) {
                    putWatermark(list.addObject().put("index", i.index()).put("url", i.url()), i.watermarkUrl());
                }
                if (TaskOrder.RESULT_TYPE_SERIES.equals(order.resultType())) {
                    result.set("series_images", list.deepCopy());
                }
            }
        }
        if (order.watermarkEnabled() != null) {
            node.putObject("watermark_info").put("enabled", order.watermarkEnabled());
        }
        node.put("created_at", createdAt);
        node.put("updated_at", updatedAt);
        if (status.isFinal()) {
            node.put("final_unit_deduction", status == TaskStatus.SUCCEED ? order.unitDeduction() : "0");
        }
        return node;
    }

    /** {@code watermark_url}, which both designs add to a result when watermarking was asked for (kling-api.md §2.5, kling-api-2026.md §4.1). */
    public static void putWatermark(ObjectNode result, String watermarkUrl) {
        if (watermarkUrl != null) {
            result.put("watermark_url", watermarkUrl);
        }
    }

    private ObjectNode taskInfo() {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        if (order.externalTaskId() != null) {
            info.put("external_task_id", order.externalTaskId());
        }
        TaskOrder.ParentVideo parent = order.parentVideo();
        if (parent != null) {
            info.putObject("parent_video").put("id", parent.id()).put("url", parent.url()).put("duration", parent.duration());
        }
        return info;
    }
}
