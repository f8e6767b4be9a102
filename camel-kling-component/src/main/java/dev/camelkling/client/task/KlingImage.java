package dev.camelkling.client.task;

/** A generated image; {@code index} starts at 0. */
public record KlingImage(int index, String url) {
}
