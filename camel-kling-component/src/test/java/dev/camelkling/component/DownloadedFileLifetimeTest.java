package dev.camelkling.component;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A temporary result file ({@code download=true}, no downloadDirectory) stays readable for as long as a message in
 * flight carries it, whichever way the route hands the message on, and is deleted once none does.
 */
class DownloadedFileLifetimeTest extends KlingTestSupport {

    private static final String DOWNLOAD = "kling:imageGeneration?waitForCompletion=true&download=true";

    /** Every result file a later step read, with whether it was a whole PNG when read. */
    private final Set<Path> read = ConcurrentHashMap.newKeySet();
    private final Set<Path> unreadable = ConcurrentHashMap.newKeySet();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:kamelet").to("kamelet:kling-test-image-action?baseUrl=" + SIM.baseUrl()
                                          + "&accessKey=" + SIM.accessKey() + "&secretKey=" + SIM.secretKey())
                        .process(e -> readResult(e)).to("mock:done");
                from("direct:enrich").enrich("direct:download").process(e -> readResult(e)).to("mock:done");
                from("direct:download").to(DOWNLOAD);
                from("direct:wireTap").to(DOWNLOAD).wireTap("direct:tapped");
                from("direct:tapped").delay(300).process(e -> readResult(e)).to("mock:done");
                from("direct:multicast").to(DOWNLOAD).multicast().parallelProcessing().to("direct:slow", "direct:slow");
                from("direct:slow").delay(300).process(e -> readResult(e)).to("mock:done");
                from("direct:split").to(DOWNLOAD + "&downloadAll=true&n=2").split(body()).parallelProcessing()
                        .process(e -> readResult(e)).to("mock:done");
                from("direct:seda").to(DOWNLOAD).to("seda:next");
                from("seda:next").delay(300).process(e -> readResult(e)).to("mock:done");
                from("direct:plain").to(DOWNLOAD).process(e -> readResult(e)).to("mock:done");
            }
        };
    }

    private void readResult(Exchange exchange) {
        Path file = exchange.getMessage().getBody(File.class).toPath();
        read.add(file);
        try {
            if (ImageIO.read(file.toFile()) == null) {
                unreadable.add(file);
            }
        } catch (Exception e) {
            unreadable.add(file);
        }
    }

    @AfterEach
    void everyFileIsGoneOnceNoMessageCarriesIt() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(read).allSatisfy(file -> assertThat(file).doesNotExist());
            assertThat(((KlingComponent) context.getComponent("kling")).getTemporaryResultFiles().count()).isZero();
        });
    }

    private void sendAndExpect(String endpoint, int reads) throws Exception {
        getMockEndpoint("mock:done").expectedMessageCount(reads);
        template.sendBody(endpoint, "A poster of a lighthouse at dusk");
        getMockEndpoint("mock:done").assertIsSatisfied();
        assertThat(read).hasSize(endpoint.equals("direct:multicast") ? 1 : reads);
        assertThat(unreadable).isEmpty();
    }

    @Test
    void aKameletHandsTheFileBackToTheCallingRoute() throws Exception {
        sendAndExpect("direct:kamelet", 1);
    }

    @Test
    void anEnrichHandsTheFileBackToTheEnrichedExchange() throws Exception {
        sendAndExpect("direct:enrich", 1);
    }

    @Test
    void aWireTapReadsTheFileAfterTheOriginalCompleted() throws Exception {
        sendAndExpect("direct:wireTap", 1);
    }

    @Test
    void parallelMulticastCopiesReadTheSameFile() throws Exception {
        sendAndExpect("direct:multicast", 2);
    }

    @Test
    void splitPartsReadEveryDownloadedFile() throws Exception {
        sendAndExpect("direct:split", 2);
    }

    @Test
    void aSedaHopReadsTheFile() throws Exception {
        sendAndExpect("direct:seda", 1);
    }

    @Test
    void aPlainRouteReadsTheFileAndItIsDeletedAfterwards() throws Exception {
        sendAndExpect("direct:plain", 1);
    }

    @Test
    void filesStillHeldWhenTheComponentStopsAreDeleted() throws Exception {
        Exchange out = template.request("direct:download", e -> e.getMessage().setBody("A poster"));
        Path file = out.getMessage().getBody(File.class).toPath();
        List<Path> survivors = Files.exists(file) ? List.of(file) : List.of();
        context.getComponent("kling").stop();
        assertThat(survivors).allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(((KlingComponent) context.getComponent("kling")).getTemporaryResultFiles().count()).isZero();
    }
}
