package dev.camelkling.simulator.auth;

/**
 * The identity tasks, lists and concurrency slots belong to. The configured access key and the
 * configured API key are two keys of the same account, as on the real service (§4: limits are
 * "shared by all keys of the account").
 */
public record Account(String id) {
}
