package dev.camelkling.simulator.product;

/** Which list a finished task's {@code task_result} carries. */
public enum ResultKind {
    /** {@code task_result.videos[]} of {@code {id, url, duration}}. */
    VIDEOS,
    /** {@code task_result.images[]} of {@code {index, url}}. */
    IMAGES
}
