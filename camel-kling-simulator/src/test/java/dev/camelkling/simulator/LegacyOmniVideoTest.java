package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code /v1/videos/omni-video} (kling-api-2026.md §7): the legacy twin of omni-video, kling-video-o1 and kling-v3-omni. */
class LegacyOmniVideoTest {
    static final String OMNI = "/v1/videos/omni-video";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(50));

    private static KlingHttp client() {
        return KlingHttp.withJwt(SIM.simulator());
    }

    private static Map<String, Object> image(String type) {
        Map<String, Object> item = body("image", TestImages.pngBase64(400, 400));
        if (type != null) {
            item.put("type", type);
        }
        return item;
    }

    @Test
    void aTaskEndsSucceedWithAnMp4OfTheRequestedDuration() {
        String id = client().create(OMNI, body("prompt", "<<<image_1>>> dances", "image_list", List.of(image(null)),
                "aspect_ratio", "9:16", "duration", "7", "external_task_id", "omni-legacy-1"));
        JsonNode task = client().awaitFinal(OMNI, id);

        assertThat(task.get("task_status").asText()).isEqualTo("succeed");
        JsonNode video = task.get("task_result").get("videos").get(0);
        Mp4Boxes.Summary summary = Mp4Boxes.read(client().download(video.get("url").asText()));
        assertThat(summary.durationSeconds()).isCloseTo(7.0, within(0.05));
        assertThat(summary.width()).isEqualTo(180);
        assertThat(client().get(OMNI + "/omni-legacy-1").data().get("task_id").asText()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a first frame makes the aspect ratio optional | {'prompt':'p','image_list':[{'image':'$IMG','type':'first_frame'}]} | ",
            "kling-v3-omni for 15 s in 4k mode | {'model_name':'kling-v3-omni','prompt':'p','aspect_ratio':'1:1','duration':'15','mode':'4k'} | ",
            "an external base video | {'prompt':'p','video_list':[{'video_url':'https://cdn.example.com/a.mp4','refer_type':'base'}]} | ",
            "no prompt | {'aspect_ratio':'1:1'} | prompt is required",
            "no aspect ratio without frame or video | {'prompt':'p'} | aspect_ratio is required without a first_frame image or a video_list video",
            "an end frame alone | {'prompt':'p','image_list':[{'image':'$IMG','type':'end_frame'}]} | image_list[0].type end_frame needs a first_frame",
            "two first frames | {'prompt':'p','image_list':[{'image':'$IMG','type':'first_frame'},{'image':'$IMG','type':'first_frame'}]} | image_list[1].type: only one first_frame",
            "an unknown image type | {'prompt':'p','aspect_ratio':'1:1','image_list':[{'image':'$IMG','type':'middle'}]} | image_list[0].type must be first_frame or end_frame",
            "a missing referenced image | {'prompt':'<<<image_2>>>','aspect_ratio':'1:1','image_list':[{'image':'$IMG'}]} | prompt refers to <<<image_2>>> but image_list has 1 image",
            "eight references | {'prompt':'p','aspect_ratio':'1:1','image_list':[$EIGHT]} | at most 7 items without a video_list video (got 8)",
            "two videos | {'prompt':'p','video_list':[{'video_url':'https://a.example/a.mp4'},{'video_url':'https://a.example/b.mp4'}]} | video_list must have at most 1 item",
            "an unknown refer type | {'prompt':'p','video_list':[{'video_url':'https://a.example/a.mp4','refer_type':'style'}]} | video_list[0].refer_type must be feature or base",
            "an .avi video | {'prompt':'p','video_list':[{'video_url':'https://a.example/a.avi'}]} | video_list[0].video_url must point at an .mp4 or .mov file",
            "11 s on kling-video-o1 | {'prompt':'p','aspect_ratio':'1:1','duration':'11'} | duration must be a string from \"3\" to \"10\"",
            "a numeric duration | {'prompt':'p','aspect_ratio':'1:1','duration':5} | duration must be a string",
            "4k mode on kling-video-o1 | {'prompt':'p','aspect_ratio':'1:1','mode':'4k'} | mode must be one of std, pro",
            "a new-design model id | {'model_name':'kling-3.0-omni','prompt':'p','aspect_ratio':'1:1'} | 1203",
            "a video model of another product | {'model_name':'kling-v2-6','prompt':'p','aspect_ratio':'1:1'} | model_name kling-v2-6 does not support omni-video"})
    void rule(String name, String json, String problem) {
        String body = json.replace('\'', '"').replace("$EIGHT", String.join(",", Collections.nCopies(8, "{'image':'$IMG'}")))
                .replace('\'', '"').replace("$IMG", TestImages.pngBase64(400, 400));
        KlingHttp.Reply reply = client().post(OMNI, body);
        if (problem == null) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        } else if (problem.equals("1203")) {
            assertThat(reply.code()).as(reply.body()).isEqualTo(1203);
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo(1201);
            assertThat(reply.message()).contains(problem);
        }
    }
}
