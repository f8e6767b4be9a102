package dev.camelkling.client;

/**
 * Which form {@link KlingClient#getByExternalId} uses. The vendor docs show the path form; several public clients
 * use the query form, so both are offered.
 */
public enum ExternalIdLookup {
    /** {@code GET /v1/<product>/{external_task_id}}. */
    PATH,
    /** {@code GET /v1/<product>?external_task_id=<value>}. */
    QUERY
}
