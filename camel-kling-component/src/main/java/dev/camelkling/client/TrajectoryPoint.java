package dev.camelkling.client;

/** A motion-brush trajectory point in pixels, origin at the image's bottom-left corner. */
public record TrajectoryPoint(int x, int y) {
}
