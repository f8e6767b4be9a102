package dev.camelkling.client.task;

import java.util.List;
import java.util.Objects;

/**
 * The answer of identify-face: a session (valid for 24 hours) and the faces found, in Kling's order. Feed the session
 * and one face to {@link dev.camelkling.client.request.KlingRequests.LipSync#session(FaceIdentification, Face)}.
 */
public record FaceIdentification(String sessionId, List<Face> faces) {

    public FaceIdentification {
        Objects.requireNonNull(sessionId, "sessionId");
        faces = faces == null ? List.of() : List.copyOf(faces);
    }
}
