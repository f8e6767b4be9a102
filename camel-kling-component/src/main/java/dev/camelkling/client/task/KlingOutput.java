package dev.camelkling.client.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a new-design task's {@code outputs[]} (kling-api-2026.md §4.1), a union typed by its {@code type}:
 * {@link Video}, {@link Image}, {@link Audio}, {@link Voice}, {@link Element}, and {@link Other} for a type this
 * client does not know yet, which is kept as Kling sent it rather than failing the task (Kling adds output types
 * over time). Durations stay text because Kling writes seconds as strings ({@code "5.0"}); ids stay text so 64-bit
 * element ids keep every digit. Absent fields are {@code null}.
 */
public sealed interface KlingOutput
        permits KlingOutput.Video, KlingOutput.Image, KlingOutput.Audio, KlingOutput.Voice, KlingOutput.Element,
        KlingOutput.Other {

    /** The {@code type} as Kling wrote it: {@code video}, {@code image}, {@code audio}, {@code voice}, {@code element}, ... */
    String type();

    /** {@code {type: video, id, url, watermark_url, duration}}; {@code id} feeds video extend and lip sync. */
    record Video(String id, String url, String watermarkUrl, String duration) implements KlingOutput {
        @Override
        public String type() {
            return "video";
        }
    }

    /** {@code {type: image, url, watermark_url, group_id}}: no id or index (§9.8), so images keep the order given. */
    record Image(String url, String watermarkUrl, String groupId) implements KlingOutput {
        @Override
        public String type() {
            return "image";
        }
    }

    /** {@code {type: audio, id, mp3_url, wav_url, mp3_duration, wav_duration}}: the same sound as MP3 and as WAV. */
    record Audio(String id, String mp3Url, String wavUrl, String mp3Duration, String wavDuration) implements KlingOutput {
        @Override
        public String type() {
            return "audio";
        }

        /** The file a user downloads: the MP3 (smaller), or the WAV when there is no MP3. */
        public String downloadUrl() {
            return mp3Url != null ? mp3Url : wavUrl;
        }
    }

    /**
     * {@code {type: voice, ...}}. Kling lists the type without its fields: {@code voiceId} is {@code voice_id} (the name
     * the rest of the API gives a voice), else {@code id}; {@code fields} keeps everything Kling sent.
     */
    record Voice(String voiceId, Map<String, Object> fields) implements KlingOutput {
        public Voice {
            fields = copy(fields);
        }

        @Override
        public String type() {
            return "voice";
        }
    }

    /**
     * {@code {type: element, ...}}. Kling lists the type without its fields: {@code elementId} is {@code element_id}
     * (as on create), else {@code id}; {@code fields} keeps everything Kling sent.
     */
    record Element(String elementId, Map<String, Object> fields) implements KlingOutput {
        public Element {
            fields = copy(fields);
        }

        @Override
        public String type() {
            return "element";
        }
    }

    /** An output of a type this client does not know, with every field as Kling sent it. */
    record Other(String type, Map<String, Object> fields) implements KlingOutput {
        public Other {
            fields = copy(fields);
        }
    }

    /** An unmodifiable copy in Kling's field order; JSON {@code null} values are kept, so {@code Map.copyOf} will not do. */
    private static Map<String, Object> copy(Map<String, Object> fields) {
        return fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
