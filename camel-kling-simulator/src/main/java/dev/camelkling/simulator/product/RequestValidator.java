package dev.camelkling.simulator.product;

/**
 * Checks one product's create request synchronously (throwing 400/1201 or 404/1203 as
 * {@link dev.camelkling.simulator.http.ApiException}) and describes the task to run.
 */
@FunctionalInterface
public interface RequestValidator {
    TaskOrder validate(RequestFields fields, ValidationContext context);
}
