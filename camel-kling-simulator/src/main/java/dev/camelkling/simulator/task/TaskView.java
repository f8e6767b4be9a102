package dev.camelkling.simulator.task;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How one design standard shows a task on the wire. There is one task lifecycle; the legacy {@code /v1} design and
 * the 2026 new design are two views of it, and a task's callbacks use the view of the design it was created on.
 */
public interface TaskView {
    /** The legacy task object ({@code task_id}, {@code task_status}, {@code task_result}). */
    TaskView LEGACY = new TaskView() {
        @Override
        public ObjectNode render(SimTask task) {
            return task.toJson();
        }

        @Override
        public String statusField() {
            return "task_status";
        }
    };

    /** The whole task object: get, lists and callbacks. */
    ObjectNode render(SimTask task);

    /** The field of {@link #render} that holds the status word. */
    String statusField();
}
