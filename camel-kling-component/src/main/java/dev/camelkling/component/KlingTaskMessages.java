package dev.camelkling.component;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.camelkling.client.task.KlingOutput;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.Message;

/** Writes a task onto a message the same way for producers and consumers: the task as body, its key facts as headers. */
final class KlingTaskMessages {

    private KlingTaskMessages() {
    }

    static void populate(Message message, KlingTask task) {
        message.setBody(task);
        message.setHeader(KlingConstants.TASK_ID, task.taskId());
        message.setHeader(KlingConstants.TASK_STATUS, task.status() == null ? null : task.status().wireValue());
        message.setHeader(KlingConstants.TASK_STATUS_MESSAGE, task.statusMessage() == null ? "" : task.statusMessage());
        message.setHeader(KlingConstants.EXTERNAL_TASK_ID, task.externalTaskId());
        message.setHeader(KlingConstants.RESULT_URLS, task.resultUrls());
        message.setHeader(KlingConstants.WATERMARK_URLS, task.watermarkUrls());
        message.setHeader(KlingConstants.AUDIO_MP3_URLS, urls(task.audio(), KlingOutput.Audio::mp3Url));
        message.setHeader(KlingConstants.AUDIO_WAV_URLS, urls(task.audio(), KlingOutput.Audio::wavUrl));
        message.setHeader(KlingConstants.VOICE_IDS, task.voiceIds());
        message.setHeader(KlingConstants.ELEMENT_IDS, task.elementIds());
        message.setHeader(KlingConstants.OUTPUTS, task.outputs());
        message.setHeader(KlingConstants.VIDEO_ID, task.firstVideoId());
        message.setHeader(KlingConstants.BILLING, task.billing());
        message.setHeader(KlingConstants.DESIGN, task.design());
        message.setHeader(KlingConstants.CREATED_AT, task.createdAt());
        message.setHeader(KlingConstants.UPDATED_AT, task.updatedAt());
    }

    private static List<String> urls(List<KlingOutput.Audio> audio, Function<KlingOutput.Audio, String> url) {
        if (audio.isEmpty()) {
            return List.of();
        }
        return audio.stream().map(url).filter(Objects::nonNull).toList();
    }
}
