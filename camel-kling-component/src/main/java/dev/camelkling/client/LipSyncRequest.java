package dev.camelkling.client;

import java.util.Map;

/**
 * {@code POST /v1/videos/advanced-lip-sync} (reference §6.1.2): puts audio onto a face found by
 * {@link KlingClient#identifyFace}. The fields are flat and written as
 * {@code {session_id, face_choose: [{face_id, audio_id | sound_file, sound_start_time, sound_end_time,
 * sound_insert_time, sound_volume?, original_audio_volume?}], watermark_info?, external_task_id?, callback_url?}}.
 *
 * <p>{@code face_start_time} and {@code face_end_time} (the face's window, ms) are local only: with them the request
 * checks that the audio overlaps the face by at least 2 s, and defaults {@code sound_insert_time} to the face's
 * start. {@code sound_start_time} defaults to 0 and {@code sound_end_time} to the audio's length when it can be read
 * locally (WAV, MP3, M4A content); see {@link #effectiveFields()}.
 */
public final class LipSyncRequest extends KlingRequest {

    LipSyncRequest(Map<String, Object> canonicalFields) {
        super(canonicalFields);
    }

    @Override
    public KlingFeature feature() {
        return KlingFeature.LIP_SYNC;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends KlingRequest.Builder<Builder, LipSyncRequest> {

        private Builder() {
            super(KlingFeature.LIP_SYNC);
        }

        /** The session and face from identify-face: sets {@code session_id}, {@code face_id} and the face window. */
        public Builder session(FaceIdentification identification, Face face) {
            return sessionId(identification.sessionId()).face(face);
        }

        public Builder sessionId(String sessionId) {
            return field("session_id", sessionId);
        }

        /** Sets {@code face_id} and the local-only face window ({@code face_start_time}, {@code face_end_time}). */
        public Builder face(Face face) {
            return faceId(face.faceId()).faceWindow(face.startTime(), face.endTime());
        }

        public Builder faceId(String faceId) {
            return field("face_id", faceId);
        }

        /** The face's window in ms (local only, never sent). */
        public Builder faceWindow(long startMillis, long endMillis) {
            return field("face_start_time", startMillis).field("face_end_time", endMillis);
        }

        /** Audio made by Kling's text to speech; exclusive with {@link #soundFile}. */
        public Builder audioId(String audioId) {
            return field("audio_id", audioId);
        }

        /** The audio (mp3, wav or m4a, at most 5 MB, 2–60 s); exclusive with {@link #audioId}. */
        public Builder soundFile(KlingMedia soundFile) {
            return field("sound_file", soundFile);
        }

        /** Start of the audio crop, ms (default 0). */
        public Builder soundStartTime(long millis) {
            return field("sound_start_time", millis);
        }

        /** End of the audio crop, ms (default: the audio's length when it can be read). */
        public Builder soundEndTime(long millis) {
            return field("sound_end_time", millis);
        }

        /** Where the cropped audio starts in the video, ms (default: the face window's start). */
        public Builder soundInsertTime(long millis) {
            return field("sound_insert_time", millis);
        }

        /** Volume of the new audio, 0–2 (Kling's default 1). */
        public Builder soundVolume(double volume) {
            return field("sound_volume", volume);
        }

        /** Volume of the video's own audio, 0–2 (Kling's default 1). */
        public Builder originalAudioVolume(double volume) {
            return field("original_audio_volume", volume);
        }
    }
}
