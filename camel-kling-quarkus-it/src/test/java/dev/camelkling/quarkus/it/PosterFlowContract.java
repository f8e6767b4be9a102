package dev.camelkling.quarkus.it;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the poster application does, seen from outside (its inbox, outbox and log, and the simulator): the same checks
 * run against the application in the test JVM ({@link PosterRouteTest}) and as the packaged jar
 * ({@link PosterApplicationIT}).
 */
abstract class PosterFlowContract {

    // set by KlingSimulatorResource.inject
    PosterFixture fixture;

    @Test
    void promptFileBecomesAPosterFromAFinishedKlingTask() throws IOException {
        int tasksBefore = fixture.simulator().createdTaskCount();
        fixture.dropPrompt("lighthouse", "A poster of a lighthouse at dusk");

        Path poster = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> fixture.postersOf("lighthouse"), posters -> posters.size() == 1).get(0);

        BufferedImage image = ImageIO.read(poster.toFile());
        assertThat(image).as("%s decodes as an image", poster).isNotNull();
        assertThat(image.getWidth()).isPositive();

        String taskId = poster.getFileName().toString().replaceFirst("^lighthouse-", "").replaceFirst("\\.png$", "");
        assertThat(fixture.simulator().taskStatus(taskId)).contains("succeed");
        assertThat(fixture.simulator().createdTaskCount()).isEqualTo(tasksBefore + 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(fixture.inbox().resolve(".done").resolve("lighthouse.txt")));
        assertThat(fixture.inbox().resolve(".failed")).doesNotExist();
    }

    @Test
    void keysNeverReachTheLog() throws IOException {
        fixture.dropPrompt("harbour", "A poster of a harbour at night");
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.postersOf("harbour").size() == 1);

        // the route's own line and the component's DEBUG lines are there, so the file is the application's log
        Pattern posterLine = Pattern.compile("Poster \\S+/harbour-\\d+\\.png for task");
        await().atMost(Duration.ofSeconds(5)).until(() -> posterLine.matcher(Files.readString(fixture.logFile())).find());
        String log = Files.readString(fixture.logFile());
        assertThat(log).containsPattern("DEBUG +\\[\\S*KlingHttp\\]")
                .doesNotContain(fixture.simulator().secretKey())
                .doesNotContain(fixture.simulator().accessKey());
    }
}
