package dev.camelkling.examples.flows;

import java.util.Map;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Kling behind a small REST API (platform-http): {@code POST /jobs} accepts a job as JSON and answers {@code 202} with
 * the task id and a status URL, {@code GET /jobs/{kind}/{taskId}} answers the task's status, and
 * {@code GET /jobs/{kind}/{taskId}/result} streams the result through camel-http with this flow's own download policy
 * (timeouts, proxy). The same routes are in the YAML DSL in {@code flows/http-flow.yaml}.
 */
public class HttpFlow extends RouteBuilder {

    public static final String YAML = "flows/http-flow.yaml";

    @Override
    public void configure() {
        HttpFlowJobs jobs = new HttpFlowJobs();
        HttpFlowErrors errors = new HttpFlowErrors();
        // example:http
        onException(Exception.class).handled(true)
                .removeHeaders("*")                        // whatever was set so far (request, Kling, result host) stays here
                .bean(errors, "answer")                    // status code + JSON error naming the field; no stack trace
                .to("direct:http-flow-reply");

        // POST /jobs {"kind": "text2video", "prompt": "...", "aspectRatio": "16:9", "jobId": "order-42"}
        from("platform-http:/jobs?httpMethodRestrict=POST").routeId("http-submit-job")
                .bean(jobs, "submission")                  // keeps the Idempotency-Key header and the path as properties
                .removeHeaders("*")                        // no request header (Authorization, Camel*) goes further
                .unmarshal().json(JsonLibrary.Jackson, Map.class)
                .bean(jobs, "job")                         // checks kind and jobId; the body becomes the Kling fields
                .setHeader("CamelKlingExternalTaskId", exchangeProperty("jobId")) // a repeated POST finds its task
                .to("direct:http-find-or-create-job")
                .removeHeaders("*")
                .bean(jobs, "accepted")                    // 202, Location, {"taskId", "status", "statusUrl"}
                .to("direct:http-flow-reply");

        // a job with an id Kling can look up may have been posted before (a client retrying): its task, not a new one
        from("direct:http-find-or-create-job").routeId("http-find-or-create-job")
                .choice()
                    .when(exchangeProperty("lookupFirst").isEqualTo(true))
                        .doTry()
                            .toD("kling:${exchangeProperty.kind}?operation=get")
                        .doCatch(KlingApiException.class).onWhen(simple("${exception.code()} == 1203"))
                            .toD("kling:${exchangeProperty.kind}")    // not known: create, no wait
                        .endDoTry()
                    .endChoice()
                    .otherwise()
                        .toD("kling:${exchangeProperty.kind}")        // create, no wait; the component validates first
                .end();

        // GET /jobs/text2video/{taskId}
        from("platform-http:/jobs/{kind}/{taskId}?httpMethodRestrict=GET").routeId("http-job-status")
                .bean(jobs, "taskRequest")
                .removeHeaders("*")
                .setHeader("CamelKlingTaskId", exchangeProperty("taskId"))
                .toD("kling:${exchangeProperty.kind}?operation=get")
                .removeHeaders("*")
                .bean(jobs, "status")                      // status, statusMessage, resultUrls, downloadUrls
                .to("direct:http-flow-reply");

        // GET /jobs/text2video/{taskId}/result[?index=0]: streamed through camel-http, with our timeouts and proxy
        from("platform-http:/jobs/{kind}/{taskId}/result?httpMethodRestrict=GET").routeId("http-job-result")
                .bean(jobs, "taskRequest")
                .removeHeaders("*")
                .setHeader("CamelKlingTaskId", exchangeProperty("taskId"))
                .toD("kling:${exchangeProperty.kind}?operation=get")
                .bean(jobs, "chooseResult")                // 409 unless succeed; the URL of the result asked for
                .removeHeaders("*")                        // only the URL goes to the result host: no credential, ever
                .setHeader(Exchange.HTTP_URI, exchangeProperty("resultUrl"))
                .to("http://kling-result?httpMethod=GET&skipRequestHeaders=true&disableStreamCache=true"
                    + "&followRedirects=true&throwExceptionOnFailure=true"
                    + "&connectTimeout={{http.download.connectTimeout:10000}}"
                    + "&soTimeout={{http.download.socketTimeout:60000}}"
                    + "&responseTimeout={{http.download.socketTimeout:60000}}"
                    + "&proxyHost={{?http.download.proxyHost}}&proxyPort={{?http.download.proxyPort}}")
                .setProperty("resultContentType", header("Content-Type"))
                .removeHeaders("*")                        // the result host's headers (cookies, servers) stay here
                .setHeader("Content-Type", exchangeProperty("resultContentType"))
                .setHeader("Content-Disposition", simple("attachment; filename=\"${exchangeProperty.resultFileName}\""));

        from("direct:http-flow-reply").routeId("http-flow-reply")
                .marshal().json(JsonLibrary.Jackson)
                .setHeader("Content-Type", constant("application/json"));
        // end:http
    }

    /**
     * The flow in Camel Main with its HTTP server on {@code host:port} (port 0: any free port, see {@link #port}).
     */
    public static FlowApp app(FlowApp.Dsl dsl, KlingBackend backend, String host, int port) {
        return new FlowApp(dsl, new HttpFlow(), YAML, backend)
                .property("camel.server.enabled", true)
                .property("camel.server.host", host)
                .property("camel.server.port", port);
    }

    /** The port the flow's HTTP server is listening on (the real one when it was started on port 0). */
    public static int port(CamelContext context) {
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("The platform-http server is not running (camel.server.enabled=true?)");
        }
        return server.getPort();
    }

    /**
     * Runs the flow until Ctrl+C. {@code -Dhttp.port} (default 8080), {@code -Dhttp.host} (default 127.0.0.1),
     * {@code -Dhttp.download.*} for the download policy, {@code -Dflow.dsl=yaml} for the YAML routes.
     */
    public static void main(String[] args) throws Exception {
        try (KlingBackend backend = KlingBackend.fromEnvironment(System.getenv(), SimulatorTiming.REALISTIC)) {
            String host = System.getProperty("http.host", "127.0.0.1");
            int port = Integer.getInteger("http.port", 8080);
            System.out.println("HTTP flow on http://" + host + ":" + port + "/jobs, Kling: " + backend.describe());
            app(FlowApp.Dsl.fromSystemProperty(), backend, host, port).run();
        }
    }
}
