package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.GeneratedVideo;
import dev.camelkling.simulator.media.ImageSpec;
import dev.camelkling.simulator.media.MediaStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * §6.1.1 identify-face, synchronous: exactly one of {@code video_id} (a video this simulator generated
 * for the caller, younger than the retention) and {@code video_url}. An own media URL stands for that
 * video; any other http(s) URL is accepted unseen as a {@value #UNSEEN_VIDEO_SECONDS} s 16:9 video.
 * The video must be 2–60 s long.
 *
 * <p>Faces are deterministic: face {@code "0"} in {@code [200, D − 200]} ms of a video of D ms, and for
 * videos of 10 s or more also face {@code "1"} in {@code [D/2, D − 200]} ms. Each face has a PNG preview.
 */
public final class IdentifyFace {
    public static final int UNSEEN_VIDEO_SECONDS = 5;
    public static final int MIN_SECONDS = 2;
    public static final int MAX_SECONDS = 60;
    public static final long FACE_MARGIN_MS = 200;
    public static final int SECOND_FACE_FROM_SECONDS = 10;
    static final FrameSize PREVIEW_SIZE = new FrameSize(256, 256);

    private final FaceSessions sessions;
    private final MediaStore media;

    public IdentifyFace(FaceSessions sessions, MediaStore media) {
        this.sessions = sessions;
        this.media = media;
    }

    /** Validates the request, opens a session and returns the {@code data} object. */
    public ObjectNode identify(RequestFields fields, ValidationContext context) {
        String videoId = fields.string("video_id");
        String videoUrl = fields.string("video_url");
        boolean hasId = videoId != null && !videoId.isEmpty();
        boolean hasUrl = videoUrl != null && !videoUrl.isEmpty();
        if (hasId == hasUrl) {
            throw ApiException.invalidParameter(hasId
                    ? "video_id and video_url are mutually exclusive; send exactly one of them"
                    : "video_id or video_url is required");
        }
        FaceSession.SourceVideo source;
        if (hasId) {
            GeneratedVideo video = VideoInputs.byId("video_id", videoId, context);
            checkLength("video_id " + videoId, video.durationSeconds());
            source = new FaceSession.SourceVideo(video.id(), video.url(), video.durationSeconds(), video.spec());
        } else {
            Optional<GeneratedVideo> own = VideoInputs.url("video_url", videoUrl, context);
            if (own.isPresent()) {
                checkLength("video_url", own.get().durationSeconds());
                source = new FaceSession.SourceVideo(own.get().id(), videoUrl, own.get().durationSeconds(), own.get().spec());
            } else if (context.isOwnUrl(videoUrl)) {
                throw ApiException.invalidParameter("video_url could not be downloaded from " + videoUrl);
            } else {
                String id = UUID.nameUUIDFromBytes(videoUrl.getBytes(StandardCharsets.UTF_8)).toString();
                source = new FaceSession.SourceVideo(id, videoUrl, UNSEEN_VIDEO_SECONDS, null);
            }
        }
        FaceSession session = sessions.open(context.accountId(), source, faces(source.durationSeconds() * 1000L));

        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("session_id", session.sessionId());
        ArrayNode faceData = data.putArray("face_data");
        for (FaceSession.Face face : session.faces()) {
            faceData.addObject()
                    .put("face_id", face.faceId())
                    .put("face_image", face.faceImage())
                    .put("start_time", face.startTime())
                    .put("end_time", face.endTime());
        }
        return data;
    }

    /** The deterministic faces of a video of {@code durationMs}. */
    List<FaceSession.Face> faces(long durationMs) {
        List<FaceSession.Face> faces = new ArrayList<>();
        long end = durationMs - FACE_MARGIN_MS;
        faces.add(face(0, FACE_MARGIN_MS, end));
        if (durationMs >= SECOND_FACE_FROM_SECONDS * 1000L) {
            faces.add(face(1, durationMs / 2, end));
        }
        return faces;
    }

    private FaceSession.Face face(int index, long start, long end) {
        String note = String.format(Locale.ROOT, "window %.1f-%.1f s", start / 1000.0, end / 1000.0);
        String imageId = media.registerImage(new ImageSpec(ImageSpec.FACE_PREVIEW, Integer.toString(index), PREVIEW_SIZE,
                index, List.of(), List.of(note)));
        return new FaceSession.Face(Integer.toString(index), media.imageUrl(imageId), start, end);
    }

    private static void checkLength(String what, int seconds) {
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw ApiException.invalidParameter(what + " is " + seconds + " s long; identify-face needs a video of "
                    + MIN_SECONDS + " to " + MAX_SECONDS + " seconds");
        }
    }
}
