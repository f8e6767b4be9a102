package dev.camelkling.component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelkling.client.task.Face;
import dev.camelkling.client.task.FaceIdentification;
import dev.camelkling.client.request.IdentifyFaceRequest;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Kling lip sync takes two calls: identify-face (synchronous, opens a session listing the faces) and the
 * advanced-lip-sync task. Step identify publishes the session and chosen face as headers, which is exactly what step
 * create reads, so the two can run in separate exchanges; step auto runs both in one.
 */
final class LipSyncCreation implements CreateFlow {

    private static final String SUBJECT = "lipSync request";

    private final ProducerSetup setup;
    private final SingleTaskCreation taskCreation;

    LipSyncCreation(ProducerSetup setup, SingleTaskCreation taskCreation) {
        this.setup = setup;
        this.taskCreation = taskCreation;
    }

    @Override
    public CompletableFuture<?> create(Exchange exchange) {
        Message message = exchange.getMessage();
        LipSyncStep step = HeaderValues.read(message, KlingConstants.STEP, LipSyncStep.class, setup.configuration().getStep(), "step");
        return switch (step) {
            case identify -> identify(exchange, identifyRequest(message, true), faceIndex(message)).thenApply(found -> {
                message.setBody(found.identification());
                return found.identification();
            });
            case create -> taskCreation.create(exchange);
            case auto -> auto(exchange);
        };
    }

    /**
     * Everything both requests need is checked before identify-face is sent, the lip sync's fields with stand-ins for
     * the session and face that identify-face will name: bad input must not cost a request and then fail.
     */
    private CompletableFuture<KlingTask> auto(Exchange exchange) {
        Message message = exchange.getMessage();
        IdentifyFaceRequest identify = identifyRequest(message, false);
        int faceIndex = faceIndex(message);
        KlingRequest lipSync = taskCreation.assemble(exchange, SESSION_STAND_INS);
        return identify(exchange, identify, faceIndex).thenCompose(found -> taskCreation.create(exchange,
                () -> withSession(lipSync, found.identification(), found.face())));
    }

    /** What identify-face will supply, standing in while the lip sync request is checked ahead of it. */
    private static final Map<String, Object> SESSION_STAND_INS = Map.of(
            "session_id", "(from identify-face)", "face_id", "(from identify-face)",
            "face_start_time", 0L, "face_end_time", Long.MAX_VALUE / 2);

    /** Checked again against the real face window by the client's create, which refuses it before sending. */
    private static KlingRequest withSession(KlingRequest lipSync, FaceIdentification found, Face face) {
        return lipSync.with("session_id", found.sessionId()).with("face_id", face.faceId())
                .with("face_start_time", face.startTime()).with("face_end_time", face.endTime());
    }

    private record Identified(FaceIdentification identification, Face face) {
    }

    private CompletableFuture<Identified> identify(Exchange exchange, IdentifyFaceRequest request, int faceIndex) {
        request.validate();
        return setup.client().identifyFace(request).thenApply(found -> {
            Face face = chosenFace(found, faceIndex);
            publish(exchange.getMessage(), found, face);
            return new Identified(found, face);
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
        KlingConfiguration c = setup.configuration();
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

    /** The face to drive, by its index among the faces found; a negative index is refused before anything is sent. */
    private int faceIndex(Message message) {
        int index = HeaderValues.read(message, KlingConstants.FACE_INDEX, Integer.class, setup.configuration().getFaceIndex(),
                "faceIndex");
        if (index < 0) {
            throw new KlingValidationException(SUBJECT, "faceIndex", "must be 0 or more (was " + index + ")");
        }
        return index;
    }

    private static Face chosenFace(FaceIdentification found, int index) {
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
