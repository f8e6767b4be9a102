package dev.camelkling.simulator.product;

import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.VideoSpec;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one identify-face call: the video, the faces found in it, and when it expires.
 *
 * @param sessionId 18-digit numeric id
 * @param accountId the account that identified the faces; other accounts cannot use the session
 * @param video     the source video
 * @param faces     the faces, each with its preview image and lip-sync window
 * @param createdAt epoch ms on the simulator clock
 * @param expiresAt {@code createdAt + sessionTtl}; the session is unusable from this instant on
 */
public record FaceSession(String sessionId, String accountId, SourceVideo video, List<Face> faces,
                          long createdAt, long expiresAt) {

    public FaceSession {
        faces = List.copyOf(faces);
    }

    /**
     * @param id              the generated video's id, or a stable name-based UUID for foreign URLs
     * @param url             its URL
     * @param durationSeconds its length (5 for foreign URLs, which are not fetched)
     * @param spec            what it shows, or {@code null} for foreign URLs
     */
    public record SourceVideo(String id, String url, int durationSeconds, VideoSpec spec) {
        public FrameSize size() {
            return spec == null ? FrameSize.forVideoAspectRatio("16:9") : spec.size();
        }

        public TaskOrder.ParentVideo asParentVideo() {
            return new TaskOrder.ParentVideo(id, url, durationSeconds + ".0");
        }
    }

    /** One face: {@code start_time}/{@code end_time} in ms bound the window in which it can be lip-synced. */
    public record Face(String faceId, String faceImage, long startTime, long endTime) {
    }

    public boolean expiredAt(long now) {
        return now >= expiresAt;
    }

    public Optional<Face> face(String faceId) {
        return faces.stream().filter(f -> f.faceId().equals(faceId)).findFirst();
    }
}
