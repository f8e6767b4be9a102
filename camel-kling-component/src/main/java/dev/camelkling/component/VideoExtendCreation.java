package dev.camelkling.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskFailedException;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.task.KlingVideo;
import org.apache.camel.Exchange;

/**
 * Video extend, plus one thing the API lacks: with {@code targetDuration} it extends the result again and again (each
 * step about 5 s, one task each, waiting in between) until the video is long enough, and lists every step's task id.
 */
final class VideoExtendCreation implements CreateFlow {

    private static final String EXTERNAL_TASK_ID = "external_task_id";

    /** Kling refuses to extend a video past three minutes. */
    static final int MAX_TOTAL_SECONDS = 180;

    private final ProducerSetup setup;
    private final SingleTaskCreation taskCreation;

    VideoExtendCreation(ProducerSetup setup, SingleTaskCreation taskCreation) {
        this.setup = setup;
        this.taskCreation = taskCreation;
    }

    @Override
    public CompletableFuture<KlingTask> create(Exchange exchange) {
        Integer target = HeaderValues.read(exchange.getMessage(), KlingConstants.TARGET_DURATION, Integer.class,
                setup.configuration().getTargetDuration(), "targetDuration");
        if (target == null) {
            return taskCreation.create(exchange);
        }
        if (target < 1 || target > MAX_TOTAL_SECONDS) {
            throw new KlingValidationException("videoExtend request", "targetDuration",
                    "must be between 1 and " + MAX_TOTAL_SECONDS + " seconds, Kling's limit for an extended video (was " + target + ")");
        }
        KlingRequest first = taskCreation.assemble(exchange, Map.of());
        if (first.externalTaskId() != null) {
            // later steps carry the id with a step suffix: the longest must pass too, before the first step is paid for
            first.withExternalTaskId(stepExternalId(first.externalTaskId(), MAX_TOTAL_SECONDS))
                    .validateFields(List.of(EXTERNAL_TASK_ID));
        }
        CreateStepMemory memory = taskCreation.memory();
        List<String> made = memory.extendSteps(exchange);
        CompletableFuture<KlingTask> done;
        if (made != null && !made.isEmpty()) {
            // a redelivery: the steps made so far stay paid for; carry on from the last one
            String last = made.get(made.size() - 1);
            done = setup.client().get(setup.feature(), last)
                    .thenCompose(taskCreation.outcomes()::awaitFinal)
                    .thenCompose(task -> afterStep(task, first, first.externalTaskId(), target, made.size(), made, exchange));
        } else {
            done = extend(first, first.externalTaskId(), target, 1, memory.startExtendSteps(exchange), exchange);
        }
        return done.whenComplete((task, failure) -> {
            List<String> steps = memory.extendSteps(exchange);
            exchange.getMessage().setHeader(KlingConstants.TASK_IDS, steps == null ? List.of() : List.copyOf(steps));
            if (failure == null) {
                memory.succeeded(exchange);
            }
        });
    }

    private CompletableFuture<KlingTask> extend(KlingRequest request, String baseExternalId, int target, int step,
                                                List<String> taskIds, Exchange exchange) {
        return taskCreation.creator().create(request)
                .thenApply(task -> {
                    taskIds.add(task.taskId());
                    return task;
                })
                .thenCompose(taskCreation.outcomes()::awaitFinal)
                .thenCompose(task -> afterStep(task, request, baseExternalId, target, step, taskIds, exchange));
    }

    private CompletableFuture<KlingTask> afterStep(KlingTask task, KlingRequest request, String baseExternalId, int target,
                                                   int step, List<String> taskIds, Exchange exchange) {
        if (task.status() == KlingTaskStatus.FAILED) {
            KlingTaskMessages.populate(exchange.getMessage(), task);
            throw new KlingTaskFailedException(task);
        }
        double seconds = durationSeconds(task);
        if (seconds >= target) {
            return taskCreation.outcomes().finishFinal(task, exchange);
        }
        if (seconds <= parentSeconds(task)) {
            throw new IllegalStateException("Kling task " + task.taskId() + " did not make the video longer ("
                                            + seconds + " s); stopping before " + target + " s");
        }
        return extend(nextStep(request, task, baseExternalId, step + 1), baseExternalId, target, step + 1, taskIds,
                exchange);
    }

    /** The next step extends the video just made; a given external id gets a step suffix, as each must be unique. */
    private static KlingRequest nextStep(KlingRequest previous, KlingTask done, String baseExternalId, int step) {
        KlingRequest next = previous.with("video_id", done.firstVideoId());
        return baseExternalId == null ? next : next.withExternalTaskId(stepExternalId(baseExternalId, step));
    }

    /** Each step adds at least a second, so no extension has more than {@link #MAX_TOTAL_SECONDS} steps. */
    private static String stepExternalId(String baseExternalId, int step) {
        return baseExternalId + "-step" + step;
    }

    private static double durationSeconds(KlingTask task) {
        return task.videos().isEmpty() ? 0 : parse(task.videos().get(0));
    }

    private static double parentSeconds(KlingTask task) {
        return task.parentVideo() == null ? 0 : parse(task.parentVideo());
    }

    private static double parse(KlingVideo video) {
        try {
            return video.duration() == null ? 0 : Double.parseDouble(video.duration());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
