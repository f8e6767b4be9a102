package dev.camelkling.simulator;

import dev.camelkling.simulator.media.GeneratedVideo;
import dev.camelkling.simulator.media.MediaStore;
import dev.camelkling.simulator.product.FaceSession;
import dev.camelkling.simulator.product.FaceSessions;
import dev.camelkling.simulator.product.ValidationContext;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator's answers to validators: its clock, media, face sessions, element library and discontinued models;
 * {@code accountId} is bound per request by {@link #forAccount}.
 */
final class SimulatorValidationContext implements ValidationContext {
    private final String accountId;
    private final Clock clock;
    private final Duration videoRetention;
    private final MediaStore media;
    private final FaceSessions faceSessions;
    private final Set<Long> elements;
    private final Set<Long> videoCharacterElements;
    private final Set<String> discontinuedModels;

    /** The live sets are read at each validation, so changes at run time apply to the next request. */
    SimulatorValidationContext(Clock clock, Duration videoRetention, MediaStore media, FaceSessions faceSessions,
                               Set<Long> elements, Set<Long> videoCharacterElements, Set<String> discontinuedModels) {
        this(null, clock, videoRetention, media, faceSessions, elements, videoCharacterElements, discontinuedModels);
    }

    private SimulatorValidationContext(String accountId, Clock clock, Duration videoRetention, MediaStore media,
                                       FaceSessions faceSessions, Set<Long> elements, Set<Long> videoCharacterElements,
                                       Set<String> discontinuedModels) {
        this.accountId = accountId;
        this.clock = clock;
        this.videoRetention = videoRetention;
        this.media = media;
        this.faceSessions = faceSessions;
        this.elements = elements;
        this.videoCharacterElements = videoCharacterElements;
        this.discontinuedModels = discontinuedModels;
    }

    @Override
    public ValidationContext forAccount(String accountId) {
        return new SimulatorValidationContext(accountId, clock, videoRetention, media, faceSessions, elements,
                videoCharacterElements, discontinuedModels);
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public long now() {
        return clock.millis();
    }

    @Override
    public Duration videoRetention() {
        return videoRetention;
    }

    @Override
    public Optional<GeneratedVideo> generatedVideo(String videoId) {
        return media.generatedVideo(videoId);
    }

    @Override
    public Optional<GeneratedVideo> ownVideo(String url) {
        return media.ownVideo(url);
    }

    @Override
    public Optional<byte[]> ownAudio(String url) {
        return media.ownAudio(url);
    }

    @Override
    public Optional<FaceSession> faceSession(String sessionId) {
        return accountId == null ? Optional.empty() : faceSessions.find(accountId, sessionId);
    }

    @Override
    public boolean elementExists(long elementId) {
        return elements.contains(elementId) || videoCharacterElements.contains(elementId);
    }

    @Override
    public boolean isVideoCharacterElement(long elementId) {
        return videoCharacterElements.contains(elementId);
    }

    @Override
    public boolean isDiscontinued(String model) {
        return discontinuedModels.contains(model);
    }

    @Override
    public Optional<byte[]> ownImage(String url) {
        return media.ownImage(url);
    }

    @Override
    public boolean isOwnUrl(String url) {
        try {
            return media.isOwn(URI.create(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
