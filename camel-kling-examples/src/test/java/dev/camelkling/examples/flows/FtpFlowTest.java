package dev.camelkling.examples.flows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;


import dev.camelkling.component.KlingConstants;
import dev.camelkling.examples.MediaCheck;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SampleMedia;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The FTP flow, in both DSLs, against an in-process FTP server and the Kling simulator: what it leaves on the FTP
 * server (fetched over FTP, as a user would), and how many tasks Kling was asked for.
 */
class FtpFlowTest {

    private static final String USER = "shop";
    // reserved URI characters on purpose: the flow must pass the password through RAW(), unmangled
    private static final String PASSWORD = "s3cr&t+p@ss%20=;x";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static {
        FtpFlowServer.quietLogging();
    }

    private static KlingSimulator simulator;

    @TempDir
    Path home;
    @TempDir
    Path fetched;
    private FtpFlowServer ftp;
    private final List<FlowApp> apps = new ArrayList<>();
    private final List<Class<?>> bodiesSentToKling = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSimulator() {
        simulator = KlingSimulator.builder().maxConcurrentTasks(20).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void startFtpServer() {
        simulator.reset();
        simulator.timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300)));
        ftp = FtpFlowServer.start(home, USER, PASSWORD);
    }

    @AfterEach
    void stopEverything() {
        try {
            // a flow stopped with an exchange still committing waits a whole second of Camel's shutdown poll
            apps.forEach(app -> await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> app.context().getInflightRepository().size() == 0));
        } finally {
            apps.forEach(FlowApp::close);
            ftp.close();
        }
    }

    @ParameterizedTest
    @EnumSource(FlowApp.Dsl.class)
    void everyImageBecomesAPlayableVideoInTheResultsFolder(FlowApp.Dsl dsl) throws Exception {
        byte[] png = demoImage();
        upload("inbox/lamp.png", png);
        upload("inbox/shoe.red.png", png);          // only the last extension gives way to .mp4
        upload("inbox/chair.jpg", SampleMedia.jpeg(480, 360));
        upload("inbox/notes.txt", "not a product image".getBytes(StandardCharsets.UTF_8));

        start(dsl);

        await().atMost(PATIENCE).until(() -> fileNames("inbox/.done").size() == 3);
        assertThat(bodiesSentToKling).as("kling reads the FTP download stream itself, not a copy").hasSize(3)
                .allSatisfy(body -> assertThat(InputStream.class.isAssignableFrom(body)
                                                  && !StreamCache.class.isAssignableFrom(body)).as(body.getName()).isTrue());
        assertThat(fileNames("results")).containsExactlyInAnyOrder("lamp.mp4", "shoe.red.mp4", "chair.mp4");
        for (String video : fileNames("results")) {
            Path local = download("results/" + video);
            assertThat(MediaCheck.isRealMedia(local)).as(video + " is an MP4").isTrue();
            assertThat(playableFrames(local)).as(video + " frames that decode").isPositive();
        }
        assertThat(fileNames("inbox/.done")).containsExactlyInAnyOrder("lamp.png", "shoe.red.png", "chair.jpg");
        assertThat(fileNames("inbox")).as("only what is not an image stays").containsExactly("notes.txt");
        assertThat(fileNames("inbox/.failed")).isEmpty();

        Map<String, Integer> tasksPerId = simulator.externalIdCounts();
        assertThat(tasksPerId).hasSize(3).allSatisfy((id, tasks) -> assertThat(tasks).as(id).isEqualTo(1));
        assertThat(tasksPerId.keySet())
                .anySatisfy(id -> assertThat(id).matches("ftp-lamp\\.png-" + png.length + "-\\d+"));
        assertThat(simulator.createdTaskCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(FlowApp.Dsl.class)
    void imagesThatCannotBeUsedGoToTheFailureFolderWithTheReasonAndCreateNoTask(FlowApp.Dsl dsl) throws Exception {
        upload("inbox/tiny.png", SampleMedia.png(100, 100));                                // below Kling's 300 px
        upload("inbox/text.png", "just text, named .png".getBytes(StandardCharsets.UTF_8)); // not an image at all
        upload("inbox/good.png", demoImage());

        start(dsl);

        await().atMost(PATIENCE)
                .until(() -> fileNames("inbox/.failed").size() == 4 && fileNames("results").size() == 1);
        assertThat(fileNames("inbox/.failed"))
                .containsExactlyInAnyOrder("tiny.png", "tiny.png.error.txt", "text.png", "text.png.error.txt");
        assertThat(text("inbox/.failed/tiny.png.error.txt"))
                .contains("image").contains("at least 300 px on each side (was 100x100)");
        assertThat(text("inbox/.failed/text.png.error.txt"))
                .contains("image").contains("must be a JPG or PNG image (format not recognised)");
        assertThat(fileNames("results")).containsExactly("good.mp4");
        assertThat(fileNames("inbox")).isEmpty();

        // the local rules sent nothing: only the good image made a task
        assertThat(simulator.createdTaskCount()).isEqualTo(1);
        assertThat(simulator.externalIdCounts().keySet()).singleElement().asString().startsWith("ftp-good.png-");
    }

    @ParameterizedTest
    @EnumSource(FlowApp.Dsl.class)
    void aTaskThatKlingFailsParksTheImageWithKlingsReason(FlowApp.Dsl dsl) throws Exception {
        upload("inbox/lamp.png", demoImage());

        start(dsl, Map.of("ftp.prompt", "The lamp glows [[fail: the product may not be shown]]"));

        await().atMost(PATIENCE).until(() -> fileNames("inbox/.failed").size() == 2);
        assertThat(text("inbox/.failed/lamp.png.error.txt")).contains("failed: the product may not be shown");
        assertThat(fileNames("inbox/.failed")).contains("lamp.png");
        assertThat(fileNames("results")).isEmpty();
        assertThat(simulator.createdTaskCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(FlowApp.Dsl.class)
    void aStopWhileKlingWorksLeavesTheImageAndTheRestartResumesTheSameTask(FlowApp.Dsl dsl) throws Exception {
        simulator.timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMinutes(10))); // held until released
        byte[] png = demoImage();
        upload("inbox/lamp.png", png);

        FlowApp first = start(dsl, Map.of("camel.main.shutdownTimeout", "1"));
        await().atMost(PATIENCE).until(() -> simulator.createdTaskCount() == 1);
        String externalId = simulator.externalIdCounts().keySet().iterator().next();
        String taskId = taskIdOf(first, externalId);
        first.close();                                                   // stopped while the task is processing

        assertThat(fileNames("inbox")).containsExactly("lamp.png");
        assertThat(fileNames("results")).isEmpty();
        assertThat(simulator.taskStatus(taskId)).hasValue("processing");

        start(dsl);                                                      // the restart finds lamp.png again
        simulator.completeTask(taskId);

        await().atMost(PATIENCE).until(() -> fileNames("inbox/.done").contains("lamp.png"));
        assertThat(fileNames("results")).containsExactly("lamp.mp4");
        assertThat(MediaCheck.isRealMedia(download("results/lamp.mp4"))).isTrue();
        assertThat(simulator.tasksByExternalId(externalId)).as("the restart resumed, not re-created").isEqualTo(1);
        assertThat(simulator.createdTaskCount()).isEqualTo(1);
    }

    /** How camel-ftp copes with the server, not a DSL matter: run in one DSL. */
    @Test
    void aServerThatDropsIdleConnectionsWhileKlingWorksStillGetsTheVideoFromOneTask() throws Exception {
        ftp.close();
        ftp = FtpFlowServer.start(home, USER, PASSWORD, 1);   // drops connections idle for 1 s, the consumer's among them
        simulator.timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(2500)));
        upload("inbox/lamp.png", demoImage());

        start(FlowApp.Dsl.JAVA);

        await().atMost(PATIENCE).until(() -> fileNames("inbox/.done").contains("lamp.png"));
        assertThat(fileNames("results")).containsExactly("lamp.mp4");
        assertThat(MediaCheck.isRealMedia(download("results/lamp.mp4"))).isTrue();
        assertThat(simulator.createdTaskCount()).isEqualTo(1);
    }

    // --- the flow ---

    private FlowApp start(FlowApp.Dsl dsl) throws Exception {
        return start(dsl, Map.of());
    }

    private FlowApp start(FlowApp.Dsl dsl, Map<String, String> extra) throws Exception {
        FlowApp app = new FlowApp(dsl, new FtpFlow(), FtpFlow.YAML, KlingBackend.using(simulator))
                .property("ftp.url", ftp.url())
                .property("ftp.user", USER)
                .property("ftp.password", PASSWORD)
                .property("ftp.pollDelay", 100)
                .property("ftp.readLockCheckInterval", 100)
                .property("camel.component.kling.pollInterval", 50)
                .property("camel.component.kling.maxPollInterval", 250);
        extra.forEach(app::property);
        app.bind("klingBodyTypes", new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof ExchangeSendingEvent sending
                    && sending.getEndpoint().getEndpointUri().startsWith("kling:")) {
                    bodiesSentToKling.add(sending.getExchange().getMessage().getBody().getClass());
                }
            }
        });
        apps.add(app);
        return app.start();
    }

    /** The task Kling has for an external id, read through the flow's own kling component. */
    private static String taskIdOf(FlowApp app, String externalId) {
        Exchange answer = app.context().createProducerTemplate().request("kling:image2video?operation=get",
                exchange -> exchange.getMessage().setHeader(KlingConstants.EXTERNAL_TASK_ID, externalId));
        return answer.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
    }

    // --- the FTP server, seen through an FTP client ---

    private void upload(String path, byte[] content) throws IOException {
        withFtp(client -> {
            String dir = path.substring(0, path.lastIndexOf('/'));
            client.makeDirectory(dir);
            try (InputStream in = new ByteArrayInputStream(content)) {
                assertThat(client.storeFile(path, in)).as("upload " + path).isTrue();
            }
            return null;
        });
    }

    /** Names of the plain files in a folder (none if it does not exist). */
    private List<String> fileNames(String dir) throws IOException {
        return withFtp(client -> Arrays.stream(client.listFiles(dir)).filter(FTPFile::isFile).map(FTPFile::getName)
                .toList());
    }

    private Path download(String path) throws IOException {
        Path local = Files.createTempFile(fetched, "fetched-", path.substring(path.lastIndexOf('/') + 1));
        withFtp(client -> {
            try (OutputStream out = Files.newOutputStream(local)) {
                assertThat(client.retrieveFile(path, out)).as("download " + path).isTrue();
            }
            return null;
        });
        return local;
    }

    private String text(String path) throws IOException {
        return Files.readString(download(path), StandardCharsets.UTF_8);
    }

    private interface FtpCall<T> {
        T call(FTPClient client) throws IOException;
    }

    private <T> T withFtp(FtpCall<T> call) throws IOException {
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", ftp.port());
        try {
            assertThat(FTPReply.isPositiveCompletion(client.getReplyCode())).isTrue();
            assertThat(client.login(USER, PASSWORD)).as("FTP login").isTrue();
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            return call.call(client);
        } finally {
            client.disconnect();
        }
    }

    /** Frames in the video track, once its first frame has decoded: what a player needs. */
    private static int playableFrames(Path mp4) throws IOException {
        try (SeekableByteChannel channel = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            Picture first = grab.getNativeFrame();
            assertThat(first).as("first frame of " + mp4.getFileName()).isNotNull();
            assertThat(first.getWidth()).isPositive();
            return grab.getVideoTrack().getMeta().getTotalFrames();
        } catch (JCodecException e) {
            throw new IOException("Not a playable MP4: " + mp4.getFileName(), e);
        }
    }

    // --- images ---

    private static byte[] demoImage() throws IOException {
        try (InputStream in = FtpFlowTest.class.getResourceAsStream("/demo/prompts/04-mountain-sunset.png")) {
            return in.readAllBytes();
        }
    }
}
