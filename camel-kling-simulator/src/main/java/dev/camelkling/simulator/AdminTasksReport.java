package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.fault.FaultAdminRoutes;
import dev.camelkling.simulator.fault.FaultJson;
import dev.camelkling.simulator.task.TaskStore;

import java.util.Map;

/** The {@code tasks} section of the admin API: created count and the {@link ExternalIdSummary} of the task store. */
final class AdminTasksReport implements FaultAdminRoutes.TasksReport {
    private final TaskStore store;

    AdminTasksReport(TaskStore store) {
        this.store = store;
    }

    @Override
    public ObjectNode render(boolean withExternalIds) {
        Map<String, Integer> counts = store.externalIdCounts();
        ExternalIdSummary summary = ExternalIdSummary.of(counts);
        ObjectNode tasks = JsonNodeFactory.instance.objectNode();
        tasks.put("created", store.createdCount());
        tasks.put("withExternalId", summary.tasks());
        tasks.put("distinctExternalIds", summary.distinctIds());
        tasks.put("maxPerExternalId", summary.maxPerId());
        tasks.set("duplicates", FaultJson.counts(summary.duplicates()));
        if (withExternalIds) {
            tasks.set("externalIds", FaultJson.counts(counts));
        }
        return tasks;
    }
}
