package dev.camelkling.simulator.product;

/**
 * Checks a create request of one path of the 2026 new design for the model named in the path (kling-api-2026.md §2),
 * throwing 400/1201 naming the field, and describes the task to run.
 */
@FunctionalInterface
public interface NewDesignValidator {
    TaskOrder validate(NewDesignModel model, RequestFields body, ValidationContext context);
}
