package dev.camelkling.client.task;

import java.math.BigDecimal;

/**
 * One {@code billing[]} entry of a new-design task (kling-api-2026.md §4.1): what the task was charged.
 *
 * @param chargeType  {@code unit} (resource-pack units) or {@code cash}
 * @param amount      the decimal amount as Kling wrote it ({@code "7.5"}), exactly; {@code null} when absent or not a number
 * @param currency    for cash charges; {@code null} or empty for units
 * @param packageType {@code video}, {@code image} or {@code audio}
 */
public record KlingBilling(String chargeType, BigDecimal amount, String currency, String packageType) {
}
