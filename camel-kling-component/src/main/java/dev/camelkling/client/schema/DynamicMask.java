package dev.camelkling.client.schema;

import dev.camelkling.client.media.KlingMedia;

import java.util.List;
import java.util.Objects;

/** A motion-brush area ({@code mask}) and the path it moves along; point order gives the direction. */
public record DynamicMask(KlingMedia mask, List<TrajectoryPoint> trajectories) {

    public DynamicMask {
        Objects.requireNonNull(mask, "mask");
        trajectories = trajectories == null ? List.of() : List.copyOf(trajectories);
    }
}
