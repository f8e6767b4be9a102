package dev.camelkling.component;

import java.util.List;

import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KlingVideoExtendTest extends KlingTestSupport {

    @Test
    void extendsTheVideoIdOfThePreviousResult() throws Exception {
        Exchange made = template.request("kling:text2video?waitForCompletion=true", e -> e.getMessage().setBody("A fox"));
        String sourceVideoId = made.getMessage().getHeader(KlingConstants.VIDEO_ID, String.class);

        Exchange out = template.request("kling:videoExtend?prompt=The fox keeps running&waitForCompletion=true",
                e -> e.getMessage().setHeaders(new java.util.HashMap<>(made.getMessage().getHeaders())));

        assertThat(out.getException()).isNull();
        KlingTask extended = out.getMessage().getBody(KlingTask.class);
        assertThat(extended.parentVideo().id()).isEqualTo(sourceVideoId);
        assertThat(Double.parseDouble(extended.videos().get(0).duration())).isGreaterThan(9);
        assertThat(isMp4(download(extended.resultUrls().get(0)))).isTrue();
    }

    @Test
    void aVideoIdBodyIsTheSource() {
        KlingTask made = template.requestBody("kling:text2video?waitForCompletion=true", "A fox", KlingTask.class);

        KlingTask extended = template.requestBody("kling:videoExtend?waitForCompletion=true", made.firstVideoId(), KlingTask.class);

        assertThat(extended.parentVideo().id()).isEqualTo(made.firstVideoId());
    }

    @Test
    void targetDurationExtendsStepByStepAndListsEveryTask() {
        KlingTask made = template.requestBody("kling:text2video?waitForCompletion=true", "A long walk", KlingTask.class);

        Exchange out = template.request("kling:videoExtend?targetDuration=14&externalTaskId=walk",
                e -> e.getMessage().setBody(made.firstVideoId()));

        assertThat(out.getException()).isNull();
        List<?> steps = out.getMessage().getHeader(KlingConstants.TASK_IDS, List.class);
        assertThat(steps).hasSize(2);
        KlingTask last = out.getMessage().getBody(KlingTask.class);
        assertThat(last.taskId()).isEqualTo(steps.get(1));
        assertThat(Double.parseDouble(last.videos().get(0).duration())).isGreaterThanOrEqualTo(14);
        assertThat(simulator().tasksByExternalId("walk")).isEqualTo(1);
        assertThat(simulator().tasksByExternalId("walk-step2")).isEqualTo(1);
        assertThat(simulator().createdTaskCount()).isEqualTo(3);
    }

    @Test
    void targetDurationBeyondThreeMinutesIsRefusedLocally() {
        Exchange out = template.request("kling:videoExtend?targetDuration=200", e -> e.getMessage().setBody("123"));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("targetDuration");
        assertThat(simulator().createdTaskCount()).isZero();
    }

    @Test
    void missingVideoIdIsNamed() {
        Exchange out = template.request("kling:videoExtend", e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("video_id");
    }
}
