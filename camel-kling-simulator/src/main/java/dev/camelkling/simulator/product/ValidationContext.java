package dev.camelkling.simulator.product;

import dev.camelkling.simulator.media.GeneratedVideo;

import java.time.Duration;
import java.util.Optional;

/**
 * What validators may ask of the running simulator. The methods beyond the first two have defaults
 * that describe an empty simulator, so existing implementations keep compiling.
 */
public interface ValidationContext {

    /**
     * The bytes of an image URL that points at this simulator's own media path. Empty for other URLs,
     * which are accepted without fetching since the simulator has no internet.
     */
    Optional<byte[]> ownImage(String url);

    /** Whether the URL points at this simulator (then a missing resource is known to be missing). */
    boolean isOwnUrl(String url);

    /** This context for one caller; account-scoped lookups ({@link #faceSession}) then answer for that account. */
    default ValidationContext forAccount(String accountId) {
        return this;
    }

    /** The calling account's id, or {@code null} when the context is not bound to one. */
    default String accountId() {
        return null;
    }

    /** Now, in epoch ms, on the simulator's clock (session expiry, video age). */
    default long now() {
        return System.currentTimeMillis();
    }

    /** How long generated videos can be used as inputs (30 days on the real service). */
    default Duration videoRetention() {
        return Duration.ofDays(30);
    }

    /** A video this simulator generated, by its result id, whatever its account. */
    default Optional<GeneratedVideo> generatedVideo(String videoId) {
        return Optional.empty();
    }

    /** The generated video behind a URL of this simulator's own video path. */
    default Optional<GeneratedVideo> ownVideo(String url) {
        return Optional.empty();
    }

    /** The bytes behind a URL of this simulator's own audio path. */
    default Optional<byte[]> ownAudio(String url) {
        return Optional.empty();
    }

    /** The caller's identify-face session, expired ones included. */
    default Optional<FaceSession> faceSession(String sessionId) {
        return Optional.empty();
    }

    /** Whether the element library holds this id. */
    default boolean elementExists(long elementId) {
        return false;
    }

    /**
     * Whether a library element is a video-character element (kling-api-2026.md §2.4 counts them apart from
     * multi-image elements); the others are multi-image elements.
     */
    default boolean isVideoCharacterElement(long elementId) {
        return false;
    }

    /** Whether a known model is configured as discontinued. */
    default boolean isDiscontinued(String model) {
        return false;
    }
}
