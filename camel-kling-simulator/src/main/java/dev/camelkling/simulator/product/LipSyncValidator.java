package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.VideoSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * §6.1.2 advanced lip sync on a face of an identify-face session. The result is the source video
 * (same length and frame size) marked "lip sync" with the face and audio used.
 *
 * <p>Failure triggers (the API has no prompt): an {@code external_task_id} starting with
 * {@value #FAIL_PREFIX} fails the task with the risk-control message; an optional, otherwise ignored
 * {@code prompt} field is read for the {@code [[fail]]} marker.
 */
final class LipSyncValidator implements RequestValidator {
    static final String PRODUCT = "advanced-lip-sync";
    /** Lip sync has no model_name; its tasks count against this pseudo-model in the video pack. */
    static final String SLOT_MODEL = "advanced-lip-sync";
    static final String FAIL_PREFIX = "fail-";
    static final long MIN_CROP_MS = 2000;
    static final long MIN_OVERLAP_MS = 2000;
    static final long MIN_AUDIO_MS = 2000;
    static final long MAX_AUDIO_MS = 60_000;

    @Override
    public TaskOrder validate(RequestFields fields, ValidationContext context) {
        String sessionId = fields.string("session_id");
        if (sessionId == null || sessionId.isBlank()) {
            throw ApiException.invalidParameter("session_id is required");
        }
        FaceSession session = context.faceSession(sessionId)
                .orElseThrow(() -> ApiException.invalidParameter("session_id " + sessionId + " does not exist"));
        if (session.expiredAt(context.now())) {
            throw ApiException.invalidParameter("session_id " + sessionId + " has expired");
        }
        JsonNode choices = fields.array("face_choose");
        if (choices == null || choices.size() != 1) {
            throw ApiException.invalidParameter("face_choose must have exactly 1 item (got " + (choices == null ? 0 : choices.size()) + ")");
        }
        JsonNode choice = choices.get(0);
        String p = "face_choose[0]";
        if (choice == null || !choice.isObject()) {
            throw ApiException.invalidParameter(p + " must be an object");
        }
        String faceId = RequestFields.string(p + ".face_id", choice.get("face_id"));
        if (faceId == null || faceId.isEmpty()) {
            throw ApiException.invalidParameter(p + ".face_id is required");
        }
        FaceSession.Face face = session.face(faceId).orElseThrow(() -> ApiException.invalidParameter(
                p + ".face_id " + faceId + " is not a face of session_id " + sessionId));

        String audioId = RequestFields.string(p + ".audio_id", choice.get("audio_id"));
        String soundFile = RequestFields.string(p + ".sound_file", choice.get("sound_file"));
        boolean hasAudioId = audioId != null && !audioId.isBlank();
        boolean hasSoundFile = soundFile != null && !soundFile.isEmpty();
        if (hasAudioId && hasSoundFile) {
            throw ApiException.invalidParameter(p + ".audio_id and " + p + ".sound_file are mutually exclusive; send exactly one of them");
        }
        if (!hasAudioId && !hasSoundFile) {
            throw ApiException.invalidParameter(p + ".audio_id or " + p + ".sound_file is required");
        }
        long start = required(choice, p + ".sound_start_time", 0);
        long end = required(choice, p + ".sound_end_time", 0);
        long insert = required(choice, p + ".sound_insert_time", 0);
        if (end <= start) {
            throw ApiException.invalidParameter(p + ".sound_end_time must be greater than sound_start_time");
        }
        long crop = end - start;
        if (crop < MIN_CROP_MS) {
            throw ApiException.invalidParameter(p + ": the cropped audio (sound_end_time - sound_start_time) must be at least "
                    + MIN_CROP_MS + " ms (got " + crop + " ms)");
        }
        Double volume = RequestFields.number(p + ".sound_volume", choice.get("sound_volume"), 0, 2);
        Double originalVolume = RequestFields.number(p + ".original_audio_volume", choice.get("original_audio_volume"), 0, 2);

        AudioInputs.AudioInput audio = hasSoundFile ? AudioInputs.read(p + ".sound_file", soundFile, context) : null;
        if (audio != null && audio.durationKnown()) {
            if (audio.durationMillis() < MIN_AUDIO_MS || audio.durationMillis() > MAX_AUDIO_MS) {
                throw ApiException.invalidParameter(p + ".sound_file audio must be 2 to 60 seconds long (got "
                        + seconds(audio.durationMillis()) + " s)");
            }
            if (end > audio.durationMillis()) {
                throw ApiException.invalidParameter(p + ".sound_end_time " + end + " ms is beyond the end of the audio ("
                        + audio.durationMillis() + " ms)");
            }
        }
        long overlap = Math.min(insert + crop, face.endTime()) - Math.max(insert, face.startTime());
        if (overlap < MIN_OVERLAP_MS) {
            throw ApiException.invalidParameter(p + ".sound_insert_time " + insert + " ms: the cropped audio must overlap face "
                    + faceId + "'s window [" + face.startTime() + ", " + face.endTime() + "] ms by at least " + MIN_OVERLAP_MS
                    + " ms (overlap " + Math.max(0, overlap) + " ms)");
        }

        FaceSession.SourceVideo source = session.video();
        VideoSpec from = source.spec();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "LIP SYNC · face %s · window %s-%s s", faceId, seconds(face.startTime()), seconds(face.endTime())));
        notes.add(String.format(Locale.ROOT, "audio %s · crop %s-%s s · at %s s", describe(audio, audioId), seconds(start), seconds(end), seconds(insert)));
        notes.add(String.format(Locale.ROOT, "volume %.1f · original %.1f", volume == null ? 1.0 : volume,
                originalVolume == null ? 1.0 : originalVolume));
        String prompt = fields.string("prompt");
        String externalTaskId = fields.string("external_task_id");
        TaskOrder.Builder order = TaskOrder.builder(SLOT_MODEL)
                .plannedFailure(FailureMarker.failureRequestedBy(prompt))
                .plannedFailure(externalTaskId != null && externalTaskId.startsWith(FAIL_PREFIX) ? FailureMarker.RISK_CONTROL_MESSAGE : null)
                .parentVideo(source.asParentVideo())
                .video(new VideoSpec("lip sync", from == null ? "" : from.prompt(), source.size(), source.durationSeconds(),
                        from == null ? null : from.startImage(), from == null ? null : from.endImage(),
                        from == null ? List.of() : from.gallery(), notes))
                .unitDeduction(Integer.toString(Math.max(1, (source.durationSeconds() + 4) / 5)));
        return CommonFields.apply(fields, order).build();
    }

    /** A required integer number of milliseconds, at least {@code min}. */
    private static long required(JsonNode choice, String path, long min) {
        JsonNode node = choice.get(path.substring(path.lastIndexOf('.') + 1));
        if (node == null || node.isNull()) {
            throw ApiException.invalidParameter(path + " is required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min) {
            throw ApiException.invalidParameter(path + " must be an integer number of milliseconds >= " + min + " (got " + node + ")");
        }
        return node.longValue();
    }

    private static String describe(AudioInputs.AudioInput audio, String audioId) {
        if (audio == null) {
            return "audio_id " + VideoExtendValidator.abbreviate(audioId, 24);
        }
        String format = audio.format() == null ? "url" : audio.format();
        return audio.durationKnown() ? format + " " + seconds(audio.durationMillis()) + " s" : format;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
