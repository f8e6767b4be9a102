package dev.camelkling.component;

import java.util.concurrent.CompletableFuture;

import dev.camelkling.client.Face;
import dev.camelkling.client.FaceIdentification;
import dev.camelkling.client.IdentifyFaceRequest;
import dev.camelkling.client.KlingTask;
import dev.camelkling.client.KlingValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Kling lip sync takes two calls: identify-face (synchronous, opens a session listing the faces) and the
 * advanced-lip-sync task. Step identify publishes the session and chosen face as headers, which is exactly what step
 * create reads, so the two can run in separate exchanges; step auto runs both in one.
 */
final class LipSyncCreation implements CreateFlow {

    private static final String SUBJECT = "lipSync request";

    private final KlingEndpoint endpoint;
    private final SingleTaskCreation taskCreation;

    LipSyncCreation(KlingEndpoint endpoint, SingleTaskCreation taskCreation) {
        this.endpoint = endpoint;
        this.taskCreation = taskCreation;
    }

    @Override
    public CompletableFuture<?> create(Exchange exchange) {
        Message message = exchange.getMessage();
        LipSyncStep step = message.getHeader(KlingConstants.STEP, endpoint.getConfiguration().getStep(), LipSyncStep.class);
        return switch (step) {
            case identify -> identify(exchange, true).thenApply(faces -> {
                message.setBody(faces);
                return faces;
            });
            case create -> taskCreation.create(exchange);
            case auto -> identify(exchange, false).thenCompose(faces -> taskCreation.create(exchange));
        };
    }

    private CompletableFuture<FaceIdentification> identify(Exchange exchange, boolean bodyMayBeTheVideo) {
        IdentifyFaceRequest request = identifyRequest(exchange.getMessage(), bodyMayBeTheVideo);
        request.validate();
        return endpoint.getClient().identifyFace(request).thenApply(found -> {
            publish(exchange.getMessage(), found, chosenFace(exchange.getMessage(), found));
            return found;
        });
    }

    /** The video to identify: a header first (CamelKlingVideoId chains from a video result), then the body, then options. */
    private IdentifyFaceRequest identifyRequest(Message message, boolean bodyMayBeTheVideo) {
        String url = message.getHeader(KlingConstants.VIDEO_URL, String.class);
        if (url != null) {
            return IdentifyFaceRequest.ofVideoUrl(url);
        }
        String id = message.getHeader(KlingConstants.VIDEO_ID, String.class);
        if (id != null) {
            return IdentifyFaceRequest.ofVideoId(id);
        }
        if (bodyMayBeTheVideo) {
            Object body = message.getBody();
            if (body instanceof KlingTask task && task.firstVideoId() != null) {
                return IdentifyFaceRequest.ofVideoId(task.firstVideoId());
            }
            String text = body == null ? null : message.getBody(String.class);
            if (text != null && !text.isBlank()) {
                return IdentifyFaceRequest.ofVideoUrl(text.strip());
            }
        }
        KlingConfiguration c = endpoint.getConfiguration();
        if (c.getVideoUrl() != null) {
            return IdentifyFaceRequest.ofVideoUrl(c.getVideoUrl());
        }
        if (c.getVideoId() != null) {
            return IdentifyFaceRequest.ofVideoId(c.getVideoId());
        }
        throw new KlingValidationException(SUBJECT, "video_url",
                "is required: give the video as option videoUrl or videoId, header " + KlingConstants.VIDEO_URL + " or "
                                                       + KlingConstants.VIDEO_ID + ", or (step identify) a URL body");
    }

    private Face chosenFace(Message message, FaceIdentification found) {
        int index = message.getHeader(KlingConstants.FACE_INDEX, endpoint.getConfiguration().getFaceIndex(), Integer.class);
        if (found.faces().isEmpty()) {
            throw new KlingValidationException(SUBJECT, "face_id", "cannot be chosen: Kling found no face in the video");
        }
        if (index < 0 || index >= found.faces().size()) {
            throw new KlingValidationException(SUBJECT, "faceIndex",
                    "must be between 0 and " + (found.faces().size() - 1) + ", the faces found (was " + index + ")");
        }
        return found.faces().get(index);
    }

    private static void publish(Message message, FaceIdentification found, Face face) {
        message.setHeader(KlingConstants.SESSION_ID, found.sessionId());
        message.setHeader(KlingConstants.FACES, found.faces());
        message.setHeader(KlingConstants.FACE_ID, face.faceId());
        message.setHeader(KlingConstants.FACE_START_TIME, face.startTime());
        message.setHeader(KlingConstants.FACE_END_TIME, face.endTime());
    }
}
