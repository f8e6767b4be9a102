package dev.camelkling.examples.flows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.camelkling.examples.flows.FlowApp.Dsl;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Section 4 of docs/flows.md, "SQL database": rows of a {@code jobs} table become Kling tasks, and the tasks' outcomes
 * are written back to their rows. Any number of instances can share one table: a job is taken by the one instance
 * whose conditional update moves it from NEW to SUBMITTED. The same routes in the YAML DSL are
 * {@code flows/sql-flow.yaml}; docs/flows/sql.md explains the choices.
 * <p>
 * Settings ({@code {{placeholders}}}, all optional): {@code sql.url}, {@code sql.user}, {@code sql.password} (the
 * database: H2 in memory by default, PostgreSQL for a {@code jdbc:postgresql:} URL), {@code sql.externalIdPrefix}
 * ({@code job-}: the task of job 7 has the external id {@code job-7}), {@code sql.pollDelay} (ms between reads of NEW
 * jobs), {@code sql.batchSize}, {@code sql.taskPollDelay} (ms between reads of Kling's task lists),
 * {@code sql.staleAfterSeconds} and {@code sql.recoveryDelay} (when a SUBMITTED job is looked at again).
 */
public class SqlFlow extends RouteBuilder {

    /** The same routes in the YAML DSL. */
    public static final String YAML = "flows/sql-flow.yaml";
    /** Where the standalone run keeps its jobs (so that a restart finds them); tests and users pass their own URL. */
    public static final String STANDALONE_URL = "jdbc:h2:file:./target/sql-flow/jobs;AUTO_SERVER=TRUE";

    @Override
    public void configure() throws Exception {
        bindToRegistry("jobsDb", SqlFlowDatabase.open(
                getContext().resolvePropertyPlaceholders("{{sql.url:jdbc:h2:mem:kling-jobs;DB_CLOSE_DELAY=-1}}"),
                getContext().resolvePropertyPlaceholders("{{sql.user:sa}}"),
                getContext().resolvePropertyPlaceholders("{{sql.password:}}")));

        // example:sql
        // Every instance reads the NEW jobs; the claim is a conditional update, so exactly one instance changes the row
        from("sql:select id, kind, prompt, options from jobs where status = 'NEW' order by id"
             + "?delay={{sql.pollDelay:1000}}&maxMessagesPerPoll={{sql.batchSize:20}}")
                .routeId("sql-flow-claim")
                .setProperty("owner", simple("${camelId}@${hostname}"))
                .to("sql:update jobs set status = 'SUBMITTED', owner = :#${exchangeProperty.owner},"
                    + " updated_at = LOCALTIMESTAMP where id = :#id and status = 'NEW'")
                .filter(simple("${header.CamelSqlUpdateCount} == 1")) // 0: another instance took it first
                    .to("direct:sql-flow-submit");

        // One create per job: its external id is made of the job id, so a second create finds the first task
        from("direct:sql-flow-submit")
                .routeId("sql-flow-submit")
                .setProperty("jobId", simple("${body[id]}"))
                .setProperty("kind", simple("${body[kind]}"))
                .removeHeaders("CamelKling*") // a task id header would make the create ignore our external id
                .doTry()
                    .bean(SqlFlowJobs.class, "request") // body: the Kling fields of the job's options and prompt
                    .setHeader("CamelKlingExternalTaskId",
                            simple("{{sql.externalIdPrefix:job-}}${exchangeProperty.jobId}"))
                    .toD("kling:${exchangeProperty.kind}")
                    .to("direct:sql-flow-record")
                .doCatch(Exception.class)
                    .to("direct:sql-flow-failure")
                .end();

        // A failure of the job itself (invalid, refused) ends it; any other leaves it SUBMITTED for the recovery route
        from("direct:sql-flow-failure")
                .routeId("sql-flow-failure")
                .choice()
                    .when(method(SqlFlowJobs.class, "isJobFault(${exception})"))
                        .to("sql:update jobs set status = 'FAILED', error = :#${exception.message},"
                            + " updated_at = LOCALTIMESTAMP"
                            + " where id = :#${exchangeProperty.jobId} and status = 'SUBMITTED'")
                        .log(LoggingLevel.WARN, "Job ${exchangeProperty.jobId} FAILED: ${exception.message}")
                    .otherwise()
                        .to("sql:update jobs set error = :#${exception.message}, updated_at = LOCALTIMESTAMP"
                            + " where id = :#${exchangeProperty.jobId} and status = 'SUBMITTED'")
                        .log(LoggingLevel.WARN, "Job ${exchangeProperty.jobId} stays SUBMITTED: ${exception.message}");

        // Finished tasks of this table's jobs (by external id prefix), whichever instance created them
        for (String kind : SqlFlowJobs.KINDS) {
            from("kling:" + kind + "?externalTaskIdPrefix={{sql.externalIdPrefix:job-}}"
                 + "&delay={{sql.taskPollDelay:5000}}")
                    .routeId("sql-flow-done-" + kind)
                    .to("direct:sql-flow-done");
        }
        from("direct:sql-flow-done")
                .routeId("sql-flow-done")
                .setProperty("jobId", method(SqlFlowJobs.class,
                        "jobId(${header.CamelKlingExternalTaskId}, '{{sql.externalIdPrefix:job-}}')"))
                .filter(simple("${exchangeProperty.jobId} != null"))
                    .to("direct:sql-flow-record");

        // What is known of a job's task goes to its row; only a SUBMITTED row changes, so an outcome is written once
        from("direct:sql-flow-record")
                .routeId("sql-flow-record")
                .choice()
                    .when(simple("${header.CamelKlingTaskStatus} == 'succeed'"))
                        .setProperty("resultUrls",
                                method(SqlFlowJobs.class, "jsonArray(${header.CamelKlingResultUrls})"))
                        .to("sql:update jobs set status = 'SUCCEEDED', task_id = :#${header.CamelKlingTaskId},"
                            + " result_urls = :#${exchangeProperty.resultUrls}, error = NULL,"
                            + " updated_at = LOCALTIMESTAMP"
                            + " where id = :#${exchangeProperty.jobId} and status = 'SUBMITTED'")
                    .when(simple("${header.CamelKlingTaskStatus} == 'failed'"))
                        .to("sql:update jobs set status = 'FAILED', task_id = :#${header.CamelKlingTaskId},"
                            + " error = :#${header.CamelKlingTaskStatusMessage}, updated_at = LOCALTIMESTAMP"
                            + " where id = :#${exchangeProperty.jobId} and status = 'SUBMITTED'")
                    .otherwise() // created, still running
                        .to("sql:update jobs set task_id = :#${header.CamelKlingTaskId}, error = NULL,"
                            + " updated_at = LOCALTIMESTAMP"
                            + " where id = :#${exchangeProperty.jobId} and status = 'SUBMITTED'")
                .end()
                .log("Job ${exchangeProperty.jobId}: task ${header.CamelKlingTaskId} ${header.CamelKlingTaskStatus}");

        // SUBMITTED for too long: a crash around the create, a transient failure, or an outcome not written yet
        from("sql:select id, kind, prompt, options, task_id from jobs where status = 'SUBMITTED'"
             + " and updated_at < LOCALTIMESTAMP - INTERVAL '{{sql.staleAfterSeconds:300}}' SECOND order by id"
             + "?delay={{sql.recoveryDelay:60000}}")
                .routeId("sql-flow-recover")
                .setProperty("owner", simple("${camelId}@${hostname}"))
                .to("sql:update jobs set owner = :#${exchangeProperty.owner}, updated_at = LOCALTIMESTAMP"
                    + " where id = :#id and status = 'SUBMITTED'"
                    + " and updated_at < LOCALTIMESTAMP - INTERVAL '{{sql.staleAfterSeconds:300}}' SECOND")
                .filter(simple("${header.CamelSqlUpdateCount} == 1")) // 0: another instance looks at it already
                .log("Job ${body[id]} has been SUBMITTED for long: reading its task again")
                .setProperty("job", body())
                .setProperty("jobId", simple("${body[id]}"))
                .setProperty("kind", simple("${body[kind]}"))
                .setHeader("CamelKlingTaskId", simple("${body[task_id]}")) // none recorded: then by its external id
                .setHeader("CamelKlingExternalTaskId", simple("{{sql.externalIdPrefix:job-}}${body[id]}"))
                .doTry()
                    .toD("kling:${exchangeProperty.kind}?operation=get")
                    .to("direct:sql-flow-record")
                .doCatch(Exception.class)
                    .choice()
                        .when(method(SqlFlowJobs.class, "isUncreated(${exception}, ${exchangeProperty.job})"))
                            .setBody(exchangeProperty("job"))
                            .to("direct:sql-flow-submit")
                        .otherwise()
                            .to("direct:sql-flow-failure");
        // end:sql
    }

    /**
     * Runs the flow until Ctrl+C: against the real Kling API when credentials are in the environment, else an
     * in-process simulator. {@code -Dflow.dsl=yaml} runs the YAML routes; {@code -Dsql.url=...} another database.
     */
    public static void main(String[] args) throws Exception {
        try (KlingBackend backend = KlingBackend.fromEnvironment(System.getenv(), SimulatorTiming.REALISTIC)) {
            String url = System.getProperty("sql.url", STANDALONE_URL);
            FlowApp app = new FlowApp(Dsl.fromSystemProperty(), new SqlFlow(), YAML, backend).property("sql.url", url);
            System.out.println("SQL flow: jobs in " + SqlFlowDatabase.describe(url) + "; Kling: " + backend.describe());
            // demo jobs only against the simulator: on the real API they would be paid for
            if (backend.simulator().isPresent() && Boolean.parseBoolean(System.getProperty("sql.demoJobs", "true"))) {
                insertDemoJobsIfEmpty(SqlFlowDatabase.open(url, System.getProperty("sql.user", "sa"),
                        System.getProperty("sql.password", "")));
            }
            app.run();
        }
    }

    /** A first run has something to do: a video, two images, one job the simulator fails and one that is invalid. */
    private static void insertDemoJobsIfEmpty(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            ResultSet count = statement.executeQuery("select count(*) from jobs");
            if (count.next() && count.getLong(1) > 0) {
                return;
            }
            statement.executeUpdate("insert into jobs (kind, prompt, options) values"
                    + " ('text2video', 'A red fox trotting through fresh snow at dawn', '{\"duration\": 5}'),"
                    + " ('imageGeneration', 'A lighthouse poster in flat colours', '{\"n\": 2}'),"
                    + " ('text2video', 'A paper boat on a rainy street [[fail]]', null),"
                    + " ('text2video', 'A city at night, neon reflections', '{\"duration\": 7}')");
            System.out.println("SQL flow: inserted 4 demo jobs (the last one is invalid: duration 7)");
        }
    }
}
