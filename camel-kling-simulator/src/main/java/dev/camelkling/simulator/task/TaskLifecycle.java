package dev.camelkling.simulator.task;

import dev.camelkling.simulator.callback.CallbackDispatcher;
import dev.camelkling.simulator.http.Envelope;
import dev.camelkling.simulator.media.AudioEncoder;
import dev.camelkling.simulator.media.GeneratedVideo;
import dev.camelkling.simulator.media.ImageSpec;
import dev.camelkling.simulator.media.MediaStore;
import dev.camelkling.simulator.media.VideoSpec;
import dev.camelkling.simulator.media.Watermarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Moves tasks submitted → processing → succeed | failed on the configured clock and notifies the
 * task's callback URL at every step, including {@code submitted}.
 */
public final class TaskLifecycle implements AutoCloseable {
    private final TaskStore store;
    private final MediaStore media;
    private final CallbackDispatcher callbacks;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kling-sim-lifecycle");
        t.setDaemon(true);
        return t;
    });
    private volatile TaskTiming timing;

    public TaskLifecycle(TaskStore store, MediaStore media, CallbackDispatcher callbacks, TaskTiming timing) {
        this.store = store;
        this.media = media;
        this.callbacks = callbacks;
        this.timing = timing;
    }

    public void timing(TaskTiming timing) {
        this.timing = timing;
    }

    public void submitted(SimTask task) {
        notifyCallback(task);
        TaskTiming t = timing;
        schedule(() -> process(task, t), t.toProcessing().toMillis());
    }

    private void process(SimTask task, TaskTiming t) {
        if (markProcessing(task)) {
            schedule(() -> finish(task), t.toFinal().minus(t.toProcessing()).toMillis());
        }
    }

    private boolean markProcessing(SimTask task) {
        if (task.status() == TaskStatus.SUBMITTED && store.update(task, x -> x.markProcessing(store.now()))) {
            notifyCallback(task);
            return true;
        }
        return false;
    }

    /**
     * Takes a task through its remaining steps now, on the lifecycle thread so it cannot interleave
     * with scheduled steps (which then find the task final and do nothing).
     *
     * @return whether the task was still running
     */
    public boolean completeNow(SimTask task) {
        try {
            return scheduler.submit(() -> {
                if (task.status().isFinal()) {
                    return false;
                }
                markProcessing(task);
                return finish(task);
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | RejectedExecutionException e) {
            throw new IllegalStateException("cannot complete task " + task.taskId(), e);
        }
    }

    private boolean finish(SimTask task) {
        if (task.status().isFinal()) {
            return false;
        }
        String failure = task.order().plannedFailure();
        boolean changed;
        if (failure != null) {
            changed = store.update(task, x -> x.markFailed(store.now(), failure));
        } else {
            boolean watermark = Boolean.TRUE.equals(task.order().watermarkEnabled());
            List<SimTask.VideoResult> videos = new ArrayList<>();
            List<SimTask.AudioResult> audio = new ArrayList<>();
            for (VideoSpec spec : task.order().videos()) {
                GeneratedVideo video = media.registerGeneratedVideo(spec, task.product().name(), task.accountId(),
                        task.order().modelName(), task.order().mode(), store.now());
                String watermarkUrl = watermark ? media.videoUrl(media.registerVideo(Watermarks.onVideo(spec))) : null;
                videos.add(new SimTask.VideoResult(video.id(), video.url(), spec.durationText(), watermarkUrl));
                if (task.order().soundTrack()) {
                    audio.add(soundTrack(spec));
                }
            }
            List<SimTask.ImageResult> images = new ArrayList<>();
            for (ImageSpec spec : task.order().images()) {
                String watermarkUrl = watermark ? media.imageUrl(media.registerImage(Watermarks.onImage(spec))) : null;
                images.add(new SimTask.ImageResult(spec.index(), media.imageUrl(media.registerImage(spec)), watermarkUrl));
            }
            changed = store.update(task, x -> x.markSucceeded(store.now(), videos, images, audio));
        }
        if (changed) {
            notifyCallback(task);
        }
        return changed;
    }

    /** The video's sound as its own output: an MP3 and a WAV of the video's length. */
    private SimTask.AudioResult soundTrack(VideoSpec video) {
        int seconds = video.durationSeconds();
        String id = media.registerSoundTrack(seconds);
        return new SimTask.AudioResult(id, media.soundTrackUrl(id, "mp3"), media.soundTrackUrl(id, "wav"),
                AudioEncoder.mp3Seconds(seconds), video.durationText());
    }

    private void notifyCallback(SimTask task) {
        String url = task.order().callbackUrl();
        if (url != null) {
            var json = task.view().render(task);
            callbacks.send(url, task.taskId(), json.get(task.view().statusField()).asText(), Envelope.bytes(json));
        }
    }

    private void schedule(Runnable step, long delayMillis) {
        try {
            scheduler.schedule(step, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: the task simply stops moving
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
