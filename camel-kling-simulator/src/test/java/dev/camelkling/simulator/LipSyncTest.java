package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** §6.1 identify-face and advanced lip sync. */
class LipSyncTest {
    static final String IDENTIFY = "/v1/videos/identify-face";
    static final String LIP_SYNC = "/v1/videos/advanced-lip-sync";

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(1000)
            .additionalAccount("ak-other", "sk-other"));

    /** A 5 s 16:9 text2video: face 0 in [200, 4800] ms. */
    static JsonNode video5;
    static String session5;

    @BeforeAll
    static void identifyAFiveSecondVideo() {
        KlingHttp client = KlingHttp.withJwt(SIM.simulator());
        video5 = Results.textVideo(client, "5");
        session5 = client.post(IDENTIFY, body("video_id", video5.get("id").asText())).data().get("session_id").asText();
    }

    private static KlingHttp client() {
        return KlingHttp.withJwt(SIM.simulator());
    }

    static Map<String, Object> choice(Object... extra) {
        Map<String, Object> c = body("face_id", "0", "sound_file", TestAudio.wavBase64(4000),
                "sound_start_time", 0, "sound_end_time", 3000, "sound_insert_time", 500);
        for (int i = 0; i < extra.length; i += 2) {
            c.put((String) extra[i], extra[i + 1]);
        }
        return c;
    }

    static Map<String, Object> request(String sessionId, Map<String, Object> choice) {
        return body("session_id", sessionId, "face_choose", List.of(choice));
    }

    // ---------------------------------------------------------------- identify-face

    @Test
    void identifyByVideoIdReturnsADeterministicFaceWithARealPreview() {
        KlingHttp client = client();
        KlingHttp.Reply reply = client.post(IDENTIFY, body("video_id", video5.get("id").asText()));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        JsonNode data = reply.data();
        assertThat(data.get("session_id").asText()).matches("\\d{18}");
        assertThat(data.get("face_data")).hasSize(1);
        JsonNode face = data.get("face_data").get(0);
        assertThat(face.get("face_id").asText()).isEqualTo("0");
        assertThat(face.get("start_time").asLong()).isEqualTo(200);
        assertThat(face.get("end_time").asLong()).isEqualTo(4800);
        BufferedImage preview = Results.png(client.download(face.get("face_image").asText()));
        assertThat(preview.getWidth()).isEqualTo(256);
        assertThat(preview.getHeight()).isEqualTo(256);
        assertThat(data.get("session_id").asText()).isNotEqualTo(session5);
    }

    @Test
    void identifyByTheSimulatorsOwnUrlUsesThatVideosRealDuration() {
        KlingHttp client = client();
        JsonNode video10 = Results.textVideo(client, "10");
        JsonNode data = client.post(IDENTIFY, body("video_url", video10.get("url").asText())).data();
        assertThat(data.get("face_data")).hasSize(2);
        assertThat(data.get("face_data").get(0).get("start_time").asLong()).isEqualTo(200);
        assertThat(data.get("face_data").get(0).get("end_time").asLong()).isEqualTo(9800);
        assertThat(data.get("face_data").get(1).get("face_id").asText()).isEqualTo("1");
        assertThat(data.get("face_data").get(1).get("start_time").asLong()).isEqualTo(5000);
        assertThat(data.get("face_data").get(1).get("end_time").asLong()).isEqualTo(9800);
    }

    @Test
    void identifyByAForeignUrlAssumesAFiveSecondVideoAndCreatesNoTask() {
        KlingSimulator sim = SIM.simulator();
        int before = sim.createdTaskCount();
        int callbacks = sim.callbackDeliveries().size();
        JsonNode data = client().post(IDENTIFY, body("video_url", "https://example.com/clips/talk.mp4?sig=1")).data();
        JsonNode face = data.get("face_data").get(0);
        assertThat(face.get("start_time").asLong()).isEqualTo(200);
        assertThat(face.get("end_time").asLong()).isEqualTo(4800);
        assertThat(sim.createdTaskCount()).isEqualTo(before);
        assertThat(sim.callbackDeliveries()).hasSize(callbacks);
    }

    static Stream<Arguments> invalidIdentifyRequests() {
        return Stream.of(
                arguments(body(), "video_id or video_url is required"),
                arguments(body("video_id", ""), "video_id or video_url is required"),
                arguments(body("video_id", "abc", "video_url", "https://example.com/a.mp4"), "mutually exclusive"),
                arguments(body("video_id", "no-such-video"), "video_id no-such-video does not exist"),
                arguments(body("video_id", 42), "video_id must be a string"),
                arguments(body("video_url", "ftp://example.com/a.mp4"), "video_url must be a valid http(s) URL"),
                arguments(body("video_url", "https://example.com/a.avi"), "video_url must point at an .mp4 or .mov file"));
    }

    @ParameterizedTest
    @MethodSource("invalidIdentifyRequests")
    void invalidIdentifyRequestsAre1201(Map<String, Object> request, String messagePart) {
        KlingHttp.Reply reply = client().post(IDENTIFY, request);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).as(reply.body()).isEqualTo(1201);
        assertThat(reply.message()).contains(messagePart);
        assertThat(reply.json().has("data")).isFalse();
    }

    @Test
    void identifyRejectsAnOwnUrlWithNothingBehindItAndAnotherAccountsVideo() {
        KlingSimulator sim = SIM.simulator();
        String missing = sim.baseUrl() + "/media/videos/00000000-0000-0000-0000-000000000000.mp4";
        KlingHttp.Reply reply = client().post(IDENTIFY, body("video_url", missing));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).contains("video_url could not be downloaded");

        KlingHttp other = KlingHttp.withAuthorization(sim, "Bearer " + Tokens.valid("ak-other", "sk-other"));
        reply = other.post(IDENTIFY, body("video_id", video5.get("id").asText()));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).contains("video_id " + video5.get("id").asText() + " does not exist");
        // but the URL is public, like a CDN URL
        assertThat(other.post(IDENTIFY, body("video_url", video5.get("url").asText())).status()).isEqualTo(200);
    }

    @Test
    void identifyIsPostOnly() {
        KlingHttp.Reply reply = client().get(IDENTIFY);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(1202);
    }

    @Test
    void videosOlderThanThirtyDaysCannotBeIdentifiedById() {
        MutableClock clock = new MutableClock();
        try (KlingSimulator sim = KlingSimulator.builder().clock(clock).build().start()) {
            KlingHttp client = KlingHttp.withJwt(sim);
            JsonNode video = Results.textVideo(client, "5");
            clock.advance(Duration.ofDays(30).minusMinutes(1));
            assertThat(client.post(IDENTIFY, body("video_id", video.get("id").asText())).status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            KlingHttp.Reply reply = client.post(IDENTIFY, body("video_id", video.get("id").asText()));
            assertThat(reply.code()).isEqualTo(1201);
            assertThat(reply.message()).contains("video_id " + video.get("id").asText() + " is older than 30 days");
        }
    }

    // ---------------------------------------------------------------- advanced lip sync

    @Test
    void lipSyncProducesTheSourceVideoMarkedWithParentVideo() {
        KlingHttp client = client();
        JsonNode portrait = Results.succeeded(client, Results.T2V, body("prompt", "A singer on a stage", "aspect_ratio", "9:16"))
                .get("task_result").get("videos").get(0);
        String session = client.post(IDENTIFY, body("video_id", portrait.get("id").asText())).data().get("session_id").asText();

        Map<String, Object> request = request(session, choice("sound_volume", 1.5, "original_audio_volume", 0.3));
        request.put("external_task_id", "ls-happy");
        request.put("watermark_info", body("enabled", true));
        KlingHttp.Reply created = client.post(LIP_SYNC, request);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.data().get("task_status").asText()).isEqualTo("submitted");
        String taskId = created.data().get("task_id").asText();

        JsonNode task = client.awaitFinal(LIP_SYNC, taskId);
        assertThat(task.get("task_status").asText()).isEqualTo("succeed");
        JsonNode parent = task.get("task_info").get("parent_video");
        assertThat(parent.get("id").asText()).isEqualTo(portrait.get("id").asText());
        assertThat(parent.get("url").asText()).isEqualTo(portrait.get("url").asText());
        assertThat(parent.get("duration").asText()).isEqualTo("5.0");
        assertThat(task.get("task_info").get("external_task_id").asText()).isEqualTo("ls-happy");
        assertThat(task.get("watermark_info").get("enabled").asBoolean()).isTrue();
        assertThat(task.get("final_unit_deduction").asText()).isEqualTo("1");

        JsonNode video = task.get("task_result").get("videos").get(0);
        assertThat(video.get("id").asText()).isNotEqualTo(portrait.get("id").asText());
        assertThat(video.get("duration").asText()).isEqualTo("5.0");
        Mp4Boxes.Summary mp4 = Mp4Boxes.read(client.download(video.get("url").asText()));
        assertThat(mp4.durationSeconds()).isCloseTo(5.0, within(0.01));
        assertThat(mp4.width()).isEqualTo(180);
        assertThat(mp4.height()).isEqualTo(320);

        // lookups: task id, external id (path and query), list
        assertThat(client.get(LIP_SYNC + "/ls-happy").data().get("task_id").asText()).isEqualTo(taskId);
        assertThat(client.get(LIP_SYNC + "?external_task_id=ls-happy").data().get("task_id").asText()).isEqualTo(taskId);
        List<String> listed = new ArrayList<>();
        client.get(LIP_SYNC + "?pageSize=500").data().forEach(t -> listed.add(t.get("task_id").asText()));
        assertThat(listed).contains(taskId);

        // a lip-sync output can itself be identified again
        assertThat(client.post(IDENTIFY, body("video_id", video.get("id").asText())).status()).isEqualTo(200);
    }

    @Test
    void soundFileByUrlMp3M4aAndAudioIdAreAccepted() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp client = client();
        String ownMp3 = sim.hostAudio(TestAudio.mp3(TestAudio.mp3Frames(3500), true));
        assertThat(ownMp3).endsWith(".mp3");
        List<Map<String, Object>> choices = List.of(
                choice("sound_file", ownMp3),
                choice("sound_file", "https://example.com/voice/line.mp3"),
                choice("sound_file", Base64.getEncoder().encodeToString(TestAudio.mp3(TestAudio.mp3Frames(3500), false))),
                choice("sound_file", Base64.getEncoder().encodeToString(TestAudio.m4a(3500))),
                // a VBR Info header's frame count wins over the (few) frames actually present
                choice("sound_file", Base64.getEncoder().encodeToString(TestAudio.mp3WithInfoHeader(200, 2))),
                choice("sound_file", null, "audio_id", "tts-audio-0001"),
                // exactly 2000 ms overlap with [200, 4800]: audio at [2800, 5800]
                choice("sound_insert_time", 2800));
        for (Map<String, Object> c : choices) {
            c.values().removeIf(v -> v == null);
            KlingHttp.Reply reply = client.post(LIP_SYNC, request(session5, c));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
    }

    static Stream<Arguments> invalidLipSyncRequests() {
        byte[] tooBig = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(TestAudio.wav(2000), 0, tooBig, 0, 44);
        return Stream.of(
                arguments("no session", (Consumer<Map<String, Object>>) r -> r.remove("session_id"), "session_id is required"),
                arguments("unknown session", set("session_id", "866889456698785798"), "session_id 866889456698785798 does not exist"),
                arguments("no face_choose", (Consumer<Map<String, Object>>) r -> r.remove("face_choose"), "face_choose must have exactly 1 item"),
                arguments("two faces", set("face_choose", List.of(choice(), choice())), "face_choose must have exactly 1 item"),
                arguments("no face id", face("face_id", null), "face_choose[0].face_id is required"),
                arguments("unknown face", face("face_id", "7"), "face_choose[0].face_id 7 is not a face of session_id"),
                arguments("both audios", face("audio_id", "tts-1"), "face_choose[0].audio_id and face_choose[0].sound_file are mutually exclusive"),
                arguments("no audio", face("sound_file", null), "face_choose[0].audio_id or face_choose[0].sound_file is required"),
                arguments("data uri", face("sound_file", "data:audio/wav;base64," + TestAudio.wavBase64(3000)), "File is not in a valid base64 format"),
                arguments("broken base64", face("sound_file", "not base64!"), "File is not in a valid base64 format"),
                arguments("not audio", face("sound_file", TestImages.pngBase64(300, 300)), "face_choose[0].sound_file must be an mp3, wav or m4a audio file"),
                arguments("over 5 MB", face("sound_file", Base64.getEncoder().encodeToString(tooBig)), "face_choose[0].sound_file must be at most 5MB"),
                arguments("wav too short", face("sound_file", TestAudio.wavBase64(1500)),
                        "face_choose[0].sound_file audio must be 2 to 60 seconds long (got 1.5 s)"),
                arguments("wav too long", face("sound_file", TestAudio.wavBase64(61_000)), "audio must be 2 to 60 seconds long (got 61.0 s)"),
                arguments("mp3 too short", face("sound_file", Base64.getEncoder().encodeToString(TestAudio.mp3(TestAudio.mp3Frames(1000), true))),
                        "audio must be 2 to 60 seconds long (got 1.0 s)"),
                arguments("mp3 info header says too short", face("sound_file", Base64.getEncoder().encodeToString(TestAudio.mp3WithInfoHeader(50, 300))),
                        "audio must be 2 to 60 seconds long (got 1.3 s)"),
                arguments("m4a too long", face("sound_file", Base64.getEncoder().encodeToString(TestAudio.m4a(70_000))),
                        "audio must be 2 to 60 seconds long (got 70.0 s)"),
                arguments("crop beyond audio", face("sound_file", TestAudio.wavBase64(3000), "sound_end_time", 3500),
                        "face_choose[0].sound_end_time 3500 ms is beyond the end of the audio (3000 ms)"),
                arguments("foreign .ogg", face("sound_file", "https://example.com/a.ogg"), "face_choose[0].sound_file must point at an .mp3, .wav or .m4a file"),
                arguments("start missing", face("sound_start_time", null), "face_choose[0].sound_start_time is required"),
                arguments("start negative", face("sound_start_time", -1), "face_choose[0].sound_start_time must be an integer number of milliseconds >= 0"),
                arguments("start as string", face("sound_start_time", "0"), "face_choose[0].sound_start_time must be an integer"),
                arguments("end missing", face("sound_end_time", null), "face_choose[0].sound_end_time is required"),
                arguments("insert missing", face("sound_insert_time", null), "face_choose[0].sound_insert_time is required"),
                arguments("end equals start", face("sound_start_time", 1000, "sound_end_time", 1000),
                        "face_choose[0].sound_end_time must be greater than sound_start_time"),
                arguments("crop under 2 s", face("sound_start_time", 1000, "sound_end_time", 2999),
                        "must be at least 2000 ms (got 1999 ms)"),
                arguments("overlap 1999 ms", face("sound_insert_time", 2801),
                        "face_choose[0].sound_insert_time 2801 ms: the cropped audio must overlap face 0's window [200, 4800] ms by at least 2000 ms (overlap 1999 ms)"),
                arguments("audio after the face", face("sound_insert_time", 6000), "overlap 0 ms"),
                arguments("volume above 2", face("sound_volume", 2.5), "face_choose[0].sound_volume must be between 0 and 2"),
                arguments("original volume below 0", face("original_audio_volume", -0.1), "face_choose[0].original_audio_volume must be between 0 and 2"),
                arguments("bad callback", set("callback_url", "not a url"), "callback_url must be a valid http(s) URL"));
    }

    static Consumer<Map<String, Object>> set(String key, Object value) {
        return r -> r.put(key, value);
    }

    @SuppressWarnings("unchecked")
    static Consumer<Map<String, Object>> face(Object... keysAndValues) {
        return r -> {
            Map<String, Object> c = new LinkedHashMap<>(((List<Map<String, Object>>) r.get("face_choose")).get(0));
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (keysAndValues[i + 1] == null) {
                    c.remove((String) keysAndValues[i]);
                } else {
                    c.put((String) keysAndValues[i], keysAndValues[i + 1]);
                }
            }
            r.put("face_choose", List.of(c));
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLipSyncRequests")
    void invalidLipSyncRequestsAre1201(String name, Consumer<Map<String, Object>> change, String messagePart) {
        KlingSimulator sim = SIM.simulator();
        Map<String, Object> request = request(session5, choice());
        change.accept(request);
        int before = sim.createdTaskCount();
        Results.assertRejected(sim, client().post(LIP_SYNC, request), 1201, messagePart, before);
    }

    @Test
    void sessionsBelongToTheirAccount() {
        KlingSimulator sim = SIM.simulator();
        KlingHttp other = KlingHttp.withAuthorization(sim, "Bearer " + Tokens.valid("ak-other", "sk-other"));
        KlingHttp.Reply reply = other.post(LIP_SYNC, request(session5, choice()));
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).contains("session_id " + session5 + " does not exist");
    }

    @Test
    void failureTriggersEndTheTaskFailed() {
        KlingHttp client = client();
        Map<String, Object> byExternalId = request(session5, choice());
        byExternalId.put("external_task_id", "fail-lip-1");
        JsonNode failed = client.awaitFinal(LIP_SYNC, client.create(LIP_SYNC, byExternalId));
        assertThat(failed.get("task_status").asText()).isEqualTo("failed");
        assertThat(failed.get("task_status_msg").asText()).isEqualTo("Failure to pass the risk control system");
        assertThat(failed.get("final_unit_deduction").asText()).isEqualTo("0");
        assertThat(failed.has("task_result")).isFalse();

        Map<String, Object> byMarker = request(session5, choice());
        byMarker.put("prompt", "[[fail: no face visible]]");
        failed = client.awaitFinal(LIP_SYNC, client.create(LIP_SYNC, byMarker));
        assertThat(failed.get("task_status_msg").asText()).isEqualTo("no face visible");
    }

    @Test
    void sessionsExpireAfterTheConfiguredTtl() {
        try (KlingSimulator sim = KlingSimulator.builder().sessionTtl(Duration.ofMillis(400)).build().start()) {
            assertThat(sim.sessionTtl()).isEqualTo(Duration.ofMillis(400));
            KlingHttp client = KlingHttp.withJwt(sim);
            String session = client.post(IDENTIFY, body("video_url", "https://example.com/a.mp4")).data().get("session_id").asText();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                KlingHttp.Reply reply = client.post(LIP_SYNC, request(session, choice()));
                assertThat(reply.code()).isEqualTo(1201);
                assertThat(reply.message()).isEqualTo("session_id " + session + " has expired");
            });
        }
    }

    @Test
    void sessionsExpireTwentyFourHoursAfterIdentificationOnTheSimulatorClock() {
        MutableClock clock = new MutableClock();
        try (KlingSimulator sim = KlingSimulator.builder().clock(clock).build().start()) {
            KlingHttp client = KlingHttp.withJwt(sim);
            String session = client.post(IDENTIFY, body("video_url", "https://example.com/a.mp4")).data().get("session_id").asText();
            clock.advance(Duration.ofHours(24).minusSeconds(10));
            assertThat(client.post(LIP_SYNC, request(session, choice())).status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(10));
            KlingHttp.Reply reply = client.post(LIP_SYNC, request(session, choice()));
            assertThat(reply.code()).isEqualTo(1201);
            assertThat(reply.message()).contains("has expired");
        }
    }
}
