package dev.camelkling.examples.flows;

import java.util.Map;

import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * File drop: every {@code .txt} (the prompt) or {@code .json} (the prompt plus kling:text2video options) dropped into
 * the inbox becomes an MP4 in the outbox, with a JSON sidecar of its task; a job whose task fails, or whose input is
 * invalid, becomes an {@code .error.json} in the error folder. The input leaves the inbox (to {@code .done} or
 * {@code .failed}) only once its task is final, and its external task id is derived from the file, so a restarted
 * application resumes each job's task instead of paying for it again. The same routes in the YAML DSL:
 * {@code flows/file-flow.yaml}.
 * <p>
 * Settings ({@code -D} or properties): {@code file.inbox}, {@code file.outbox}, {@code file.errors} (default
 * {@code kling-jobs/inbox}, {@code kling-jobs/videos}, {@code kling-jobs/errors}), {@code file.readLockCheckInterval}
 * (ms a file must have gone unmodified before it is read, default 1000), {@code file.pollDelay} (ms, default 500),
 * {@code file.externalIdPrefix} (default {@code file-}), {@code file.maxConcurrentTasks} (tasks of this flow running at
 * Kling at once; more jobs wait without holding a thread, default 5).
 */
public class FileFlow extends RouteBuilder {

    /** The same routes in the YAML DSL, on the classpath. */
    public static final String YAML = "flows/file-flow.yaml";

    @Override
    public void configure() {
        // example:file
        // A failed job (its task failed, or its input is invalid): an error report, and the input goes to .failed.
        // Only while running: a job cut off by a stop has not failed; it stays in the inbox for the next start.
        onException(Exception.class)
                .onWhen(new FileFlowRunning())
                .handled(true)
                .setProperty("jobFolder", constant(".failed"))
                .process(new FileFlowErrorReport())
                .marshal().json(true)
                .to("file:{{file.errors:kling-jobs/errors}}?fileName=${file:onlyname.noext.single}.error.json")
                .log(LoggingLevel.WARN, "Job ${file:name} failed: ${exception.message}");

        from("file:{{file.inbox:kling-jobs/inbox}}?includeExt=txt,json&charset=UTF-8&delay={{file.pollDelay:500}}"
             // a file still being written is left alone until it has not been modified for a while
             + "&readLock=changed&readLockCheckInterval={{file.readLockCheckInterval:1000}}"
             + "&readLockMinAge={{file.readLockCheckInterval:1000}}&readLockMinLength=0"
             // when the exchange completes, i.e. once the task is final: to .done or .failed. No moveFailed: an
             // exchange that fails anyway was cut off by a stop, and its input must stay where it is
             + "&move=${exchangeProperty.jobFolder}/${file:name}")
                .routeId("file-drop")
                .setProperty("jobFolder", constant(".done"))
                // the job's identity at Kling, from the file's name and content: a file read again after a restart
                // resumes its task instead of paying for a new one
                .process(new FileFlowJobId())
                .choice()
                    .when(simple("${file:name.ext.single} =~ 'json'"))
                        // the whole request as a Map: prompt plus options, named like the endpoint options
                        .unmarshal().json(Map.class)
                        .process(new FileFlowJsonJob())
                .end()
                .to("kling:text2video?waitForCompletion=true&download=true"
                    + "&maxConcurrentTasks={{file.maxConcurrentTasks:5}}")
                // written under a temporary name, then renamed: a video or sidecar that is there is complete
                .to("file:{{file.outbox:kling-jobs/videos}}?fileName=${file:onlyname.noext.single}.mp4"
                    + "&tempPrefix=.writing-")
                .process(new FileFlowSidecar())
                .marshal().json(true)
                .to("file:{{file.outbox:kling-jobs/videos}}?fileName=${file:onlyname.noext.single}.json"
                    + "&tempPrefix=.writing-")
                .log("Job ${file:name}: task ${header.CamelKlingTaskId} ${header.CamelKlingTaskStatus}");
        // end:file
    }

    /** Runs the flow until Ctrl+C: against Kling when credentials are set, else against an embedded simulator. */
    public static void main(String[] args) throws Exception {
        try (KlingBackend backend = KlingBackend.fromEnvironment(System.getenv(), SimulatorTiming.REALISTIC)) {
            System.out.println("File flow on " + backend.describe());
            new FlowApp(FlowApp.Dsl.fromSystemProperty(), new FileFlow(), YAML, backend).run();
        }
    }
}
