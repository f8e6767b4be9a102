package dev.camelkling.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelkling.component.KlingComponent;
import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import dev.camelkling.simulator.http.RequestFilter;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * A legacy polling consumer of text2video beside waits on the same feature and account: the list requests the
 * consumer itself sends per poll, without waits and while the waits' rounds read the feature's pages (their page 1
 * then answers the consumer's). Its pages are told apart from the waits' by their size (30; the waits' are 50-500).
 */
final class ConsumerBesideWaits {

    private static final String CONSUMER_PAGE_SIZE = "30";

    /** Counts the consumer's polls: Camel calls {@code commit} once per poll that did not fail. */
    static final class PollCounter extends DefaultPollingConsumerPollStrategy {
        final AtomicInteger polls = new AtomicInteger();

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            polls.incrementAndGet();
        }
    }

    private final KlingSimulator simulator;
    private final AtomicInteger consumerPages = new AtomicInteger();
    private final RequestFilter counter = (request, next) -> {
        if (request.method().equals("GET") && request.path().equals("/v1/videos/text2video")
                && CONSUMER_PAGE_SIZE.equals(request.query().get("pageSize"))) {
            consumerPages.incrementAndGet();
        }
        return next.handle(request);
    };

    ConsumerBesideWaits(KlingSimulator simulator) {
        this.simulator = simulator;
    }

    /** @return the consumer's list requests per poll: {@code [without waits, with waits]}, over {@code polls} polls each */
    double[] measure(int waits, int polls) throws Exception {
        SimulatorTiming usual = simulator.timing();
        simulator.timing(SimulatorTiming.of(Duration.ofSeconds(1), Duration.ofMinutes(30))); // running all along
        simulator.addRequestFilter(counter);
        PollCounter counted = new PollCounter();
        CamelContext application = new DefaultCamelContext();
        try {
            KlingComponent kling = new KlingComponent();
            kling.getConfiguration().setBaseUrl(simulator.baseUrl());
            kling.getConfiguration().setAccessKey(simulator.accessKey());
            kling.getConfiguration().setSecretKey(simulator.secretKey());
            application.addComponent("kling", kling);
            application.getRegistry().bind("pollCounter", counted);
            application.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kling:text2video?delay=1s&initialDelay=0&pollStrategy=#pollCounter&pageSize=" + CONSUMER_PAGE_SIZE)
                            .routeId("beside-waits").process(e -> { });
                }
            });
            application.start();
            double without = perPoll(counted, polls);
            List<CompletableFuture<Object>> waiting = new ArrayList<>();
            for (int i = 0; i < waits; i++) {
                waiting.add(application.createProducerTemplate()
                        .asyncRequestBody("kling:text2video?waitForCompletion=true&pollInterval=1s", "Beside " + i));
            }
            perPoll(counted, 3); // the waits' rounds start: their first reads come a pollInterval after their creates
            double with = perPoll(counted, polls);
            return new double[] {without, with};
        } finally {
            application.stop(); // the waits still running fail: their tasks outlive the measure
            simulator.removeRequestFilter(counter);
            simulator.timing(usual);
        }
    }

    /** The consumer's list requests per poll over the next {@code polls} polls. */
    private double perPoll(PollCounter counted, int polls) throws InterruptedException {
        int firstPoll = counted.polls.get();
        int firstPages = consumerPages.get();
        while (counted.polls.get() < firstPoll + polls) {
            Thread.sleep(50); // a benchmark, not a test: it measures over real polls
        }
        return (double) (consumerPages.get() - firstPages) / (counted.polls.get() - firstPoll);
    }
}
