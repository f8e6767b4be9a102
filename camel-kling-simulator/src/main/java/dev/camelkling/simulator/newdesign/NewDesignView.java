package dev.camelkling.simulator.newdesign;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.product.PackType;
import dev.camelkling.simulator.product.OutputMarker;
import dev.camelkling.simulator.task.SimTask;
import dev.camelkling.simulator.task.TaskStatus;
import dev.camelkling.simulator.task.TaskView;

import java.util.List;
import java.util.Locale;

/**
 * The task object of the 2026 new design (kling-api-2026.md §3, §4.1, §6): {@code id}, {@code status} (with
 * {@code succeeded}), {@code message}, {@code create_time}, {@code update_time}, {@code external_id}, {@code outputs[]}
 * and {@code billing[]}. Any task can be shown this way; tasks created on the new design also get their callbacks in it.
 */
public final class NewDesignView implements TaskView {
    public static final NewDesignView INSTANCE = new NewDesignView();
    static final String SUCCEEDED = "succeeded";
    /** Element outputs get ids from here: above 2^53, so a client that reads them through a double loses digits. */
    private static final long ELEMENT_IDS_FROM = 900_000_000_000_000_000L;

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
            addOutputs(outputs, task.taskId(), state);
            addExtraOutputs(outputs, task);
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

    /**
     * Videos (each followed by its sound track when the task made one), then images; a watermarked copy, when asked
     * for, is a file of its own. Kling does not state the order of outputs (§9.8); this is the simulator's. Nor does it
     * say what an image's {@code group_id} groups: here, the images of one task share the task's id.
     */
    private static void addOutputs(ArrayNode outputs, String groupId, SimTask.Snapshot state) {
        for (int i = 0; i < state.videos().size(); i++) {
            SimTask.VideoResult video = state.videos().get(i);
            ObjectNode item = outputs.addObject().put("type", "video").put("id", video.id()).put("url", video.url());
            SimTask.putWatermark(item, video.watermarkUrl());
            item.put("duration", video.duration());
            if (i < state.audio().size()) {
                SimTask.AudioResult audio = state.audio().get(i);
                outputs.addObject().put("type", "audio").put("id", audio.id())
                        .put("mp3_url", audio.mp3Url()).put("wav_url", audio.wavUrl())
                        .put("mp3_duration", audio.mp3Duration()).put("wav_duration", audio.wavDuration());
            }
        }
        for (SimTask.ImageResult image : state.images()) {
            ObjectNode item = outputs.addObject().put("type", "image").put("url", image.url());
            SimTask.putWatermark(item, image.watermarkUrl());
            item.put("group_id", groupId);
        }
    }

    /**
     * The outputs a prompt's {@link OutputMarker} asks for, numbered per task: a {@code voice} with a {@code voice_id},
     * an {@code element} with a 64-bit {@code element_id} number (as the legacy element library writes them), any
     * other type with just an {@code id}.
     */
    private static void addExtraOutputs(ArrayNode outputs, SimTask task) {
        List<String> types = task.order().extraOutputTypes();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            String id = task.taskId() + "-" + type + "-" + (i + 1);
            ObjectNode item = outputs.addObject().put("type", type).put("id", id);
            switch (type) {
                case "voice" -> item.put("voice_id", "sim-voice-" + id);
                case "element" -> item.put("element_id", ELEMENT_IDS_FROM + task.sequence() * 100 + i);
                default -> { } // a type Kling may add: clients must pass it through
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
