package dev.camelkling.simulator.product;

import java.util.Optional;

/** What validators may ask of the running simulator. */
public interface ValidationContext {

    /**
     * The bytes of an image URL that points at this simulator's own media path. Empty for other URLs,
     * which are accepted without fetching since the simulator has no internet.
     */
    Optional<byte[]> ownImage(String url);

    /** Whether the URL points at this simulator (then a missing resource is known to be missing). */
    boolean isOwnUrl(String url);
}
