package dev.camelkling.client.request;

/** What a finished task of a feature holds in its {@code task_result}. */
public enum ResultKind {
    VIDEO,
    IMAGE
}
