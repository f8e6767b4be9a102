package dev.camelkling.component;

/** What a kling producer does with the exchange. */
public enum KlingOperation {
    /** Create a generation task (the default). */
    create,
    /** Read one task by task id (header or body) or by external task id. */
    get,
    /** Read one page of the feature's tasks. */
    list
}
