package dev.camelkling.client.schema;

/** A motion-brush trajectory point in pixels, origin at the image's bottom-left corner. */
public record TrajectoryPoint(int x, int y) {
}
