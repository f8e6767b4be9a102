package dev.camelkling.client.task;

/**
 * A face that identify-face found in a video: its id within the session, a preview image URL, and the window (ms)
 * in which it can be lip-synced.
 */
public record Face(String faceId, String faceImage, long startTime, long endTime) {
}
