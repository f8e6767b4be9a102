package dev.camelkling.client.schema;

import dev.camelkling.client.media.KlingMedia;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Advanced lip sync (reference §6.1.2). The request is flat so that every field can be set the same way (option,
 * header, map key); the per-face fields are written into the single item of {@code face_choose}. Two local-only
 * fields, {@code face_start_time} and {@code face_end_time} (the face's window from identify-face), are never sent:
 * they drive the overlap check and the default insert time.
 */
public final class LipSyncSchema {

    static final String FACE_CHOOSE = "face_choose";
    static final long MIN_CROP_MILLIS = 2_000;
    static final long MIN_FACE_OVERLAP_MILLIS = 2_000;
    static final double MAX_VOLUME = 2;

    private LipSyncSchema() {
    }

    public static final RequestSchema LIP_SYNC = RequestSchema.builder()
            .field(FieldSpec.of("session_id", FieldType.TEXT).required())
            .field(FieldSpec.of("face_id", FieldType.TEXT).required().nestedIn(FACE_CHOOSE))
            .field(FieldSpec.of("audio_id", FieldType.TEXT).nestedIn(FACE_CHOOSE).check(CommonFields::notBlank))
            .field(FieldSpec.of("sound_file", FieldType.MEDIA).nestedIn(FACE_CHOOSE).check(MediaRules.AUDIO))
            .field(millis("sound_start_time").nestedIn(FACE_CHOOSE))
            .field(millis("sound_end_time").nestedIn(FACE_CHOOSE))
            .field(millis("sound_insert_time").nestedIn(FACE_CHOOSE))
            .field(volume("sound_volume").nestedIn(FACE_CHOOSE))
            .field(volume("original_audio_volume").nestedIn(FACE_CHOOSE))
            .field(millis("face_start_time").localOnly())
            .field(millis("face_end_time").localOnly())
            .field(CommonFields.watermark())
            .field(CommonFields.externalTaskId())
            .field(CommonFields.callbackUrl())
            .rule(CrossFieldRules.exactlyOneOf("audio_id", "sound_file"))
            .rule(CrossFieldRules.requiredWhen("sound_end_time", "when the audio length cannot be read locally (only WAV, "
                    + "MP3 and M4A content given as bytes, a file or Base64 can be measured; not audio_id or a URL)", fields -> true))
            .rule(CrossFieldRules.requiredWhen("sound_insert_time", "when the face window is not known (set face_start_time "
                    + "and face_end_time from identify-face, or sound_insert_time)", fields -> true))
            .rule(LipSyncSchema::cropRule)
            .rule(LipSyncSchema::faceWindowRule)
            .rule(LipSyncSchema::overlapRule)
            .defaults(LipSyncSchema::withDefaults)
            .build();

    private static FieldSpec.Builder millis(String name) {
        return FieldSpec.of(name, FieldType.INTEGER).atLeast(0);
    }

    private static FieldSpec.Builder volume(String name) {
        return FieldSpec.of(name, FieldType.DECIMAL).range(0, MAX_VOLUME);
    }

    /**
     * {@code sound_start_time} → 0; {@code sound_end_time} → the audio's length when it can be read; {@code
     * sound_insert_time} → {@code face_start_time} when known. Values that were given are kept.
     */
    static Map<String, Object> withDefaults(Map<String, Object> fields) {
        fields.putIfAbsent("sound_start_time", 0L);
        if (fields.get("sound_end_time") == null && fields.get("sound_file") instanceof KlingMedia audio) {
            OptionalLong length = audio.audioDurationMillis();
            if (length.isPresent()) {
                fields.put("sound_end_time", length.getAsLong());
            }
        }
        if (fields.get("sound_insert_time") == null && fields.get("face_start_time") != null) {
            fields.put("sound_insert_time", fields.get("face_start_time"));
        }
        return fields;
    }

    /** The crop {@code [start, end)} must be at least 2 s long and, when the audio's length is known, lie within it. */
    private static Optional<Violation> cropRule(Map<String, Object> fields) {
        Long start = (Long) fields.get("sound_start_time");
        Long end = (Long) fields.get("sound_end_time");
        if (start == null || end == null) {
            return Optional.empty();
        }
        if (end <= start) {
            return Optional.of(new Violation("sound_end_time", "must be greater than sound_start_time (was " + end + " <= " + start + ")"));
        }
        if (end - start < MIN_CROP_MILLIS) {
            return Optional.of(new Violation("sound_end_time", "must be at least " + MIN_CROP_MILLIS
                    + " ms after sound_start_time: the cropped audio must last 2 s or more (was " + (end - start) + " ms)"));
        }
        OptionalLong length = fields.get("sound_file") instanceof KlingMedia audio ? audio.audioDurationMillis() : OptionalLong.empty();
        if (length.isPresent() && end > length.getAsLong()) {
            return Optional.of(new Violation("sound_end_time", "must not be after the end of the audio (" + length.getAsLong()
                    + " ms; was " + end + ")"));
        }
        return Optional.empty();
    }

    private static Optional<Violation> faceWindowRule(Map<String, Object> fields) {
        Long faceStart = (Long) fields.get("face_start_time");
        Long faceEnd = (Long) fields.get("face_end_time");
        return faceStart != null && faceEnd != null && faceEnd <= faceStart
                ? Optional.of(new Violation("face_end_time", "must be greater than face_start_time (was " + faceEnd + " <= " + faceStart + ")"))
                : Optional.empty();
    }

    /** Placed at {@code sound_insert_time}, the crop must overlap the face's window by at least 2 s. */
    private static Optional<Violation> overlapRule(Map<String, Object> fields) {
        Long start = (Long) fields.get("sound_start_time");
        Long end = (Long) fields.get("sound_end_time");
        Long insert = (Long) fields.get("sound_insert_time");
        Long faceStart = (Long) fields.get("face_start_time");
        Long faceEnd = (Long) fields.get("face_end_time");
        if (start == null || end == null || insert == null || faceStart == null || faceEnd == null) {
            return Optional.empty();
        }
        long audioEnd = insert + (end - start);
        long overlap = Math.max(0, Math.min(audioEnd, faceEnd) - Math.max(insert, faceStart));
        if (overlap >= MIN_FACE_OVERLAP_MILLIS) {
            return Optional.empty();
        }
        return Optional.of(new Violation("sound_insert_time", "must place the audio so that it overlaps the face window ["
                + faceStart + ", " + faceEnd + "] ms by at least " + MIN_FACE_OVERLAP_MILLIS + " ms (audio at [" + insert + ", "
                + audioEnd + "] ms overlaps it by " + overlap + " ms)"));
    }
}
