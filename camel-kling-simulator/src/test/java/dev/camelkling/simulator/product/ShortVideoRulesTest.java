package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.FrameSize;
import dev.camelkling.simulator.media.GeneratedVideo;
import dev.camelkling.simulator.media.MediaStore;
import dev.camelkling.simulator.media.VideoSpec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Length minima that no video made by the simulator can hit (its videos are at least 5 s), checked
 * against a stub context that knows a 2 s and a 1 s video.
 */
class ShortVideoRulesTest {
    static final String BASE = "http://127.0.0.1:9";
    static final ObjectMapper JSON = new ObjectMapper();

    static GeneratedVideo video(String id, int seconds) {
        return new GeneratedVideo(id, BASE + "/media/videos/" + id + ".mp4",
                new VideoSpec("text2video", "short", FrameSize.forVideoAspectRatio("16:9"), seconds, null, null),
                "text2video", "acct", "kling-v1", "std", System.currentTimeMillis());
    }

    static final ValidationContext CONTEXT = new ValidationContext() {
        @Override
        public Optional<byte[]> ownImage(String url) {
            return Optional.empty();
        }

        @Override
        public boolean isOwnUrl(String url) {
            return url.startsWith(BASE);
        }

        @Override
        public String accountId() {
            return "acct";
        }

        @Override
        public Optional<GeneratedVideo> generatedVideo(String videoId) {
            return switch (videoId) {
                case "two" -> Optional.of(video("two", 2));
                case "one" -> Optional.of(video("one", 1));
                default -> Optional.empty();
            };
        }

        @Override
        public Optional<GeneratedVideo> ownVideo(String url) {
            return generatedVideo(url.substring(url.lastIndexOf('/') + 1).replace(".mp4", ""));
        }
    };

    static RequestFields fields(String json) throws Exception {
        return new RequestFields((ObjectNode) JSON.readTree(json));
    }

    @Test
    void motionVideosMustBeAtLeastThreeSeconds() {
        assertThatThrownBy(() -> new MotionControlValidator().validate(fields("{\"image_url\":\"https://example.com/a.png\","
                + "\"video_url\":\"" + BASE + "/media/videos/two.mp4\",\"character_orientation\":\"video\",\"mode\":\"std\"}"), CONTEXT))
                .isInstanceOf(ApiException.class)
                .hasMessage("video_url must be 3 to 30 seconds long for character_orientation video (got 2 s)");
    }

    @Test
    void identifyFaceNeedsAtLeastTwoSeconds() throws Exception {
        IdentifyFace identify = new IdentifyFace(new FaceSessions(Clock.systemUTC(), Duration.ofHours(24)), new MediaStore(() -> BASE));
        ObjectNode data = identify.identify(fields("{\"video_id\":\"two\"}"), CONTEXT);
        assertThat(data.get("face_data").get(0).get("end_time").asLong()).isEqualTo(1800);
        assertThatThrownBy(() -> identify.identify(fields("{\"video_url\":\"" + BASE + "/media/videos/one.mp4\"}"), CONTEXT))
                .isInstanceOf(ApiException.class)
                .hasMessage("video_url is 1 s long; identify-face needs a video of 2 to 60 seconds");
    }
}
