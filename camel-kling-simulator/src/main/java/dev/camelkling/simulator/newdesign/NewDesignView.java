package dev.camelkling.simulator.newdesign;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.product.PackType;
import dev.camelkling.simulator.product.TaskOrder;
import dev.camelkling.simulator.task.SimTask;
import dev.camelkling.simulator.task.TaskStatus;
import dev.camelkling.simulator.task.TaskView;

import java.util.Locale;

/**
 * The task object of the 2026 new design (kling-api-2026.md §3, §4.1, §6): {@code id}, {@code status} (with
 * {@code succeeded}), {@code message}, {@code create_time}, {@code update_time}, {@code external_id}, {@code outputs[]}
 * and {@code billing[]}. Any task can be shown this way; tasks created on the new design also get their callbacks in it.
 */
public final class NewDesignView implements TaskView {
    public static final NewDesignView INSTANCE = new NewDesignView();
    static final String SUCCEEDED = "succeeded";

    private NewDesignView() {
    }

    /** A status in the new design's words: {@code succeeded} where the legacy design says {@code succeed}. */
    static String status(TaskStatus status) {
        return status == TaskStatus.SUCCEED ? SUCCEEDED : status.wire();
    }

    @Override
    public String statusField() {
        return "status";
    }

    /** The create answer (§3): id, status, times and the external id. */
    public ObjectNode created(SimTask task) {
        return header(task, task.snapshot());
    }

    @Override
    public ObjectNode render(SimTask task) {
        SimTask.Snapshot state = task.snapshot();
        ObjectNode node = header(task, state);
        node.put("message", state.message());
        ArrayNode outputs = node.putArray("outputs");
        ArrayNode billing = node.putArray("billing");
        if (state.status() == TaskStatus.SUCCEED) {
            addOutputs(outputs, task.order(), state);
            addBilling(billing, task);
        }
        return node;
    }

    private static ObjectNode header(SimTask task, SimTask.Snapshot state) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", task.taskId());
        node.put("status", status(state.status()));
        node.put("create_time", state.createdAt());
        node.put("update_time", state.updatedAt());
        if (task.order().externalTaskId() != null) {
            node.put("external_id", task.order().externalTaskId());
        }
        return node;
    }

    /** Videos and images; the simulator serves one file per result, so a watermarked copy is the same URL. */
    private static void addOutputs(ArrayNode outputs, TaskOrder order, SimTask.Snapshot state) {
        boolean watermark = Boolean.TRUE.equals(order.watermarkEnabled());
        for (SimTask.VideoResult video : state.videos()) {
            ObjectNode item = outputs.addObject().put("type", "video").put("id", video.id()).put("url", video.url());
            if (watermark) {
                item.put("watermark_url", video.url());
            }
            item.put("duration", video.duration());
        }
        for (SimTask.ImageResult image : state.images()) {
            ObjectNode item = outputs.addObject().put("type", "image").put("url", image.url());
            if (watermark) {
                item.put("watermark_url", image.url());
            }
        }
    }

    /** One unit charge (README "Billing"): the amount is the order's units, the list price the same. */
    private static void addBilling(ArrayNode billing, SimTask task) {
        String units = task.order().unitDeduction();
        billing.addObject()
                .put("charge_type", "unit")
                .put("cash_type", "")
                .put("amount", units)
                .put("currency", "")
                .put("package_type", packageType(task.product().packType()))
                .put("list_price", units);
    }

    static String packageType(PackType packType) {
        return packType.name().toLowerCase(Locale.ROOT);
    }
}
