package dev.camelkling.examples.flows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * FTP: product images in an FTP folder become videos in another folder of the same server. The camel-ftp consumer
 * streams each image ({@code streamDownload}) into {@code kling:image2video}, which waits for the task and downloads
 * the MP4, and the same exchange uploads it as {@code <image name>.mp4} to the results folder. The image is then moved
 * to {@code .done}, or to {@code .failed} (with a {@code <image>.error.txt} saying why) when the image itself was
 * refused; on any other failure it stays in the inbox and is tried again, with the same external task id, so Kling
 * is never asked twice for the same image (see {@link FtpFlowFailures} and docs/flows/ftp.md).
 * <p>
 * The same routes in the YAML DSL: {@value #YAML}. Settings ({@code -D} or application properties):
 * {@code ftp.url} ({@code ftp://host:port}; when unset, {@link #main} starts an in-process FTP server with sample
 * images), {@code ftp.user}, {@code ftp.password}, {@code ftp.inbox} ({@code inbox}), {@code ftp.results}
 * ({@code results}), {@code ftp.doneDir} ({@code .done}) and {@code ftp.failedDir} ({@code .failed}) inside the inbox,
 * {@code ftp.prompt}, {@code ftp.taskIdPrefix} ({@code ftp}), {@code ftp.pollDelay} (ms between polls and before
 * the first, 5000), {@code ftp.readLockCheckInterval} (ms, 1000).
 */
public class FtpFlow extends RouteBuilder {

    /** The same routes in the YAML DSL, a classpath resource. */
    public static final String YAML = "flows/ftp-flow.yaml";

    /** Exchange property naming the inbox subfolder the image is moved to when its exchange completes. */
    public static final String ARCHIVE_DIR = "ftpFlowArchiveDir";

    /** Login and transfer options shared by every endpoint of the flow's FTP server. */
    static final String FTP_SESSION =
            "username={{ftp.user}}&password=RAW({{ftp.password}})&passiveMode=true&binary=true";

    /** A fresh password per run, never printed: pass -Dftp.password to log in with an FTP client yourself. */
    private static final String DEMO_PASSWORD = UUID.randomUUID().toString();

    @Override
    public void configure() {
        // example:ftp
        from("{{ftp.url}}/{{ftp.inbox:inbox}}?" + FTP_SESSION
             + "&streamDownload=true&stepwise=false"              // the body is the FTP download stream, not a copy
             + "&antInclude=*.png,*.jpg,*.jpeg&antFilterCaseSensitive=false"
             + "&readLock=changed&readLockCheckInterval={{ftp.readLockCheckInterval:1000}}" // not while being uploaded
             + "&move=${exchangeProperty." + ARCHIVE_DIR + "}/${file:name}"  // .done or .failed; else stays for a retry
             + "&initialDelay={{ftp.pollDelay:5000}}&delay={{ftp.pollDelay:5000}}")
                .routeId("ftp-image2video")
                .streamCache("false")                               // no copy of the stream before kling reads it
                .doTry()
                    .convertBodyTo(InputStream.class)               // hand kling the stream itself
                    .to("kling:image2video?prompt={{ftp.prompt:The product turns slowly in soft studio light}}"
                        + "&waitForCompletion=true&download=true"
                        // one task per image version: the same file found again (after a restart) resumes its task
                        + "&externalTaskIdExpression={{ftp.taskIdPrefix:ftp}}-${file:name}-${file:size}-${header.CamelFileLastModified}")
                    .to("{{ftp.url}}/{{ftp.results:results}}?" + FTP_SESSION
                        + "&fileName=${file:onlyname.noext.single}.mp4&tempPrefix=.part-&fileExist=Override")
                    .setProperty(ARCHIVE_DIR, simple("{{ftp.doneDir:.done}}"))
                    .log("${file:name} -> {{ftp.results:results}}/${file:onlyname.noext.single}.mp4 (task ${header.CamelKlingTaskId})")
                .doCatch(Exception.class).onWhen(new FtpFlowFailures())           // the image's own fault
                    .setProperty(ARCHIVE_DIR, simple("{{ftp.failedDir:.failed}}"))
                    .setBody(simple("${exception.message}"))
                    .to("{{ftp.url}}/{{ftp.inbox:inbox}}/{{ftp.failedDir:.failed}}?" + FTP_SESSION
                        + "&fileName=${file:name}.error.txt&fileExist=Override")
                    .log(LoggingLevel.WARN, "${file:name} rejected: ${exception.message}")
                .end();
        // end:ftp
    }

    /** Runs the flow: against {@code -Dftp.url}, or else an in-process FTP server with sample product images. */
    public static void main(String[] args) throws Exception {
        FtpFlowServer.quietLogging();
        boolean ownServer = System.getProperty("ftp.url") == null;
        try (KlingBackend backend = KlingBackend.fromEnvironment(System.getenv(), SimulatorTiming.REALISTIC);
             FtpFlowServer server = ownServer ? startDemoServer() : null) {
            FlowApp app = new FlowApp(FlowApp.Dsl.fromSystemProperty(), new FtpFlow(), YAML, backend);
            System.out.println("Kling: " + backend.describe());
            if (server != null) {
                app.property("ftp.url", server.url())
                        .property("ftp.user", server.user())
                        .property("ftp.password", demoPassword());
                Path results = server.home().resolve(System.getProperty("ftp.results", "results"));
                System.out.println("FTP: in-process server at " + server.url() + " (user " + server.user()
                                   + ", password from -Dftp.password), serving " + server.home()
                                   + "\n     videos appear in " + results);
            }
            app.run();
        }
    }

    /** The sample images: the demo's picture under a few product names. */
    private static FtpFlowServer startDemoServer() throws IOException {
        Path home = Files.createTempDirectory("ftp-flow-");
        Path inbox = Files.createDirectories(home.resolve(System.getProperty("ftp.inbox", "inbox")));
        for (String name : List.of("lamp.png", "armchair.png", "side-table.png")) {
            try (InputStream image = FtpFlow.class.getResourceAsStream("/demo/prompts/04-mountain-sunset.png")) {
                Files.copy(image, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return FtpFlowServer.start(home, System.getProperty("ftp.user", "kling"), demoPassword());
    }

    private static String demoPassword() {
        return System.getProperty("ftp.password", DEMO_PASSWORD);
    }
}
