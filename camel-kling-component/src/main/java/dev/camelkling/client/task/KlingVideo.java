package dev.camelkling.client.task;

/**
 * A generated (or parent) video. {@code duration} stays a string because Kling sends seconds as text
 * ({@code "5.1"}); {@code id} can be fed to video extend or lip sync.
 */
public record KlingVideo(String id, String url, String duration) {
}
