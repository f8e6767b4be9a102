package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of kling-api-2026.md §2.2-§2.4 over HTTP: for each, a request that keeps it is accepted and one that
 * breaks it is 400/1201 with a message naming the field (or, for count rules, {@code contents}). Bodies are JSON with
 * ' for " and placeholders for media: $IMG (a 400x400 PNG as Base64), $VID5/$VID11/$VID15 (this simulator's own videos
 * of 5, 11 and 15 s), $EXT (an external .mp4 URL), $E1.. (multi-image elements), $VC1.. (video-character elements).
 */
class NewDesignValidationTest {
    static final long E = 7_000_000_000_000L;
    static final long VC = 8_000_000_000_000L;

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(NewDesignClient.API_KEY)
            .maxConcurrentTasks(500)
            .elements(ids(E, 10))
            .videoCharacterElements(ids(VC, 5)));

    static final Map<String, String> MEDIA = new java.util.HashMap<>();

    record Case(String name, String path, String json, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    static long[] ids(long first, int count) {
        return IntStream.range(1, count + 1).mapToLong(i -> first + i).toArray();
    }

    @BeforeAll
    static void media() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        MEDIA.put("$IMG_SMALL", TestImages.pngBase64(200, 200));
        MEDIA.put("$IMG_WIDE", TestImages.pngBase64(1000, 300));
        MEDIA.put("$GIF", Base64.getEncoder().encodeToString(TestImages.gif(400, 400)));
        MEDIA.put("$IMG", TestImages.pngBase64(400, 400));
        MEDIA.put("$EXT", "https://cdn.example.com/dance.mp4");
        for (int seconds : new int[]{15, 11, 5}) {
            String id = client.createId("/text-to-video/kling-3.0", body("prompt", "source", "settings", body("duration", seconds)));
            MEDIA.put("$VID" + seconds, client.awaitFinal(id).get("outputs").get(0).get("url").asText());
        }
        for (int i = 10; i >= 1; i--) {
            MEDIA.put("$E" + i, Long.toString(E + i));
        }
        for (int i = 5; i >= 1; i--) {
            MEDIA.put("$VC" + i, Long.toString(VC + i));
        }
    }

    private static Case ok(String name, String path, String json) {
        return new Case("accepts: " + name, path, json, null);
    }

    private static Case bad(String name, String path, String json, String problem) {
        return new Case("refuses: " + name, path, json, problem);
    }

    static final String T = "/text-to-video/";
    static final String I = "/image-to-video/";
    static final String O = "/omni-video/";
    static final String M = "/motion-control/";
    static final String FIRST = "{'type':'first_frame','url':'$IMG'}";
    static final String LAST = "{'type':'last_frame','url':'$IMG'}";
    static final String PROMPT = "{'type':'prompt','text':'a fox'}";
    static final String CHARACTER = "{'type':'image','url':'$IMG'}";

    static String repeat(String text, int times) {
        return String.join(",", java.util.Collections.nCopies(times, text));
    }

    static String referImages(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "{'type':'refer_image','url':'$IMG','id':'image_" + i + "'}")
                .collect(Collectors.joining(","));
    }

    static String elements(String placeholder, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "{'type':'element','element_id':" + placeholder + i + ",'id':'"
                + placeholder.substring(1).toLowerCase() + i + "'}").collect(Collectors.joining(","));
    }

    static String letters(int count) {
        return "a".repeat(count);
    }

    static Stream<Case> textToVideo() {
        return Stream.of(
                ok("a prompt alone", T + "kling-3.0-turbo", "{'prompt':'a fox'}"),
                bad("no prompt", T + "kling-3.0", "{'settings':{'duration':5}}", "prompt is required"),
                bad("contents on text-to-video", T + "kling-3.0", "{'prompt':'a','contents':[" + PROMPT + "]}", "contents is not accepted"),
                ok("3072 characters on kling-3.0", T + "kling-3.0", "{'prompt':'" + letters(3072) + "'}"),
                bad("3073 characters on kling-3.0", T + "kling-3.0", "{'prompt':'" + letters(3073) + "'}", "prompt must be at most 3072"),
                ok("3072 characters on kling-3.0-turbo", T + "kling-3.0-turbo", "{'prompt':'" + letters(3072) + "'}"),
                ok("2500 characters on kling-2.6", T + "kling-2.6", "{'prompt':'" + letters(2500) + "'}"),
                bad("2501 characters on kling-2.6", T + "kling-2.6", "{'prompt':'" + letters(2501) + "'}", "prompt must be at most 2500"),
                bad("model_name in the body", T + "kling-3.0", "{'prompt':'a','model_name':'kling-3.0'}", "model_name is not part of the new design"),
                bad("negative_prompt", T + "kling-3.0", "{'prompt':'a','negative_prompt':'b'}", "negative_prompt is not part of the new design"),
                bad("cfg_scale", T + "kling-3.0", "{'prompt':'a','cfg_scale':0.5}", "cfg_scale is not part of the new design"),
                bad("camera_control", T + "kling-3.0", "{'prompt':'a','camera_control':{'type':'simple'}}", "camera_control is not part"),
                bad("settings.mode", T + "kling-3.0", "{'prompt':'a','settings':{'mode':'pro'}}", "settings.mode is not part of the new design"),
                ok("4k on kling-3.0", T + "kling-3.0", "{'prompt':'a','settings':{'resolution':'4k'}}"),
                bad("4k on kling-3.0-turbo", T + "kling-3.0-turbo", "{'prompt':'a','settings':{'resolution':'4k'}}", "settings.resolution must be one of 720p, 1080p"),
                ok("15 s on kling-3.0-turbo", T + "kling-3.0-turbo", "{'prompt':'a','settings':{'duration':15}}"),
                ok("3 s on kling-3.0", T + "kling-3.0", "{'prompt':'a','settings':{'duration':3}}"),
                bad("16 s on kling-3.0-turbo", T + "kling-3.0-turbo", "{'prompt':'a','settings':{'duration':16}}", "settings.duration must be an integer number of seconds, from 3 to 15"),
                bad("2 s on kling-3.0", T + "kling-3.0", "{'prompt':'a','settings':{'duration':2}}", "settings.duration"),
                ok("10 s on kling-2.6", T + "kling-2.6", "{'prompt':'a','settings':{'duration':10}}"),
                bad("7 s on kling-2.6", T + "kling-2.6", "{'prompt':'a','settings':{'duration':7}}", "settings.duration must be an integer number of seconds, 5 or 10"),
                bad("7 s on kling-2.5-turbo", T + "kling-2.5-turbo", "{'prompt':'a','settings':{'duration':7}}", "5 or 10"),
                bad("duration as a string", T + "kling-3.0", "{'prompt':'a','settings':{'duration':'5'}}", "settings.duration must be an integer"),
                ok("aspect ratio 9:16", T + "kling-2.5-turbo", "{'prompt':'a','settings':{'aspect_ratio':'9:16'}}"),
                bad("aspect ratio 4:3", T + "kling-3.0", "{'prompt':'a','settings':{'aspect_ratio':'4:3'}}", "settings.aspect_ratio must be one of 16:9, 9:16, 1:1"),
                ok("native audio on kling-3.0 at 720p", T + "kling-3.0", "{'prompt':'a','settings':{'audio':'native','resolution':'720p'}}"),
                bad("audio on kling-3.0-turbo", T + "kling-3.0-turbo", "{'prompt':'a','settings':{'audio':'native'}}", "settings.audio is not supported on kling-3.0-turbo"),
                bad("audio on kling-2.5-turbo", T + "kling-2.5-turbo", "{'prompt':'a','settings':{'audio':'off'}}", "settings.audio is not supported on kling-2.5-turbo"),
                bad("audio original on kling-3.0", T + "kling-3.0", "{'prompt':'a','settings':{'audio':'original'}}", "settings.audio must be one of off, native"),
                ok("native audio on kling-2.6 at 1080p", T + "kling-2.6", "{'prompt':'a','settings':{'audio':'native','resolution':'1080p'}}"),
                ok("native audio on kling-2.6 without a resolution (1080p)", T + "kling-2.6", "{'prompt':'a','settings':{'audio':'native'}}"),
                bad("native audio on kling-2.6 at 720p", T + "kling-2.6", "{'prompt':'a','settings':{'audio':'native','resolution':'720p'}}", "settings.resolution must be 1080p on kling-2.6 with settings.audio native"),
                ok("multi_shot false on kling-3.0", T + "kling-3.0", "{'prompt':'a','settings':{'multi_shot':false}}"),
                bad("multi_shot on kling-2.6", T + "kling-2.6", "{'prompt':'a','settings':{'multi_shot':true}}", "settings.multi_shot is not supported on kling-2.6"),
                bad("multi_shot on kling-3.0-turbo", T + "kling-3.0-turbo", "{'prompt':'a','settings':{'multi_shot':true}}", "settings.multi_shot is not supported"),
                bad("multi_shot not a boolean", T + "kling-3.0", "{'prompt':'a','settings':{'multi_shot':'yes'}}", "settings.multi_shot must be a boolean"),
                bad("character_orientation on text-to-video", T + "kling-3.0", "{'prompt':'a','settings':{'character_orientation':'image'}}", "settings.character_orientation is not supported"),
                ok("shots summing to the duration", T + "kling-3.0", "{'prompt':'shot 1, 2, a fox; shot 2, 3, a hare;','settings':{'duration':5}}"),
                ok("shots on kling-3.0-turbo", T + "kling-3.0-turbo", "{'prompt':'shot 1, 4, a fox; shot 2, 4, a hare;','settings':{'duration':8}}"),
                ok("shot syntax as plain text on kling-2.6", T + "kling-2.6", "{'prompt':'shot 1, 9, a fox;','settings':{'duration':5}}"),
                bad("shots not summing to the duration", T + "kling-3.0", "{'prompt':'shot 1, 2, a fox; shot 2, 3, a hare;','settings':{'duration':6}}", "prompt: the shots last 5 s in total but settings.duration is 6"),
                bad("seven shots", T + "kling-3.0", "{'prompt':'" + IntStream.rangeClosed(1, 7).mapToObj(i -> "shot " + i + ", 2, w;").collect(Collectors.joining(" ")) + "','settings':{'duration':14}}", "prompt has 7 shots; at most 6"),
                bad("shots numbered 1, 3", T + "kling-3.0", "{'prompt':'shot 1, 2, a; shot 3, 3, b;','settings':{'duration':5}}", "prompt: shots must be numbered"),
                bad("a shot of 0 s", T + "kling-3.0", "{'prompt':'shot 1, 0, a; shot 2, 5, b;','settings':{'duration':5}}", "prompt: shot 1 must last at least 1 second"),
                bad("a shot of 513 characters", T + "kling-3.0", "{'prompt':'shot 1, 5, " + letters(513) + ";','settings':{'duration':5}}", "prompt: shot 1 needs 1 to 512 characters"),
                bad("shots with multi_shot false", T + "kling-3.0", "{'prompt':'shot 1, 5, a;','settings':{'duration':5,'multi_shot':false}}", "prompt uses the multi-shot syntax but settings.multi_shot is false"),
                ok("options", T + "kling-3.0", "{'prompt':'a','options':{'callback_url':'http://127.0.0.1:9/cb','external_task_id':'v-ok-1','watermark_info':{'enabled':true}}}"),
                bad("a callback URL that is no URL", T + "kling-3.0", "{'prompt':'a','options':{'callback_url':'not a url'}}", "options.callback_url must be a valid http(s) URL"),
                bad("an external id of 257 characters", T + "kling-3.0", "{'prompt':'a','options':{'external_task_id':'" + letters(257) + "'}}", "options.external_task_id must be at most 256 characters"),
                bad("watermark enabled as a string", T + "kling-3.0", "{'prompt':'a','options':{'watermark_info':{'enabled':'yes'}}}", "options.watermark_info.enabled must be a boolean"),
                bad("options not an object", T + "kling-3.0", "{'prompt':'a','options':'x'}", "options must be an object"),
                bad("settings not an object", T + "kling-3.0", "{'prompt':'a','settings':[]}", "settings must be an object"),
                bad("an omni model on text-to-video", T + "kling-3.0-omni", "{'prompt':'a'}", "model kling-3.0-omni is not served by /text-to-video"),
                bad("a legacy model id on text-to-video", T + "kling-v3", "{'prompt':'a'}", "1203:model kling-v3 does not exist"));
    }

    static Stream<Case> imageToVideo() {
        return Stream.of(
                ok("a first frame", I + "kling-3.0-turbo", "{'contents':[" + FIRST + "]}"),
                bad("no contents", I + "kling-3.0", "{'settings':{}}", "contents is required on image-to-video"),
                bad("contents not an array", I + "kling-3.0", "{'contents':{}}", "contents must be an array"),
                bad("an item without a type", I + "kling-3.0", "{'contents':[{'url':'$IMG'}]}", "contents[0].type must be one of prompt, first_frame, last_frame, element, voice"),
                bad("a refer_image item", I + "kling-3.0", "{'contents':[" + FIRST + ",{'type':'refer_image','url':'$IMG'}]}", "contents[1].type must be one of"),
                bad("a last frame alone", I + "kling-3.0", "{'contents':[" + LAST + "]}", "contents needs a first_frame item on image-to-video (a last frame alone is not allowed)"),
                bad("two first frames", I + "kling-3.0", "{'contents':[" + FIRST + "," + FIRST + "]}", "contents[1].type: at most 1 first_frame item"),
                ok("first and last frame on kling-3.0", I + "kling-3.0", "{'contents':[" + FIRST + "," + LAST + "]}"),
                bad("a last frame on kling-3.0-turbo", I + "kling-3.0-turbo", "{'contents':[" + FIRST + "," + LAST + "]}", "contents[1].type: last_frame items are not supported by kling-3.0-turbo"),
                ok("first and last frame on kling-2.5-turbo at 1080p", I + "kling-2.5-turbo", "{'contents':[" + FIRST + "," + LAST + "],'settings':{'resolution':'1080p'}}"),
                bad("first and last frame on kling-2.5-turbo at 720p", I + "kling-2.5-turbo", "{'contents':[" + FIRST + "," + LAST + "],'settings':{'resolution':'720p'}}", "settings.resolution must be 1080p on kling-2.5-turbo with a first and a last frame"),
                bad("first and last frame on kling-2.6 at 720p", I + "kling-2.6", "{'contents':[" + FIRST + "," + LAST + "],'settings':{'resolution':'720p'}}", "settings.resolution must be 1080p on kling-2.6"),
                ok("three elements on kling-3.0", I + "kling-3.0", "{'contents':[" + FIRST + "," + elements("$E", 3) + "]}"),
                bad("four elements on kling-3.0", I + "kling-3.0", "{'contents':[" + FIRST + "," + elements("$E", 4) + "]}", "contents[4].type: at most 3 element items on kling-3.0"),
                bad("an element on kling-2.6", I + "kling-2.6", "{'contents':[" + FIRST + "," + elements("$E", 1) + "]}", "contents[1].type: element items are only supported by kling-3.0"),
                bad("an element without id", I + "kling-3.0", "{'contents':[" + FIRST + ",{'type':'element','element_id':$E1}]}", "contents[1].id is required"),
                bad("an element not in the library", I + "kling-3.0", "{'contents':[" + FIRST + ",{'type':'element','element_id':12345,'id':'x'}]}", "contents[1].element_id 12345 does not exist"),
                bad("an element id as a string", I + "kling-3.0", "{'contents':[" + FIRST + ",{'type':'element','element_id':'$E1','id':'x'}]}", "contents[1].element_id must be a 64-bit integer"),
                ok("two voices on kling-2.6 with native audio", I + "kling-2.6", "{'contents':[" + FIRST + ",{'type':'voice','voice_id':'v1','id':'voice_1'},{'type':'voice','voice_id':'v2','id':'voice_2'}],'settings':{'audio':'native'}}"),
                bad("three voices on kling-2.6", I + "kling-2.6", "{'contents':[" + FIRST + ",{'type':'voice','voice_id':'v1','id':'a'},{'type':'voice','voice_id':'v2','id':'b'},{'type':'voice','voice_id':'v3','id':'c'}],'settings':{'audio':'native'}}", "contents[3].type: at most 2 voice items on kling-2.6"),
                bad("voices with audio off", I + "kling-2.6", "{'contents':[" + FIRST + ",{'type':'voice','voice_id':'v1','id':'a'}]}", "settings.audio must be native when contents has voice items"),
                bad("a voice on kling-3.0", I + "kling-3.0", "{'contents':[" + FIRST + ",{'type':'voice','voice_id':'v1','id':'a'}],'settings':{'audio':'native'}}", "contents[1].type: voice items are only supported by kling-2.6"),
                bad("a voice without voice_id", I + "kling-2.6", "{'contents':[" + FIRST + ",{'type':'voice','id':'a'}],'settings':{'audio':'native'}}", "contents[1].voice_id is required"),
                bad("an aspect ratio", I + "kling-3.0", "{'contents':[" + FIRST + "],'settings':{'aspect_ratio':'16:9'}}", "settings.aspect_ratio is not supported on image-to-video"),
                bad("a 200 px first frame", I + "kling-3.0", "{'contents':[{'type':'first_frame','url':'$IMG_SMALL'}]}", "contents[0].url width and height must be at least 300px"),
                bad("a 1000x300 first frame", I + "kling-3.0", "{'contents':[{'type':'first_frame','url':'$IMG_WIDE'}]}", "contents[0].url aspect ratio must be between 1:2.5 and 2.5:1"),
                bad("a gif first frame", I + "kling-3.0", "{'contents':[{'type':'first_frame','url':'$GIF'}]}", "contents[0].url must be a jpg/jpeg or png image"),
                bad("a first frame without url", I + "kling-3.0", "{'contents':[{'type':'first_frame'}]}", "contents[0].url is required"),
                bad("a data: URI first frame", I + "kling-3.0", "{'contents':[{'type':'first_frame','url':'data:image/png;base64,AAAA'}]}", "contents[0].url: File is not in a valid base64 format"),
                bad("a first frame that is no Base64", I + "kling-3.0", "{'contents':[{'type':'first_frame','url':'not base64!'}]}", "contents[0].url: File is not in a valid base64 format"),
                ok("a first frame as a URL", I + "kling-3.0", "{'contents':[{'type':'first_frame','url':'https://cdn.example.com/a.png'}]}"),
                bad("two items with one id", I + "kling-3.0", "{'contents':[{'type':'first_frame','url':'$IMG','id':'x'}," + elements("$E", 1).replace("'e1'", "'x'") + "]}", "contents[1].id \"x\" is used by another item"),
                bad("two prompts", I + "kling-3.0", "{'contents':[" + PROMPT + "," + PROMPT + "," + FIRST + "]}", "contents[1].type: at most 1 prompt item"),
                bad("a prompt item without text", I + "kling-3.0", "{'contents':[{'type':'prompt'}," + FIRST + "]}", "contents[0].text is required"),
                ok("2500 characters on kling-3.0-turbo", I + "kling-3.0-turbo", "{'contents':[{'type':'prompt','text':'" + letters(2500) + "'}," + FIRST + "]}"),
                bad("2501 characters on kling-3.0-turbo", I + "kling-3.0-turbo", "{'contents':[{'type':'prompt','text':'" + letters(2501) + "'}," + FIRST + "]}", "contents[0].text must be at most 2500 characters"),
                ok("3072 characters on kling-3.0", I + "kling-3.0", "{'contents':[{'type':'prompt','text':'" + letters(3072) + "'}," + FIRST + "]}"),
                bad("shots not summing to the duration", I + "kling-3.0", "{'contents':[{'type':'prompt','text':'shot 1, 2, a;'}," + FIRST + "],'settings':{'duration':5}}", "contents[0].text: the shots last 2 s"),
                bad("a motion-control model on image-to-video", I + "kling-o1", "{'contents':[" + FIRST + "]}", "model kling-o1 is not served by /image-to-video"));
    }

    static Stream<Case> omniVideo() {
        String o = O + "kling-3.0-omni";
        String o1 = O + "kling-o1";
        String ar = ",'settings':{'aspect_ratio':'16:9'}";
        return Stream.of(
                ok("a prompt and an aspect ratio", o, "{'contents':[" + PROMPT + "]" + ar + "}"),
                bad("no prompt", o, "{'contents':[" + FIRST + "]}", "contents needs a prompt item"),
                bad("no aspect ratio without frame or video", o, "{'contents':[" + PROMPT + "]}", "settings.aspect_ratio is required when there is neither a first_frame nor a reference video"),
                ok("no aspect ratio with a first frame", o, "{'contents':[" + PROMPT + "," + FIRST + "]}"),
                ok("no aspect ratio with a reference video", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID5'}],'settings':{'audio':'off'}}"),
                bad("a last frame alone", o, "{'contents':[" + PROMPT + "," + LAST + "]" + ar + "}", "a last_frame needs a first_frame"),
                bad("a voice item", o, "{'contents':[" + PROMPT + ",{'type':'voice','voice_id':'v','id':'v'}]" + ar + "}", "contents[1].type must be one of prompt, first_frame, last_frame, refer_image, feature_video, base_video, element"),
                ok("seven references without a video", o, "{'contents':[" + PROMPT + "," + referImages(4) + "," + elements("$E", 3) + "]" + ar + "}"),
                bad("eight references without a video", o, "{'contents':[" + PROMPT + "," + referImages(5) + "," + elements("$E", 3) + "]" + ar + "}", "contents: at most 7 refer_image items plus multi-image elements without a reference video (got 8)"),
                ok("four references with a video", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID5'}," + referImages(2) + "," + elements("$E", 2) + "]}"),
                bad("five references with a video", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID5'}," + referImages(3) + "," + elements("$E", 2) + "]}", "contents: at most 4 refer_image items plus multi-image elements with a reference video (got 5)"),
                ok("three video characters and four references", o, "{'contents':[" + PROMPT + "," + elements("$VC", 3) + "," + referImages(4) + "]" + ar + "}"),
                bad("four video characters", o, "{'contents':[" + PROMPT + "," + elements("$VC", 4) + "]" + ar + "}", "contents: at most 3 video-character elements without a reference video (got 4)"),
                bad("video characters and five references", o, "{'contents':[" + PROMPT + "," + elements("$VC", 1) + "," + referImages(5) + "]" + ar + "}", "contents: at most 4 refer_image items plus multi-image elements beside video-character elements (got 5)"),
                ok("one video character with a video", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID5'}," + elements("$VC", 1) + "]}"),
                bad("two video characters with a video", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID5'}," + elements("$VC", 2) + "]}", "contents: at most 1 video-character elements with a reference video (got 2)"),
                bad("a video character and a reference image with a video", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID5'}," + elements("$VC", 1) + "," + referImages(1) + "]}", "video-character elements and refer_image items cannot be combined with a reference video"),
                ok("three elements with a first frame", o, "{'contents':[" + PROMPT + "," + FIRST + "," + elements("$E", 3) + "]}"),
                bad("four elements with a first frame", o, "{'contents':[" + PROMPT + "," + FIRST + "," + elements("$E", 4) + "]}", "contents: at most 3 elements with a first frame (got 4)"),
                bad("two videos", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID5'},{'type':'base_video','url':'$VID5'}]}", "contents: at most one reference video (feature_video or base_video) is allowed (got 2)"),
                bad("a video as Base64", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$IMG'}]}", "contents[1].url must be a valid http(s) URL"),
                bad("an .avi video", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'https://cdn.example.com/a.avi'}]}", "contents[1].url must point at an .mp4 or .mov file"),
                ok("an external video", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$EXT'}]}"),
                ok("a 15 s video on kling-3.0-omni", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID15'}]}"),
                bad("an 11 s video on kling-o1", o1, "{'contents':[" + PROMPT + ",{'type':'base_video','url':'$VID11'}]}", "contents[1].url must be a video of 3 to 10 seconds (got 11 s)"),
                bad("a feature video with multi_shot false", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID5'}],'settings':{'multi_shot':false}}", "settings.multi_shot must be true with a feature_video"),
                bad("a feature video with native audio", o, "{'contents':[" + PROMPT + ",{'type':'feature_video','url':'$VID5'}],'settings':{'audio':'native'}}", "settings.audio must be off with a feature_video"),
                ok("a base video with original audio", o, "{'contents':[" + PROMPT + ",{'type':'base_video','url':'$VID5'}],'settings':{'audio':'original'}}"),
                bad("a base video with multi_shot true", o, "{'contents':[" + PROMPT + ",{'type':'base_video','url':'$VID5'}],'settings':{'multi_shot':true}}", "settings.multi_shot must be false with a base_video"),
                bad("a base video with native audio", o, "{'contents':[" + PROMPT + ",{'type':'base_video','url':'$VID5'}],'settings':{'audio':'native'}}", "settings.audio cannot be native with a base_video"),
                bad("a base video with a first frame", o, "{'contents':[" + PROMPT + "," + FIRST + ",{'type':'base_video','url':'$VID5'}]}", "contents: a base_video cannot be combined with a first_frame or last_frame"),
                ok("kling-o1 with a reference image for 7 s", o1, "{'contents':[" + PROMPT + "," + FIRST + "," + referImages(1) + "],'settings':{'duration':7}}"),
                bad("kling-o1 with a first frame alone for 7 s", o1, "{'contents':[" + PROMPT + "," + FIRST + "],'settings':{'duration':7}}", "settings.duration must be 5 or 10 on kling-o1 with a first frame and no other reference"),
                ok("kling-o1 with a first frame alone for 10 s", o1, "{'contents':[" + PROMPT + "," + FIRST + "],'settings':{'duration':10}}"),
                bad("kling-o1 for 11 s", o1, "{'contents':[" + PROMPT + "]" + ",'settings':{'aspect_ratio':'1:1','duration':11}}", "settings.duration must be an integer number of seconds, from 3 to 10"),
                bad("kling-o1 with a video character", o1, "{'contents':[" + PROMPT + "," + elements("$VC", 1) + "]" + ar + "}", "kling-o1 takes multi-image elements only"),
                bad("kling-o1 with first and last frame and an element", o1, "{'contents':[" + PROMPT + "," + FIRST + "," + LAST + "," + elements("$E", 1) + "]}", "kling-o1 with a first and a last frame takes no elements and no refer_image items"),
                bad("kling-o1 with multi_shot", o1, "{'contents':[" + PROMPT + "],'settings':{'aspect_ratio':'1:1','multi_shot':true}}", "settings.multi_shot is not supported on kling-o1"),
                bad("kling-o1 with native audio", o1, "{'contents':[" + PROMPT + "],'settings':{'aspect_ratio':'1:1','audio':'native'}}", "settings.audio must be one of off, original"),
                bad("kling-o1 at 4k", o1, "{'contents':[" + PROMPT + "],'settings':{'aspect_ratio':'1:1','resolution':'4k'}}", "settings.resolution must be one of 720p, 1080p"),
                ok("kling-3.0-omni at 4k", o, "{'contents':[" + PROMPT + "],'settings':{'aspect_ratio':'1:1','resolution':'4k'}}"),
                ok("3072 characters on kling-3.0-omni", o, "{'contents':[{'type':'prompt','text':'" + letters(3072) + "'}]" + ar + "}"),
                bad("2501 characters on kling-o1", o1, "{'contents':[{'type':'prompt','text':'" + letters(2501) + "'}]" + ar + "}", "contents[0].text must be at most 2500"));
    }

    static Stream<Case> motionControl() {
        String m = M + "kling-3.0";
        String video5 = "{'type':'video','url':'$VID5'}";
        String both = "'contents':[" + CHARACTER + "," + video5 + "]";
        return Stream.of(
                ok("an image, a video and an orientation", m, "{" + both + ",'settings':{'character_orientation':'image'}}"),
                bad("no settings", m, "{" + both + "}", "settings is required on motion-control"),
                bad("no orientation", m, "{" + both + ",'settings':{'resolution':'720p'}}", "settings.character_orientation is required on motion-control"),
                bad("an unknown orientation", m, "{" + both + ",'settings':{'character_orientation':'left'}}", "settings.character_orientation must be one of image, video"),
                bad("no video", m, "{'contents':[" + CHARACTER + "],'settings':{'character_orientation':'image'}}", "contents needs an image item (the character) and a video item (the motion)"),
                bad("two videos", m, "{'contents':[" + CHARACTER + "," + video5 + "," + video5 + "],'settings':{'character_orientation':'image'}}", "contents[2].type: at most 1 video item"),
                bad("a video as Base64", m, "{'contents':[" + CHARACTER + ",{'type':'video','url':'$IMG'}],'settings':{'character_orientation':'image'}}", "contents[1].url must be a valid http(s) URL"),
                ok("an 11 s video with orientation video", m, "{'contents':[" + CHARACTER + ",{'type':'video','url':'$VID11'}],'settings':{'character_orientation':'video'}}"),
                bad("an 11 s video with orientation image", m, "{'contents':[" + CHARACTER + ",{'type':'video','url':'$VID11'}],'settings':{'character_orientation':'image'}}", "contents[1].url must be 3 to 10 seconds long with character_orientation image (got 11 s)"),
                ok("an element on kling-3.0", m, "{'contents':[" + CHARACTER + "," + video5 + "," + elements("$E", 1) + "],'settings':{'character_orientation':'image'}}"),
                bad("two elements on kling-3.0", m, "{'contents':[" + CHARACTER + "," + video5 + "," + elements("$E", 2) + "],'settings':{'character_orientation':'image'}}", "contents[3].type: at most 1 element item on kling-3.0"),
                bad("an element on kling-2.6", M + "kling-2.6", "{'contents':[" + CHARACTER + "," + video5 + "," + elements("$E", 1) + "],'settings':{'character_orientation':'image'}}", "element items are only supported by kling-3.0 on motion-control"),
                bad("a duration", m, "{" + both + ",'settings':{'character_orientation':'image','duration':5}}", "settings.duration is not supported on kling-3.0 here: the result follows the input video"),
                bad("an aspect ratio", m, "{" + both + ",'settings':{'character_orientation':'image','aspect_ratio':'16:9'}}", "settings.aspect_ratio is not supported on motion-control"),
                ok("audio off", m, "{" + both + ",'settings':{'character_orientation':'image','audio':'off'}}"),
                bad("native audio", m, "{" + both + ",'settings':{'character_orientation':'image','audio':'native'}}", "settings.audio must be one of original, off"),
                bad("4k", M + "kling-2.6", "{" + both + ",'settings':{'character_orientation':'image','resolution':'4k'}}", "settings.resolution must be one of 720p, 1080p"),
                bad("a turbo model on motion-control", M + "kling-3.0-turbo", "{" + both + ",'settings':{'character_orientation':'image'}}", "model kling-3.0-turbo is not served by /motion-control"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"textToVideo", "imageToVideo", "omniVideo", "motionControl"})
    void rule(Case c) {
        String json = c.json().replace('\'', '"');
        // longest placeholder first, so $IMG does not eat $IMG_SMALL
        List<String> placeholders = MEDIA.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String placeholder : placeholders) {
            json = json.replace(placeholder, MEDIA.get(placeholder));
        }
        KlingHttp.Reply reply = new NewDesignClient(SIM.simulator()).http.post(c.path(), json);

        if (c.problem() == null) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.data().get("status").asText()).isEqualTo("submitted");
        } else if (c.problem().startsWith("1203:")) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo(1203);
            assertThat(reply.message()).contains(c.problem().substring(5));
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo(1201);
            assertThat(reply.message()).contains(c.problem());
        }
    }

    @Test
    void aDuplicateExternalIdIsRefusedAcrossPaths() {
        NewDesignClient client = new NewDesignClient(SIM.simulator());
        client.createId(T + "kling-3.0", body("prompt", "first", "options", body("external_task_id", "dup-1")));
        KlingHttp.Reply again = client.create(I + "kling-3.0", body("contents", List.of(
                NewDesignClient.item("first_frame", "url", TestImages.pngBase64(400, 400))), "options", body("external_task_id", "dup-1")));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(1201);
        assertThat(again.message()).contains("external_task_id dup-1 already exists");
    }

    @Test
    void imagesMayHaveUpTo50MbOnTheNewDesignWhereLegacyStopsAt10() {
        byte[] png = TestImages.png(400, 400);
        byte[] elevenMb = java.util.Arrays.copyOf(png, 11 * 1024 * 1024); // a valid PNG; readers ignore what follows IEND
        String eleven = Base64.getEncoder().encodeToString(elevenMb);
        String fiftyPlus = Base64.getEncoder().encodeToString(new byte[50 * 1024 * 1024 + 1]);
        NewDesignClient client = new NewDesignClient(SIM.simulator());

        KlingHttp.Reply accepted = client.create(I + "kling-3.0", body("contents", List.of(
                NewDesignClient.item("first_frame", "url", eleven))));
        KlingHttp.Reply legacy = client.http.post("/v1/videos/image2video", body("image", eleven));
        KlingHttp.Reply tooBig = client.create(I + "kling-3.0", body("contents", List.of(
                NewDesignClient.item("first_frame", "url", fiftyPlus))));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(legacy.message()).isEqualTo("image must be at most 10MB");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.message()).isEqualTo("contents[0].url must be at most 50MB");
    }

    @Test
    void aBodyThatIsNotJsonIs1200() {
        KlingHttp.Reply reply = new NewDesignClient(SIM.simulator()).http.post(T + "kling-3.0", "not json");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(1200);
        JsonNode json = reply.json();
        assertThat(json.get("message").asText()).contains("not valid JSON");
    }
}
